// 应收账款 (/commerce/receivables): receivables aging — not yet due, 1–30, 31–60, 61–90 and over 90 days past due —
// by customer, owner or org unit, for the unit the caller picks (default their own; a rep sees their own orders), on
// an as-of day. Grouping, unit and day live in the address. Every figure opens the instalments behind it in a drawer;
// a unit's row leads into that unit. A bar chart shows the buckets of the whole.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Drawer, Flex, Segmented, Statistic, Table, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  AGING_BUCKETS,
  type AgingBucket,
  type AgingGroup,
  type AgingGroupBy,
  type OrgUnit,
  type ReceivableInstalment,
} from '@guanxi/contracts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { useOrgUnitList } from '../../sales/planning/planning.api.ts';
import { EChart, type ChartOption } from '../../sales/planning/EChart.tsx';
import { chartYuan } from '../../sales/planning/TrendChart.tsx';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { DunningLetterButton, DunningLetterDialog } from './DunningLetterDialog.tsx';
import { InstalmentStatus, instalmentTitle } from './InstalmentsSection.tsx';
import { queryOf, useAging, useDrill } from './receivables.api.ts';
import { yuan } from './receivables.money.ts';

const GROUPS: AgingGroupBy[] = ['customer', 'owner', 'orgUnit'];
const COLORS = ['#52c41a', '#faad14', '#fa8c16', '#f5222d', '#a8071a'];

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

function unitTree(units: OrgUnit[]): TreeNode[] {
  const nodes = new Map(
    units.filter((u) => u.active).map((u) => [u.id, { value: u.id, title: u.name, children: [] as TreeNode[] }]),
  );
  const roots: TreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function ReceivablesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const groupBy = (GROUPS.find((g) => g === params.get('groupBy')) ?? 'customer') as AgingGroupBy;
  const unitId = params.get('unit') ?? undefined;
  const asOf = params.get('asOf') ?? undefined;
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const units = useOrgUnitList();
  const aging = useAging(queryOf({ groupBy, orgUnitId: unitId, asOf }));
  const [drill, setDrill] = useState<{ title: string; query: Record<string, string> } | null>(null);
  const report = aging.data;
  const bucketLabel = (b: AgingBucket) => t(`commerce.receivables.aging.buckets.${b}`);

  const chart = useMemo<ChartOption | undefined>(() => {
    if (!report) return undefined;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: AGING_BUCKETS.map((b) => t(`commerce.receivables.aging.chartBuckets.${b}`)),
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          name: t('commerce.receivables.outstanding'),
          data: AGING_BUCKETS.map((b, i) => ({ value: chartYuan(report.totals[b]), itemStyle: { color: COLORS[i] }, bucket: b })),
        },
      ],
    };
  }, [report, t]);

  const open = (title: string, query: Record<string, string>, bucket?: AgingBucket | 'overdue') =>
    setDrill({
      title: bucket
        ? `${title} · ${bucket === 'overdue' ? t('commerce.receivables.aging.overdue') : bucketLabel(bucket)}`
        : title,
      query: { ...query, ...(bucket ? { bucket } : {}) },
    });

  const figure = (group: Pick<AgingGroup, 'label' | 'drill'>, value: string, bucket?: AgingBucket) =>
    value === '0.00' ? (
      <Typography.Text type="secondary">{yuan(value)}</Typography.Text>
    ) : (
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto' }}
        aria-label={`${group.label} ${bucket ? bucketLabel(bucket) : t('commerce.receivables.aging.total')} ${yuan(value)}`}
        onClick={() => open(group.label, group.drill, bucket)}
      >
        {yuan(value)}
      </Button>
    );

  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={3}>{t('commerce.receivables.aging.title')}</Typography.Title>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Segmented<AgingGroupBy>
          aria-label={t('commerce.receivables.aging.groupBy')}
          value={groupBy}
          options={GROUPS.map((g) => ({ value: g, label: t(`commerce.receivables.aging.groups.${g}`) }))}
          onChange={(g) => set('groupBy', g)}
        />
        <DatePicker
          aria-label={t('commerce.receivables.aging.asOf')}
          value={dayjs(asOf ?? report?.asOf)}
          allowClear={false}
          onChange={(d) => set('asOf', d ? d.format('YYYY-MM-DD') : undefined)}
          style={{ width: 140 }}
        />
        {report?.unit && (
          <TreeSelect
            aria-label={t('commerce.receivables.aging.unit')}
            value={unitId ?? report.unit.id}
            treeData={unitTree(units.data ?? [])}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            onChange={(id: string | undefined) => set('unit', id)}
            popupMatchSelectWidth={false}
            style={{ flex: '1 1 180px', minWidth: 0, maxWidth: 300 }}
          />
        )}
      </Flex>
      <Typography.Paragraph type="secondary">
        {t('commerce.receivables.aging.note', { asOf: report?.asOf ?? '' })}
      </Typography.Paragraph>
      {aging.isError && <Alert type="error" showIcon message={errorMessage(t, aging.error)} />}
      {report && (
        <>
          <Flex wrap gap={12} style={{ marginBottom: 16 }}>
            <Card size="small" style={{ flex: '1 1 160px' }}>
              <Statistic title={t('commerce.receivables.aging.total')} value={yuan(report.totals.total)} />
              {report.totals.count > 0 && (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => open(report.unit?.name ?? t('commerce.receivables.aging.mine'), report.drill)}
                >
                  {t('commerce.receivables.aging.showAll', { count: report.totals.count })}
                </Button>
              )}
            </Card>
            <Card size="small" style={{ flex: '1 1 160px' }}>
              <Statistic title={t('commerce.receivables.aging.buckets.current')} value={yuan(report.totals.current)} />
            </Card>
            <Card size="small" style={{ flex: '1 1 160px' }}>
              <Statistic
                title={t('commerce.receivables.aging.overdue')}
                value={yuan(report.totals.overdue)}
                valueStyle={{ color: report.totals.overdue === '0.00' ? undefined : '#cf1322' }}
              />
              {report.totals.overdue !== '0.00' && (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => open(report.unit?.name ?? '', report.drill, 'overdue')}
                >
                  {t('commerce.receivables.aging.showOverdue')}
                </Button>
              )}
            </Card>
          </Flex>
          {chart && report.totals.count > 0 && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <EChart
                option={chart}
                height={220}
                label={t('commerce.receivables.aging.chartLabel')}
                onItemClick={(data) => {
                  const bucket = (data as { bucket?: AgingBucket } | undefined)?.bucket;
                  if (bucket) open(report.unit?.name ?? t('commerce.receivables.aging.mine'), report.drill, bucket);
                }}
              />
            </Card>
          )}
          <ResponsiveTable<AgingGroup>
            size="small"
            rowKey="key"
            loading={aging.isFetching && !aging.data}
            dataSource={report.groups}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('commerce.receivables.aging.empty') }}
            columns={[
              {
                title: t(`commerce.receivables.aging.groups.${groupBy}`),
                key: 'label',
                fixed: 'left',
                width: 200,
                render: (_, g) =>
                  groupBy === 'orgUnit' && g.key !== report.unit?.id ? (
                    <Link to={`?${queryOf({ groupBy, unit: g.key, asOf })}`}>{g.label}</Link>
                  ) : (
                    g.label
                  ),
              },
              ...AGING_BUCKETS.map((b) => ({
                title: bucketLabel(b),
                key: b,
                align: 'right' as const,
                render: (_: unknown, g: AgingGroup) => figure(g, g.figures[b], b),
              })),
              {
                title: t('commerce.receivables.aging.total'),
                key: 'total',
                align: 'right',
                render: (_, g) => <strong>{figure(g, g.figures.total)}</strong>,
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('commerce.receivables.aging.sum')}</strong>
                </Table.Summary.Cell>
                {AGING_BUCKETS.map((b, i) => (
                  <Table.Summary.Cell key={b} index={i + 1} align="right">
                    {yuan(report.totals[b])}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={6} align="right">
                  <strong>{yuan(report.totals.total)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {report.otherGroups > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('commerce.receivables.aging.others', { count: report.otherGroups })}
            </Typography.Paragraph>
          )}
        </>
      )}
      {drill && <DrillDrawer title={drill.title} query={drill.query} onClose={() => setDrill(null)} />}
    </div>
  );
}

