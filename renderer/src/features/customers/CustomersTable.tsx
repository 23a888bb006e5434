import { Field, makeStyles, SearchBox, Select, Text, Toolbar, tokens } from '@fluentui/react-components';
import { PeopleRegular } from '@fluentui/react-icons';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/partner-center/rows';
import { CellCopyButton } from '../../components/CellCopyButton';
import { RowIconButton } from '../../components/RowIconButton';
import { VirtualTable, type VirtualTableColumn, type VirtualTableSort } from '../../components/VirtualTable';
import type { DataSet } from '../../store/data-set';
import type { RowSort } from '../partner-center/row-index';
import { ExportButton } from './ExportButton';
import { useRowQuery } from './use-row-index';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap', padding: 0 },
  search: { minWidth: '280px', flexGrow: 1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  tenant: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
});

const indexOptions = { fields: ['companyName', 'domain', 'tenantId', 'relationship'] as const };
const knownRelationships = ['reseller', 'advisor', 'none', 'syndication', 'microsoft_support'] as const;

/**
 * Every customer of the profile in one virtualized table: instant search across name, domain, tenant id and
 * relationship, sort by any column, a relationship filter, copy a tenant id, open a customer's users, export to CSV.
 */
export function CustomersTable({ data, profileName, onOpen }: { readonly data: DataSet<CustomerRow>; readonly profileName: string; readonly onOpen: (customer: CustomerRow) => void }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [relationship, setRelationship] = useState('');
  const [sort, setSort] = useState<RowSort<CustomerRow>>({ field: 'companyName', direction: 'ascending' });
  const predicate = useMemo(() => (relationship ? (row: CustomerRow) => row.relationship.toLowerCase() === relationship : undefined), [relationship]);
  const { view, total } = useRowQuery(data, indexOptions, { text, ...(predicate ? { predicate } : {}), sort });
  const relationshipName = useCallback((value: string) => (knownRelationships as readonly string[]).includes(value.toLowerCase()) ? t(`customers.relationships.${value.toLowerCase() as (typeof knownRelationships)[number]}`) : value || t('customers.relationships.unknown'), [t]);

  const columns = useMemo<ReadonlyArray<VirtualTableColumn<CustomerRow>>>(
    () => [
      { id: 'companyName', header: t('customers.columns.companyName'), width: 'minmax(180px, 2fr)', sortable: true, render: (row) => <span className={styles.cell}>{row.companyName}</span> },
      { id: 'domain', header: t('customers.columns.domain'), width: 'minmax(180px, 2fr)', sortable: true, render: (row) => <span className={styles.cell}>{row.domain}</span> },
      {
        id: 'tenantId',
        header: t('customers.columns.tenantId'),
        width: 'minmax(200px, 2fr)',
        sortable: true,
        render: (row) => (
          <span className={styles.tenant}>
            <span className={`${styles.cell} ${styles.mono}`}>{row.tenantId}</span>
            <CellCopyButton value={row.tenantId} name={t('customers.copyTenantId', { name: row.companyName })} />
          </span>
        ),
      },
      { id: 'relationship', header: t('customers.columns.relationship'), width: 'minmax(110px, 1fr)', sortable: true, render: (row) => relationshipName(row.relationship) },
      {
        id: 'open',
        header: '',
        width: '48px',
        render: (row) => <RowIconButton icon={<PeopleRegular />} label={t('customers.openCustomer', { name: row.companyName })} onClick={() => onOpen(row)} />,
      },
    ],
    [t, styles, relationshipName, onOpen],
  );

  const csvColumns = useMemo(
    () => [
      { header: t('customers.columns.companyName'), value: (row: CustomerRow) => row.companyName },
      { header: t('customers.columns.domain'), value: (row: CustomerRow) => row.domain },
      { header: t('customers.columns.tenantId'), value: (row: CustomerRow) => row.tenantId },
      { header: t('customers.columns.relationship'), value: (row: CustomerRow) => row.relationship },
    ],
    [t],
  );

  return (
    <div className={styles.stack}>
      <Toolbar className={styles.toolbar} aria-label={t('customers.heading')}>
        <Field label={t('customers.searchLabel')} className={styles.search}>
          <SearchBox value={text} onChange={(_event, value) => setText(value.value)} placeholder={t('customers.searchPlaceholder')} data-testid="customers-search" />
        </Field>
        <Field label={t('customers.relationshipLabel')}>
          <Select value={relationship} onChange={(_event, value) => setRelationship(value.value)} data-testid="customers-relationship">
            <option value="">{t('customers.relationshipAll')}</option>
            {knownRelationships.map((value) => (
              <option key={value} value={value}>
                {relationshipName(value)}
              </option>
            ))}
          </Select>
        </Field>
        <ExportButton length={view.length} rowAt={(position) => view.rowAt(position)} columns={csvColumns} what="customers" whose={profileName} testId="customers-export" />
      </Toolbar>
      <Text role="status" aria-live="polite" data-testid="customers-count" data-shown={view.length} data-total={total}>
        {t('customers.count', { shown: view.length.toLocaleString(i18n.language), total: total.toLocaleString(i18n.language) })}
      </Text>
      {view.length === 0 && (
        <Text data-testid="customers-empty">{total === 0 ? t('customers.empty') : t('customers.noMatches')}</Text>
      )}
      <VirtualTable
        testId="customers-table"
        label={t('customers.tableLabel', { profile: profileName })}
        rowCount={view.length}
        rowAt={(position) => view.rowAt(position)}
        rowKey={(row) => row.id}
        columns={columns}
        sort={{ columnId: sort.field, direction: sort.direction }}
        onSortChange={(next: VirtualTableSort) => setSort({ field: next.columnId as RowSort<CustomerRow>['field'], direction: next.direction })}
        rowHeight={36}
        height="max(320px, calc(100vh - 420px))"
        onActivate={onOpen}
      />
    </div>
  );
}
