import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CopyTextButton } from '../../components/CopyTextButton';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalXS },
  link: { wordBreak: 'break-all', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** The sign-in address while SAM Desk waits: to open in the browser where the admin signs in, or to copy there. */
export function SignInLink({ url }: { readonly url: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.box}>
      <Text weight="semibold" id="sign-in-link-label">
        {t('consent.signInLinkLabel')}
      </Text>
      <Text size={200}>{t('consent.signInLinkHint')}</Text>
      <Link href={url} target="_blank" rel="noreferrer noopener" className={styles.link} aria-describedby="sign-in-link-label" data-testid="sign-in-link">
        {url}
      </Link>
      <div>
        <CopyTextButton value={url} label={t('consent.copyLink')} copiedLabel={t('consent.linkCopied')} testId="copy-sign-in-link" />
      </div>
    </div>
  );
}
