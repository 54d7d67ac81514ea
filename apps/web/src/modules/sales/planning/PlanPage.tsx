// 销售计划: a unit's plan vs actual for a period — the unit rolled up, each child unit (opened by its name, a drill
// down the tree) and the unit's own people — with the actuals linked to the records behind them; below, the unit's
// targets, added, changed, removed, and a unit's target split to its child units and people.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanRow, SalesTarget } from '@guanxi/contracts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { metricValue, PlanFigureCell } from './figures.tsx';
import { deleteTarget, planningKeys, usePlanVsActual, useTargets } from './planning.api.ts';
import { PlanningFilters, usePlanningParams } from './PlanningFilters.tsx';
import { SplitDialog } from './SplitDialog.tsx';
import { TargetDialog } from './TargetDialog.tsx';

export function PlanPage() {
  const { t } = useTranslation();
  const { period, unitId, unitLink } = usePlanningParams();
  const [params, setParams] = useSearchParams();
  const category = params.get('category')?.trim() || undefined;
  const plan = usePlanVsActual(period, unitId, category);
  const shownUnit = plan.data?.unit.orgUnitId;
  usePageTitle(t('sales.planning.plan.title'));

  const rows: (PlanRow & { key: string; total?: boolean })[] = plan.data
    ? [
        { ...plan.data.unit, key: 'total', total: true },
        ...plan.data.children.map((row) => ({ ...row, key: `unit:${row.orgUnitId}` })),
        ...plan.data.people.map((row) => ({ ...row, key: `person:${row.userId}` })),
      ]
    : [];

  return (
    <>
      <Typography.Title level={2}>{t('sales.planning.plan.title')}</Typography.Title>
      <PlanningFilters shownUnitId={shownUnit} />
      <Input.Search
        key={category ?? ''}
        defaultValue={category}
        allowClear
        aria-label={t('sales.planning.plan.category')}
        placeholder={t('sales.planning.plan.category')}
        onSearch={(value) => {
          const next = new URLSearchParams(params);
          if (value.trim()) next.set('category', value.trim());
          else next.delete('category');
          setParams(next);
        }}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      {plan.isError && <Alert type="error" showIcon message={errorMessage(t, plan.error)} style={{ marginBottom: 16 }} />}
      <Card
        size="small"
        title={t('sales.planning.plan.vsActual', { unit: plan.data?.unit.name ?? '', period })}
        style={{ marginBottom: 16 }}
      >
        <Table
          size="small"
          rowKey="key"
          loading={plan.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t('sales.planning.plan.name'),
              key: 'name',
              width: 180,
              fixed: 'left',
              render: (_, row) =>
                row.total ? (
                  <Typography.Text strong>{t('sales.planning.plan.total', { name: row.name })}</Typography.Text>
                ) : row.kind === 'unit' ? (
                  <Link to={unitLink(row.orgUnitId)} aria-label={t('sales.planning.openUnit', { name: row.name })}>
                    {row.name} ›
                  </Link>
                ) : (
                  <Space size={4}>
                    <span>{row.name}</span>
                    <Tag>{t('sales.planning.person')}</Tag>
                  </Space>
                ),
            },
            {
              title: t('sales.planning.metrics.revenue'),
              key: 'revenue',
              width: 220,
              render: (_, row) => <PlanFigureCell figure={row.revenue} metric="revenue" rowName={row.name} />,
            },
            {
              title: t('sales.planning.metrics.new_customers'),
              key: 'newCustomers',
              width: 170,
              render: (_, row) => <PlanFigureCell figure={row.newCustomers} metric="new_customers" rowName={row.name} />,
            },
            {
              title: t('sales.planning.metrics.visits'),
              key: 'visits',
              width: 170,
              render: (_, row) => <PlanFigureCell figure={row.visits} metric="visits" rowName={row.name} />,
            },
          ]}
        />
      </Card>
      {shownUnit && plan.data && (
        <TargetsCard period={period} unitId={shownUnit} people={plan.data.people} units={plan.data.children} />
      )}
    </>
  );
}

function TargetsCard({ period, unitId, people, units }: { period: string; unitId: string; people: PlanRow[]; units: PlanRow[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const targets = useTargets(period, unitId);
  const [editing, setEditing] = useState<{ target?: SalesTarget }>();
  const [splitting, setSplitting] = useState<SalesTarget>();

  const remove = async (target: SalesTarget) => {
    try {
      await deleteTarget(target);
      void message.success(t('sales.planning.targets.removed'));
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      void queryClient.invalidateQueries({ queryKey: planningKeys.all });
    }
  };

  return (
    <Card
      size="small"
      title={t('sales.planning.targets.title')}
      extra={
        <Button type="primary" size="small" onClick={() => setEditing({})}>
          {t('sales.planning.targets.create')}
        </Button>
      }
    >
      <Table<SalesTarget>
        size="small"
        rowKey="id"
        loading={targets.isFetching}
        dataSource={targets.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: targets.isError ? errorMessage(t, targets.error) : t('sales.planning.targets.empty') }}
        columns={[
          {
            title: t('sales.planning.targets.scope'),
            key: 'scope',
            width: 150,
            render: (_, target) => target.userName ?? target.orgUnitName,
          },
          { title: t('sales.planning.targets.period'), dataIndex: 'period', width: 90 },
          {
            title: t('sales.planning.targets.metric'),
            dataIndex: 'metric',
            width: 110,
            render: (metric: SalesTarget['metric']) => t(`sales.planning.metrics.${metric}`),
          },
          {
            title: t('sales.planning.targets.category'),
            dataIndex: 'category',
            width: 100,
            render: (c: string | null) => c ?? '—',
          },
          {
            title: t('sales.planning.targets.value'),
            key: 'value',
            width: 140,
            align: 'right',
            render: (_, target) => metricValue(target.metric, target.value),
          },
          {
            title: t('sales.planning.targets.split'),
            key: 'split',
            width: 140,
            align: 'right',
            render: (_, target) => (target.userId ? '—' : metricValue(target.metric, target.childrenTotal)),
          },
          {
            title: t('sales.planning.targets.actions'),
            key: 'actions',
            width: 180,
            render: (_, target) => {
              const name = `${target.userName ?? target.orgUnitName} ${t(`sales.planning.metrics.${target.metric}`)}`;
              return (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    autoInsertSpace={false}
                    aria-label={t('sales.planning.targets.editLabel', { name })}
                    onClick={() => setEditing({ target })}
                  >
                    {t('sales.planning.targets.edit')}
                  </Button>
                  {!target.userId && (
                    <Button
                      type="link"
                      size="small"
                      autoInsertSpace={false}
                      aria-label={t('sales.planning.targets.splitLabel', { name })}
                      onClick={() => setSplitting(target)}
                    >
                      {t('sales.planning.targets.splitRun')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('sales.planning.targets.removeTitle', { name })}
                    okText={t('sales.planning.targets.remove')}
                    cancelText={t('sales.admin.common.cancel')}
                    onConfirm={() => remove(target)}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      autoInsertSpace={false}
                      aria-label={t('sales.planning.targets.removeLabel', { name })}
                    >
                      {t('sales.planning.targets.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
      {editing && (
        <TargetDialog
          period={period}
          unitId={unitId}
          people={people}
          target={editing.target}
          onClose={() => setEditing(undefined)}
        />
      )}
      {splitting && <SplitDialog target={splitting} units={units} people={people} onClose={() => setSplitting(undefined)} />}
    </Card>
  );
}
