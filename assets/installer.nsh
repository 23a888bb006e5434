; Registers sam-desk:// links for the user who installs SAM Desk (SHCTX is HKCU for this per-user installer),
; pointing at this installation, and removes the registration on uninstall.
!macro customInstall
  WriteRegStr SHCTX "Software\Classes\sam-desk" "" "URL:SAM Desk"
  WriteRegStr SHCTX "Software\Classes\sam-desk" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\sam-desk\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\sam-desk\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\sam-desk"
!macroend
