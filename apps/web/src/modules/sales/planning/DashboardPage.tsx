// 销售仪表盘 (loaded lazily with ECharts): for a period, unit and pipeline — win rate and average days to win, the
// funnel of the period's opportunities by stage reached, the open pipeline by stage and owner, plan vs actual
// revenue by child unit, the forecast trend and the leaderboard. Clicking a chart element or a figure opens the
// records behind it on the records list page (the server gives each figure its filters).
import { useMemo } from 'react';
import { Alert, Card, Col, Row, Select, Statistic, Table, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Drill, SalesDashboard } from '@guanxi/contracts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { usePipelines } from '../sales.api.ts';
import { EChart, type ChartOption } from './EChart.tsx';
import { DrillLink, money } from './figures.tsx';
import { useDashboard, useForecastTrend, usePlanVsActual } from './planning.api.ts';
import { drillPath } from './planning.logic.ts';
import { PlanningFilters, usePlanningParams } from './PlanningFilters.tsx';
import { chartYuan, TrendChart } from './TrendChart.tsx';

/** A chart's data item with where it drills. */
type Drillable = { value: number; name?: string; drill?: Drill };

const drillOf = (data: unknown): Drill | undefined =>
  data && typeof data === 'object' && 'drill' in data ? (data as Drillable).drill : undefined;

