import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/partner-center/rows';
import { useCustomersStore } from '../../store/customers-store';
import { DataStatus } from './DataStatus';
import { UsersTable } from './UsersTable';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  back: { justifySelf: 'start' },
});

/** One customer: who it is, when its users were last refreshed, and its users. */
export function CustomerUsers({ customer, onReconsent }: { readonly customer: CustomerRow; readonly onReconsent: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const users = useCustomersStore((state) => state.users);
  const closeCustomer = useCustomersStore((state) => state.closeCustomer);
  const refreshUsers = useCustomersStore((state) => state.refreshUsers);
  const cancelUsers = useCustomersStore((state) => state.cancelUsers);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the new heading, so a screen reader announces where the admin now is.
  useEffect(() => heading.current?.focus(), [customer.id]);
  return (
    <section className={styles.stack} aria-labelledby="customer-users-heading" data-testid="customer-users">
      <Button className={styles.back} appearance="subtle" icon={<ArrowLeftRegular />} onClick={closeCustomer} data-testid="customer-back">
        {t('customers.users.back')}
      </Button>
      <div>
        <h3 id="customer-users-heading" ref={heading} tabIndex={-1} className={styles.heading}>
          {t('customers.users.heading', { name: customer.companyName })}
        </h3>
        <Text size={200}>{t('customers.users.details', { domain: customer.domain, tenantId: customer.tenantId })}</Text>
      </div>
      <DataStatus data={users} onRefresh={() => void refreshUsers()} onCancel={() => void cancelUsers()} onReconsent={onReconsent} testId="users-status" />
      <UsersTable data={users} customerName={customer.companyName} />
    </section>
  );
}
