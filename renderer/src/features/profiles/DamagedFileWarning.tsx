import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useProfilesStore } from '../../store/profiles-store';

/** The settings file could not be read and was moved aside: what was recovered, and where the original went. */
export function DamagedFileWarning() {
  const { t } = useTranslation();
  const damaged = useProfilesStore((state) => state.damaged);
  if (!damaged) return null;
  return (
    <MessageBar intent="warning" role="alert" data-testid="profiles-damaged">
      <MessageBarBody>
        {t(damaged.messageKey, {
          path: damaged.path,
          movedTo: damaged.movedTo,
          recovered: damaged.recovered,
          dropped: damaged.dropped,
          reason: t(`profiles.errors.damagedReasons.${damaged.reason}`),
        })}
      </MessageBarBody>
    </MessageBar>
  );
}
