// The forecast's weekly trend: commit, best case, pipeline, closed won and the weighted pipeline per snapshot week,
// the last point computed now.
import { useMemo } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ForecastTrend } from '@guanxi/contracts';
import { toFen } from '../boardMoves.ts';
import { EChart, type ChartOption } from './EChart.tsx';

/** Yuan as a chart number: charts plot, they do not add, so a float is fine here. */
export const chartYuan = (amount: string) => Number(toFen(amount)) / 100;

export function TrendChart({ trend, height }: { trend: ForecastTrend | undefined; height?: number }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption | undefined>(() => {
    if (!trend?.points.length) return undefined;
    const weeks = trend.points.map((p) => (p.live ? t('sales.planning.forecast.now') : p.week.slice(5)));
    const line = (name: string, pick: (f: ForecastTrend['points'][number]['figures']) => string) => ({
      type: 'line' as const,
      name,
      smooth: true,
      data: trend.points.map((p) => chartYuan(pick(p.figures))),
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: weeks },
      yAxis: { type: 'value' },
      series: [
        line(t('sales.planning.forecast.commit'), (f) => f.commit.amount),
        line(t('sales.planning.forecast.bestCase'), (f) => f.bestCase.amount),
        line(t('sales.planning.forecast.pipeline'), (f) => f.pipeline.amount),
        line(t('sales.planning.forecast.closedWon'), (f) => f.closedWon.amount),
        line(t('sales.planning.forecast.weighted'), (f) => f.weighted),
      ],
    };
  }, [trend, t]);
  if (!option) return <Empty description={t('sales.planning.forecast.noTrend')} />;
  return (
    <EChart option={option} label={t('sales.planning.forecast.trendLabel', { count: trend!.points.length })} height={height} />
  );
}