function DrillDrawer({ title, query, onClose }: { title: string; query: Record<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const page = useDrill(queryOf({ ...query, cursor: cursors.at(-1), limit: '20' }));
  const [dunning, setDunning] = useState<ReceivableInstalment | null>(null);
  return (
    <Drawer open title={title} onClose={onClose} width={840} styles={{ wrapper: { maxWidth: '100vw' } }}>
      {page.isError && <Alert type="error" showIcon message={errorMessage(t, page.error)} />}
      <ResponsiveTable<ReceivableInstalment>
        size="small"
        rowKey="id"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('commerce.receivables.aging.empty') }}
        columns={[
          {
            title: t('commerce.receivables.drill.order'),
            key: 'order',
            render: (_, i) => (
              <Link to={`/orders/${i.orderId}`}>
                {i.orderNumber} {instalmentTitle(t, i)}
              </Link>
            ),
          },
          { title: t('commerce.receivables.drill.customer'), dataIndex: 'customerName' },
          { title: t('commerce.receivables.drill.owner'), dataIndex: 'ownerName' },
          { title: t('commerce.receivables.dueDate'), dataIndex: 'dueDate' },
          { title: t('commerce.receivables.outstanding'), dataIndex: 'outstanding', align: 'right', render: yuan },
          { title: t('commerce.receivables.statusLabel'), key: 'status', render: (_, i) => <InstalmentStatus instalment={i} /> },
          {
            title: '',
            key: 'actions',
            render: (_, i) => (i.daysOverdue > 0 ? <DunningLetterButton onOpen={() => setDunning(i)} /> : null),
          },
        ]}
      />
      {dunning && (
        <DunningLetterDialog
          orderId={dunning.orderId}
          instalmentId={dunning.id}
          title={`${dunning.orderNumber} ${instalmentTitle(t, dunning)}`}
          onClose={() => setDunning(null)}
        />
      )}
      <Flex gap={8} style={{ marginTop: 12 }}>
        {cursors.length > 0 && (
          <Button onClick={() => setCursors(cursors.slice(0, -1))}>{t('commerce.receivables.drill.previous')}</Button>
        )}
        {page.data?.nextCursor && (
          <Button onClick={() => setCursors([...cursors, page.data!.nextCursor!])}>{t('commerce.receivables.drill.next')}</Button>
        )}
      </Flex>
    </Drawer>
  );
}
