import { Badge, Field, makeStyles, SearchBox, Select, Text, Toolbar, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/i18n/relative-time';
import type { UserRow, UserState } from '../../../../shared/partner-center/rows';
import { VirtualTable, type VirtualTableColumn, type VirtualTableSort } from '../../components/VirtualTable';
import type { DataSet } from '../../store/data-set';
import type { RowSort } from '../partner-center/row-index';
import { ExportButton } from './ExportButton';
import { useRowQuery } from './use-row-index';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap', padding: 0 },
  search: { minWidth: '280px', flexGrow: 1 },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

const indexOptions = { fields: ['displayName', 'userPrincipalName', 'usageLocation'] as const };
const byState: Record<UserState, (row: UserRow) => boolean> = { active: (row) => row.state === 'active', deleted: (row) => row.state === 'deleted' };

/** A customer's users, active and deleted, in one virtualized table with search, a state filter and CSV export. */
export function UsersTable({ data, customerName }: { readonly data: DataSet<UserRow>; readonly customerName: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [state, setState] = useState<'all' | UserState>('all');
  const [sort, setSort] = useState<RowSort<UserRow>>({ field: 'displayName', direction: 'ascending' });
  const { view, total } = useRowQuery(data, indexOptions, { text, ...(state === 'all' ? {} : { predicate: byState[state] }), sort });

  const columns = useMemo<ReadonlyArray<VirtualTableColumn<UserRow>>>(
    () => [
      { id: 'displayName', header: t('customers.users.columns.displayName'), width: 'minmax(160px, 2fr)', sortable: true, render: (row) => <span className={styles.cell}>{row.displayName}</span> },
      { id: 'userPrincipalName', header: t('customers.users.columns.userPrincipalName'), width: 'minmax(220px, 3fr)', sortable: true, render: (row) => <span className={styles.cell}>{row.userPrincipalName}</span> },
      {
        id: 'state',
        header: t('customers.users.columns.state'),
        width: 'minmax(90px, 1fr)',
        sortable: true,
        render: (row) => (
          <Badge appearance="tint" color={row.state === 'active' ? 'success' : 'subtle'}>
            {t(`customers.users.state.${row.state}`)}
          </Badge>
        ),
      },
      { id: 'usageLocation', header: t('customers.users.columns.usageLocation'), width: 'minmax(80px, 1fr)', sortable: true, render: (row) => row.usageLocation },
      { id: 'deletedAt', header: t('customers.users.columns.deletedAt'), width: 'minmax(150px, 1.5fr)', sortable: true, render: (row) => (row.deletedAt ? formatDateTime(row.deletedAt, i18n.language) : '') },
    ],
    [t, styles, i18n.language],
  );

  const csvColumns = useMemo(
    () => [
      { header: t('customers.users.columns.displayName'), value: (row: UserRow) => row.displayName },
      { header: t('customers.users.columns.userPrincipalName'), value: (row: UserRow) => row.userPrincipalName },
      { header: t('customers.users.columns.state'), value: (row: UserRow) => row.state },
      { header: t('customers.users.columns.usageLocation'), value: (row: UserRow) => row.usageLocation },
      { header: t('customers.users.columns.deletedAt'), value: (row: UserRow) => row.deletedAt },
      { header: 'id', value: (row: UserRow) => row.id },
    ],
    [t],
  );

  return (
    <div className={styles.stack}>
      <Toolbar className={styles.toolbar} aria-label={t('customers.users.tableLabel', { name: customerName })}>
        <Field label={t('customers.users.searchLabel')} className={styles.search}>
          <SearchBox value={text} onChange={(_event, value) => setText(value.value)} placeholder={t('customers.users.searchPlaceholder')} data-testid="users-search" />
        </Field>
        <Field label={t('customers.users.stateLabel')}>
          <Select value={state} onChange={(_event, value) => setState(value.value === 'active' || value.value === 'deleted' ? value.value : 'all')} data-testid="users-state">
            <option value="all">{t('customers.users.states.all')}</option>
            <option value="active">{t('customers.users.states.active')}</option>
            <option value="deleted">{t('customers.users.states.deleted')}</option>
          </Select>
        </Field>
        <ExportButton length={view.length} rowAt={(position) => view.rowAt(position)} columns={csvColumns} what="users" whose={customerName} testId="users-export" />
      </Toolbar>
      <Text role="status" aria-live="polite" data-testid="users-count" data-shown={view.length} data-total={total}>
        {t('customers.users.count', { shown: view.length.toLocaleString(i18n.language), total: total.toLocaleString(i18n.language) })}
      </Text>
      {view.length === 0 && (
        <Text data-testid="users-empty">{total === 0 ? t('customers.users.empty') : t('customers.users.noMatches')}</Text>
      )}
      <VirtualTable
        testId="users-table"
        label={t('customers.users.tableLabel', { name: customerName })}
        rowCount={view.length}
        rowAt={(position) => view.rowAt(position)}
        rowKey={(row) => row.id}
        columns={columns}
        sort={{ columnId: sort.field, direction: sort.direction }}
        onSortChange={(next: VirtualTableSort) => setSort({ field: next.columnId as RowSort<UserRow>['field'], direction: next.direction })}
        rowHeight={36}
        height="max(320px, calc(100vh - 460px))"
      />
    </div>
  );
}
