// The list of any record type at /<plural>: saved views, search, filters, a column chooser, multi-column sort,
// keyset paging with a running count, bulk edit/assign/delete of the selected rows, and export of the view.
// On phones the rows become cards.
import { useMemo, useState } from 'react';
import { Badge, Button, Dropdown, Flex, Grid, Input, Space, Spin, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, SavedView } from '@guanxi/contracts';
import { useEntityMeta } from '../../platform/meta.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { BulkActionDialog, type BulkAction } from './BulkActionDialog.tsx';
import { ColumnChooser, defaultColumns } from './ColumnChooser.tsx';
import { FieldValue } from './FieldValue.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { activeFilterFields } from './listFilters.ts';
import { RecordCards } from './RecordCards.tsx';
import { listQuery, useRecordPages, useSavedViews, type ApiRecord, type ListState } from './records.api.ts';
import { SavedViewsBar } from './SavedViewsBar.tsx';
import { ExportMenu } from '../imports/ExportMenu.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';

export function RecordListPage() {
  const { plural } = useParams();
  const { entity, isPending } = useEntityMeta(plural);
  if (isPending) return <Spin />;
  if (!entity) return <NotFoundPage />;
  return <ListWithViews key={entity.name} entity={entity} />;
}

function ListWithViews({ entity }: { entity: EntityMeta }) {
  const views = useSavedViews(entity.name);
  // A link may carry list filters (`?filter[ownerId][eq]=…`, a report's drill-down): they open instead of the default view.
  const [params] = useSearchParams();
  const linked = [...params].filter(([name]) => name.startsWith('filter['));
  if (views.isPending) return <Spin />;
  const items = views.data ?? [];
  if (linked.length)
    return (
      <ListView
        key={params.toString()}
        entity={entity}
        views={items}
        initialView={undefined}
        linkedFilters={Object.fromEntries(linked)}
      />
    );
  return <ListView entity={entity} views={items} initialView={items.find((v) => v.isDefault)} />;
}

function stateOf(entity: EntityMeta, view: SavedView | undefined, linkedFilters?: Record<string, string>): ListState {
  const columns = view?.definition.columns.filter((c) => entity.fields.some((f) => f.name === c)) ?? [];
  return {
    filters: linkedFilters ?? view?.definition.filters ?? {},
    sort: view?.definition.sort ?? '',
    columns: columns.length ? columns : defaultColumns(entity),
    q: '',
  };
}

const sameDefinition = (a: ListState, b: ListState) =>
  JSON.stringify([a.filters, a.sort || '', a.columns]) === JSON.stringify([b.filters, b.sort || '', b.columns]);

