import { Button, Card, makeStyles, Toolbar, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyAddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { formatDateTime } from '../../../../shared/i18n/relative-time';
import { useRescueFocus } from '../../components/use-rescue-focus';
import { useProfilesStore, type ListedProfile } from '../../store/profiles-store';
import { ConsentPanel } from '../consent/ConsentPanel';
import { TokenPanel } from '../consent/TokenPanel';
import { DeleteProfileDialog } from './DeleteProfileDialog';
import { ExportDialog } from './ExportDialog';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.subtitle1, margin: 0, wordBreak: 'break-word' },
});

/** One profile: what it holds (never a secret, only whether one is stored), its actions, consent and token. */
export function ProfileDetails({ profile }: { readonly profile: ListedProfile }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const openEdit = useProfilesStore((state) => state.openEdit);
  const duplicate = useProfilesStore((state) => state.duplicate);
  const [removing, setRemoving] = useState(false);
  const [exporting, setExporting] = useState(false);
  // Opened after the editor closed (saved or cancelled) or a duplicate: focus lands on the profile's heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useRescueFocus(profile.id, useCallback(() => heading.current, []), { onMount: true });
  const yesNo = (value: boolean): string => (value ? t('profilesView.yes') : t('profilesView.no'));
  const storage = profile.keyVault ? (profile.keychain ? 'both' : 'keyVault') : 'keychain';

  const rows: { key: string; label: string; value: string }[] = [
    { key: 'tenant', label: t('profiles.fields.tenant'), value: profile.tenant },
    { key: 'tenantId', label: t('profiles.fields.tenantId'), value: profile.tenantId },
    { key: 'clientId', label: t('profiles.fields.clientId'), value: profile.clientId },
    { key: 'credential', label: t('profiles.fields.credential'), value: t(`profiles.credentialKinds.${profile.credential.kind}`) },
    ...(profile.credential.kind === 'certificate'
      ? [
          { key: 'certificatePath', label: t('profiles.fields.certificatePath'), value: profile.credential.path },
          { key: 'thumbprint', label: t('profiles.fields.thumbprint'), value: profile.credential.thumbprint },
        ]
      : [{ key: 'clientSecret', label: t('profilesView.clientSecretLabel'), value: yesNo(profile.hasClientSecret) }]),
    { key: 'storage', label: t('profiles.fields.storage'), value: t(`profiles.storageOptions.${storage}`) },
    ...(profile.keyVault
      ? [
          { key: 'keyVault', label: t('profiles.fields.vaultUrl'), value: t('profilesView.keyVaultTarget', { secretName: profile.keyVault.secretName, vaultUrl: profile.keyVault.vaultUrl }) },
          { key: 'keyVaultAccess', label: t('profiles.fields.keyVaultAccess'), value: t(`profiles.keyVaultAccessOptions.${profile.keyVault.access}`) },
        ]
      : []),
    { key: 'refreshToken', label: t('profilesView.refreshTokenLabel'), value: yesNo(profile.hasRefreshToken) },
    { key: 'redirectPort', label: t('profiles.fields.redirectPort'), value: profile.redirectPort === 'any' ? t('profiles.redirectPortOptions.any') : String(profile.redirectPort) },
    { key: 'cloud', label: t('profiles.fields.cloud'), value: t(`profiles.cloudNames.${profile.cloud.kind}`) },
    ...(profile.cloud.kind === 'custom'
      ? [
          { key: 'authorityHost', label: t('profiles.fields.authorityHost'), value: profile.cloud.authorityHost },
          { key: 'partnerCenterUrl', label: t('profiles.fields.partnerCenterUrl'), value: profile.cloud.partnerCenterUrl },
          { key: 'keyVaultSuffix', label: t('profiles.fields.keyVaultSuffix'), value: profile.cloud.keyVaultSuffix },
          ...(profile.cloud.graphUrl ? [{ key: 'graphUrl', label: t('profiles.fields.graphUrl'), value: profile.cloud.graphUrl }] : []),
        ]
      : []),
    { key: 'createdAt', label: t('profiles.fields.createdAt'), value: formatDateTime(profile.createdAt, language) },
    { key: 'updatedAt', label: t('profiles.fields.updatedAt'), value: formatDateTime(profile.updatedAt, language) },
  ];

  return (
    <section className={styles.stack} aria-labelledby="profile-heading" data-testid="profile-details" data-profile-id={profile.id}>
      <Card>
        <h3 id="profile-heading" ref={heading} tabIndex={-1} className={styles.heading}>
          {profile.displayName}
        </h3>
        <Toolbar aria-label={t('profilesView.actionsLabel', { name: profile.displayName })} size="small">
          <Button icon={<EditRegular />} onClick={() => openEdit(profile.id)} data-testid="edit-profile">
            {t('profilesView.edit')}
          </Button>
          <Button icon={<CopyAddRegular />} onClick={() => void duplicate(profile.id)} data-testid="duplicate-profile">
            {t('profiles.actions.duplicate')}
          </Button>
          <Button icon={<ArrowDownloadRegular />} onClick={() => setExporting(true)} data-testid="export-profile">
            {t('profiles.actions.export')}
          </Button>
          <Button icon={<DeleteRegular />} onClick={() => setRemoving(true)} data-testid="delete-profile">
            {t('profiles.actions.delete')}
          </Button>
        </Toolbar>
        <FactList facts={rows} testId="profile-fields" />
      </Card>
      <Card>
        <ConsentPanel profile={profile} />
      </Card>
      <Card>
        <TokenPanel profile={profile} />
      </Card>
      {removing && <DeleteProfileDialog profile={profile} onClose={() => setRemoving(false)} />}
      {exporting && <ExportDialog ids={[profile.id]} onClose={() => setExporting(false)} />}
    </section>
  );
}
