// 销售预测: for a period, the unit rolled up, its child units (opened by name, down the tree) and its own people —
// the open opportunities expected to close by the category reps set (commit, best case, pipeline), the closed won
// and the weighted pipeline, each amount opening the opportunities behind it — and the trend of the weekly snapshots
// (the unit's, or a person's picked by name).
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Drill, ForecastBucket, ForecastRow } from '@guanxi/contracts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { formatDateTime } from '../../records/fieldValues.ts';
import { DrillLink, money } from './figures.tsx';
import { useForecast, useForecastTrend } from './planning.api.ts';
import { PlanningFilters, usePlanningParams } from './PlanningFilters.tsx';
import { TrendChart } from './TrendChart.tsx';

const CATEGORIES = { commit: 'commit', bestCase: 'best_case', pipeline: 'pipeline' } as const;
type CategoryKey = keyof typeof CATEGORIES;

/** The open opportunities of one category: the row's open drill narrowed by the category. */
const byCategory = (drill: Drill, key: CategoryKey): Drill => ({
  ...drill,
  query: { ...drill.query, 'filter[forecastCategory][eq]': CATEGORIES[key] },
});

export function ForecastPage() {
  const { t } = useTranslation();
  const { period, unitId, unitLink } = usePlanningParams();
  const forecast = useForecast(period, unitId);
  // A person's own trend when one is picked (?trendUser=), else the unit's.
  const [params, setParams] = useSearchParams();
  const trendPerson = forecast.data?.people.find((p) => p.userId === params.get('trendUser'));
  const trend = useForecastTrend(
    period,
    trendPerson?.orgUnitId ?? unitId ?? forecast.data?.unit.orgUnitId,
    trendPerson?.userId ?? undefined,
  );
  const showTrendOf = (userId: string | null) => {
    const next = new URLSearchParams(params);
    if (userId) next.set('trendUser', userId);
    else next.delete('trendUser');
    setParams(next, { replace: true });
  };
  usePageTitle(t('sales.planning.forecast.title'));

  const rows: (ForecastRow & { key: string; total?: boolean })[] = forecast.data
    ? [
        { ...forecast.data.unit, key: 'total', total: true },
        ...forecast.data.children.map((row) => ({ ...row, key: `unit:${row.orgUnitId}` })),
        ...forecast.data.people.map((row) => ({ ...row, key: `person:${row.userId}` })),
      ]
    : [];

  const bucket = (key: CategoryKey | 'closedWon') => ({
    title: t(`sales.planning.forecast.${key}`),
    key,
    width: 150,
    align: 'right' as const,
    render: (_: unknown, row: ForecastRow) => {
      const figure: ForecastBucket = row.figures[key];
      const drill = key === 'closedWon' ? row.drill.closedWon : byCategory(row.drill.open, key);
      return (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <DrillLink
            drill={drill}
            label={t('sales.planning.drillLabel', { name: row.name, metric: t(`sales.planning.forecast.${key}`) })}
            text={money(figure.amount)}
          />
          <Typography.Text type="secondary">{t('sales.planning.forecast.deals', { count: figure.count })}</Typography.Text>
        </Space>
      );
    },
  });

  return (
    <>
      <Typography.Title level={2}>{t('sales.planning.forecast.title')}</Typography.Title>
      <PlanningFilters shownUnitId={forecast.data?.unit.orgUnitId} />
      {forecast.isError && <Alert type="error" showIcon message={errorMessage(t, forecast.error)} style={{ marginBottom: 16 }} />}
      <Card
        size="small"
        title={t('sales.planning.forecast.byUnit', { unit: forecast.data?.unit.name ?? '', period })}
        extra={
          forecast.data && (
            <Typography.Text type="secondary">
              {t('sales.planning.forecast.asOf', { time: formatDateTime(forecast.data.asOf) })}
            </Typography.Text>
          )
        }
        style={{ marginBottom: 16 }}
      >
        <Table
          size="small"
          rowKey="key"
          loading={forecast.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('sales.planning.plan.name'),
              key: 'name',
              width: 170,
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
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      aria-pressed={trendPerson?.userId === row.userId}
                      onClick={() => showTrendOf(row.userId)}
                    >
                      {row.name}
                    </Button>
                    <Tag>{t('sales.planning.person')}</Tag>
                  </Space>
                ),
            },
            bucket('commit'),
            bucket('bestCase'),
            bucket('pipeline'),
            bucket('closedWon'),
            {
              title: t('sales.planning.forecast.weighted'),
              key: 'weighted',
              width: 150,
              align: 'right',
              render: (_, row) => (
                <DrillLink
                  drill={row.drill.open}
                  label={t('sales.planning.drillLabel', { name: row.name, metric: t('sales.planning.forecast.weighted') })}
                  text={money(row.figures.weighted)}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={
          trendPerson ? t('sales.planning.forecast.trendOf', { name: trendPerson.name }) : t('sales.planning.forecast.trend')
        }
        extra={
          trendPerson && (
            <Button size="small" onClick={() => showTrendOf(null)}>
              {t('sales.planning.forecast.trendOfUnit')}
            </Button>
          )
        }
      >
        {trend.isError ? (
          <Alert type="error" showIcon message={errorMessage(t, trend.error)} />
        ) : (
          <TrendChart trend={trend.data} />
        )}
      </Card>
    </>
  );
}
