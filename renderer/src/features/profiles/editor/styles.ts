import { makeStyles, tokens } from '@fluentui/react-components';

export const useEditorStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalM },
  fieldset: { display: 'grid', gap: tokens.spacingVerticalM, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  nested: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    border: 'none',
    margin: 0,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  port: { width: '8em' },
});