function ListView({
  entity,
  views,
  initialView,
  linkedFilters,
}: {
  entity: EntityMeta;
  views: SavedView[];
  initialView: SavedView | undefined;
  linkedFilters?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md !== false;
  const [viewId, setViewId] = useState(initialView?.id);
  const current = views.find((v) => v.id === viewId);
  const [state, setState] = useState<ListState>(() => stateOf(entity, initialView, linkedFilters));
  const [filterFields, setFilterFields] = useState(() => activeFilterFields(state.filters));
  const [showFilters, setShowFilters] = useState(filterFields.length > 0);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkAction | null>(null);

  const query = listQuery(state);
  const pages = useRecordPages(entity.plural, query);
  const records = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total;
  const modified = !sameDefinition(state, stateOf(entity, current));
  const columns = state.columns.map((name) => entity.fields.find((f) => f.name === name)).filter((f) => f !== undefined);
  const sortKeys = state.sort ? state.sort.split(',') : [];
  const can = (action: 'create' | 'update' | 'delete' | 'assign' | 'export') => (entity.permissions[action] ?? 'none') !== 'none';
  const selectLabel = (title: string) => t('records.list.select', { title });
  usePageTitle(entity.label);

  const change = (next: Partial<ListState>) => {
    setState((prev) => ({ ...prev, ...next }));
    setSelected([]);
  };
  const selectView = (view: SavedView | undefined) => {
    const next = stateOf(entity, view);
    setViewId(view?.id);
    setState({ ...next, q: state.q });
    setFilterFields(activeFilterFields(next.filters));
    setSelected([]);
  };
  const onSort = (sorter: SorterResult<ApiRecord> | SorterResult<ApiRecord>[]) => {
    const list = (Array.isArray(sorter) ? sorter : [sorter]).filter((s) => s.order && s.columnKey);
    change({ sort: list.map((s) => `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}`).join(',') });
  };

  const tableColumns = columns.map((field) => {
    const at = sortKeys.findIndex((k) => k.replace(/^-/, '') === field.name);
    return {
      key: field.name,
      title: field.label,
      ellipsis: field.type === 'longText',
      align: field.type === 'integer' || field.type === 'decimal' ? ('right' as const) : undefined,
      sorter: field.sortable ? { multiple: at >= 0 ? 100 - at : 1 } : undefined,
      sortOrder: at >= 0 ? (sortKeys[at]!.startsWith('-') ? ('descend' as const) : ('ascend' as const)) : null,
      render: (_: unknown, record: ApiRecord) =>
        field.name === entity.titleField ? (
          <Link to={`/${entity.plural}/${record.id}`}>{String(record[field.name] ?? '—')}</Link>
        ) : (
          <FieldValue record={record} field={field} />
        ),
    };
  });

  const bulkItems = [
    ...(can('update') ? [{ key: 'update', label: t('records.bulk.update') }] : []),
    ...(can('assign') ? [{ key: 'assign', label: t('records.bulk.assign') }] : []),
    ...(can('delete') ? [{ key: 'delete', label: t('records.bulk.delete'), danger: true }] : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space align="baseline" wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {entity.label}
          </Typography.Title>
          <Typography.Text type="secondary" role="status">
            {total === undefined ? '' : t('records.list.total', { count: total })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {can('export') && <ExportMenu entity={entity} query={listQuery(state, { fields: state.columns.join(',') })} />}
          {can('create') && <Button onClick={() => void navigate(`/${entity.plural}/import`)}>{t('records.list.import')}</Button>}
          {can('create') && (
            <Button type="primary" onClick={() => void navigate(`/${entity.plural}/new`)}>
              {t('records.list.create', { type: entity.label })}
            </Button>
          )}
        </Space>
      </Flex>

      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <SavedViewsBar entity={entity} views={views} current={current} modified={modified} state={state} onSelect={selectView} />
        <Input.Search
          aria-label={t('records.list.search', { type: entity.label })}
          placeholder={t('records.list.search', { type: entity.label })}
          allowClear
          style={{ flex: '1 1 200px', maxWidth: 320 }}
          onSearch={(q) => change({ q })}
        />
        <Badge count={activeFilterFields(state.filters).length} size="small">
          <Button aria-expanded={showFilters} onClick={() => setShowFilters((v) => !v)}>
            {t('records.filters.title')}
          </Button>
        </Badge>
        <ColumnChooser entity={entity} columns={state.columns} onChange={(cols) => change({ columns: cols })} />
      </Flex>

      {showFilters && (
        <div style={{ marginBottom: 12 }}>
          <FilterPanel
            entity={entity}
            fields={filterFields}
            filters={state.filters}
            onChange={(filters, fields) => {
              setFilterFields(fields);
              change({ filters });
            }}
          />
        </div>
      )}

      {selected.length > 0 && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} role="region" aria-label={t('records.bulk.bar')}>
          <Typography.Text>{t('records.bulk.selected', { count: selected.length })}</Typography.Text>
          {bulkItems.length > 0 && (
            <Dropdown trigger={['click']} menu={{ items: bulkItems, onClick: ({ key }) => setBulk(key as BulkAction) }}>
              <Button>{t('records.bulk.menu')}</Button>
            </Dropdown>
          )}
          <Button type="link" onClick={() => setSelected([])}>
            {t('records.bulk.clear')}
          </Button>
        </Flex>
      )}

      {pages.isError ? (
        <Typography.Text type="danger">{pages.error.message}</Typography.Text>
      ) : wide ? (
        <div style={{ overflowX: 'auto' }}>
          <Table<ApiRecord>
            rowKey="id"
            size="middle"
            loading={pages.isFetching && !pages.isFetchingNextPage}
            dataSource={records}
            columns={tableColumns}
            pagination={false}
            showSorterTooltip={false}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as string[]),
              getCheckboxProps: (record) => ({ 'aria-label': selectLabel(String(record[entity.titleField] ?? '')) }),
            }}
            onChange={(_pagination, _filters, sorter) => onSort(sorter)}
            locale={{ emptyText: t('records.list.empty') }}
          />
        </div>
      ) : (
        <Spin spinning={pages.isFetching && !pages.isFetchingNextPage}>
          <RecordCards
            entity={entity}
            columns={columns}
            records={records}
            selected={selected}
            onSelect={setSelected}
            selectLabel={selectLabel}
          />
          {records.length === 0 && !pages.isFetching && (
            <Typography.Text type="secondary">{t('records.list.empty')}</Typography.Text>
          )}
        </Spin>
      )}

      <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
        {total !== undefined && records.length > 0 && (
          <Typography.Text type="secondary">{t('records.list.shown', { shown: records.length, total })}</Typography.Text>
        )}
        {pages.hasNextPage && (
          <Button loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('records.list.more')}
          </Button>
        )}
      </Flex>

      {bulk && (
        <BulkActionDialog
          entity={entity}
          action={bulk}
          records={records.filter((r) => selected.includes(r.id))}
          onClose={(changed) => {
            setBulk(null);
            if (changed) setSelected([]);
          }}
        />
      )}
    </>
  );
}