export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { period, unitId } = usePlanningParams();
  const pipelines = usePipelines();
  const pipelineId = params.get('pipeline') ?? undefined;
  const dashboard = useDashboard(period, unitId, pipelineId);
  const plan = usePlanVsActual(period, unitId);
  const trend = useForecastTrend(period, unitId ?? plan.data?.unit.orgUnitId);
  usePageTitle(t('sales.planning.dashboard.title'));
  const open = (data: unknown) => {
    const drill = drillOf(data);
    if (drill) void navigate(drillPath(drill));
  };
  const d = dashboard.data;

  return (
    <>
      <Typography.Title level={2}>{t('sales.planning.dashboard.title')}</Typography.Title>
      <PlanningFilters shownUnitId={d?.orgUnitId ?? plan.data?.unit.orgUnitId} />
      <Select
        aria-label={t('sales.board.pipeline')}
        style={{ minWidth: 180, marginBottom: 16 }}
        value={pipelineId ?? d?.pipelineId}
        options={(pipelines.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
        onChange={(id: string) => {
          const next = new URLSearchParams(params);
          next.set('pipeline', id);
          setParams(next);
        }}
      />
      {dashboard.isError && (
        <Alert type="error" showIcon message={errorMessage(t, dashboard.error)} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('sales.planning.dashboard.winRate')}
              value={d?.winRate.rate ?? undefined}
              precision={1}
              suffix={d?.winRate.rate == null ? undefined : '%'}
              formatter={d?.winRate.rate == null ? () => '—' : undefined}
            />
            {d && (
              <DrillLink
                drill={d.winRate.drill}
                label={t('sales.planning.dashboard.closedDeals')}
                text={t('sales.planning.dashboard.wonLost', { won: d.winRate.won, lost: d.winRate.lost })}
              />
            )}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('sales.planning.dashboard.cycle')}
              value={d?.cycle.averageDays ?? undefined}
              precision={1}
              suffix={d?.cycle.averageDays == null ? undefined : t('sales.planning.dashboard.days')}
              formatter={d?.cycle.averageDays == null ? () => '—' : undefined}
            />
            {d && (
              <DrillLink
                drill={d.cycle.drill}
                label={t('sales.planning.dashboard.wonDeals')}
                text={t('sales.planning.dashboard.wonCount', { count: d.cycle.won })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('sales.planning.dashboard.funnel')}>
            {d && <FunnelChart dashboard={d} onOpen={open} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sales.planning.dashboard.pipeline')}>
            {d && <PipelineChart dashboard={d} onOpen={open} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sales.planning.dashboard.planVsActual')}>
            {plan.data && <PlanChart rows={[...plan.data.children, ...plan.data.people]} onOpen={open} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sales.planning.forecast.trend')}>
            <TrendChart trend={trend.data} height={280} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sales.planning.dashboard.leaderboard')}>
            <Table
              size="small"
              rowKey="userId"
              dataSource={d?.leaderboard ?? []}
              pagination={false}
              scroll={{ x: 420 }}
              locale={{ emptyText: t('sales.planning.dashboard.noDeals') }}
              columns={[
                { title: t('sales.planning.scorecards.rank'), dataIndex: 'rank', width: 56 },
                { title: t('sales.planning.plan.name'), dataIndex: 'name', width: 100 },
                {
                  title: t('sales.planning.metrics.revenue'),
                  key: 'revenue',
                  width: 140,
                  align: 'right',
                  render: (_, row) => (
                    <DrillLink
                      drill={row.drill}
                      label={t('sales.planning.drillLabel', { name: row.name, metric: t('sales.planning.metrics.revenue') })}
                      text={money(row.revenue)}
                    />
                  ),
                },
                {
                  title: t('sales.planning.dashboard.attainment'),
                  key: 'attainment',
                  width: 90,
                  align: 'right',
                  render: (_, row) => (row.attainment == null ? '—' : `${row.attainment.toFixed(1)}%`),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function FunnelChart({ dashboard, onOpen }: { dashboard: SalesDashboard; onOpen: (data: unknown) => void }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 8,
          right: 8,
          top: 8,
          bottom: 8,
          minSize: '20%',
          label: { show: true, position: 'inside', formatter: '{b} {c}' },
          data: dashboard.funnel.map((stage) => ({ name: stage.name, value: stage.reached, drill: stage.drill })),
        },
      ],
    }),
    [dashboard],
  );
  const text = dashboard.funnel.map((s) => `${s.name} ${s.reached}`).join(t('common.listSeparator'));
  return (
    <EChart
      option={option}
      label={t('sales.planning.labelled', { name: t('sales.planning.dashboard.funnel'), value: text })}
      height={260}
      onItemClick={onOpen}
    />
  );
}

function PipelineChart({ dashboard, onOpen }: { dashboard: SalesDashboard; onOpen: (data: unknown) => void }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const stages = [...new Map(dashboard.pipelineByStageOwner.map((c) => [c.stageId, c.stageName])).entries()];
    const owners = [...new Map(dashboard.pipelineByStageOwner.map((c) => [c.ownerId, c.ownerName])).entries()];
    return {
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: stages.map(([, name]) => name) },
      yAxis: { type: 'value' },
      series: owners.map(([ownerId, ownerName]) => ({
        type: 'bar' as const,
        name: ownerName,
        stack: 'owners',
        data: stages.map(([stageId]) => {
          const cell = dashboard.pipelineByStageOwner.find((c) => c.stageId === stageId && c.ownerId === ownerId);
          return cell ? { value: chartYuan(cell.amount), drill: cell.drill } : { value: 0 };
        }),
      })),
    };
  }, [dashboard]);
  if (!dashboard.pipelineByStageOwner.length)
    return <Typography.Text type="secondary">{t('sales.planning.dashboard.noDeals')}</Typography.Text>;
  return <EChart option={option} label={t('sales.planning.dashboard.pipelineLabel')} onItemClick={onOpen} />;
}

function PlanChart({
  rows,
  onOpen,
}: {
  rows: { name: string; revenue: { target: string | null; actual: string; drill: Drill } }[];
  onOpen: (data: unknown) => void;
}) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          name: t('sales.planning.dashboard.target'),
          data: rows.map((r) => ({ value: r.revenue.target ? chartYuan(r.revenue.target) : 0 })),
        },
        {
          type: 'bar',
          name: t('sales.planning.dashboard.actual'),
          data: rows.map((r) => ({ value: chartYuan(r.revenue.actual), drill: r.revenue.drill })),
        },
      ],
    }),
    [rows, t],
  );
  if (!rows.length) return <Typography.Text type="secondary">{t('sales.planning.dashboard.noUnits')}</Typography.Text>;
  return <EChart option={option} label={t('sales.planning.dashboard.planLabel')} onItemClick={onOpen} />;
}
