import { Badge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useProfilesStore } from '../../store/profiles-store';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    width: '100%',
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selected: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  id: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
});

/** The profiles as a list of buttons; the selected one is marked with aria-current for screen readers. */
export function ProfileList() {
  const styles = useStyles();
  const { t } = useTranslation();
  const profiles = useProfilesStore((state) => state.profiles);
  const selectedId = useProfilesStore((state) => state.selectedId);
  const select = useProfilesStore((state) => state.select);
  if (profiles.length === 0) return <div />;
  return (
    <ul className={styles.list} aria-label={t('profilesView.listLabel')} data-testid="profile-list">
      {profiles.map((profile) => {
        const selected = profile.id === selectedId;
        return (
          <li key={profile.id}>
            <button
              type="button"
              className={mergeClasses(styles.item, selected && styles.selected)}
              aria-current={selected ? 'true' : undefined}
              onClick={() => select(profile.id)}
              data-testid="profile-item"
              data-profile-name={profile.displayName}
            >
              <Text weight="semibold">{profile.displayName}</Text>
              <Text size={200} className={styles.id}>
                {t('profiles.list.tenantId', { tenantId: profile.tenantId })}
              </Text>
              <Text size={200}>{t(`profiles.cloudNames.${profile.cloud.kind}`)}</Text>
              <span className={styles.badges}>
                <Badge appearance="tint" color={profile.hasRefreshToken ? 'success' : 'informative'} data-testid="badge-refresh-token" data-value={String(profile.hasRefreshToken)}>
                  {profile.hasRefreshToken ? t('profilesView.refreshTokenStored') : t('profilesView.noRefreshToken')}
                </Badge>
                {profile.credential.kind === 'secret' && (
                  <Badge appearance="tint" color={profile.hasClientSecret ? 'success' : 'warning'} data-testid="badge-client-secret" data-value={String(profile.hasClientSecret)}>
                    {profile.hasClientSecret ? t('profilesView.clientSecretStored') : t('profilesView.clientSecretMissing')}
                  </Badge>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
