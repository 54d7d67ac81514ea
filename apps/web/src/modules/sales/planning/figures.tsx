// How planning figures read: money as ¥ with fen, counts as whole numbers, an actual linked to the records behind
// it (the records list with the figure's filters), and attainment as a small bar.
import { Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Drill, PlanFigure, TargetMetric } from '@guanxi/contracts';
import { formatDecimal } from '../../records/fieldValues.ts';
import { drillPath, progressPercent } from './planning.logic.ts';

export const money = (value: string | null | undefined) => (value == null ? '—' : `¥${formatDecimal(value)}`);
export const count = (value: string | number | null | undefined) => (value == null ? '—' : formatDecimal(String(value), 0));
export const metricValue = (metric: TargetMetric, value: string | null) => (metric === 'revenue' ? money(value) : count(value));

/**
 * A figure that opens the records behind it. Its name is the figure followed by what it is of (for a screen reader
 * in a table), and it is underlined, so it reads as a link beside plain figures.
 */
export function DrillLink({ drill, label, text }: { drill: Drill; label: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Link
      to={drillPath(drill)}
      aria-label={t('sales.planning.aside', { text, note: label })}
      style={{ textDecoration: 'underline' }}
    >
      {text}
    </Link>
  );
}

/** Actual / target and attainment of one metric of one row. */
export function PlanFigureCell({ figure, metric, rowName }: { figure: PlanFigure; metric: TargetMetric; rowName: string }) {
  const { t } = useTranslation();
  const percent = progressPercent(figure.attainment);
  const metricName = t(`sales.planning.metrics.${metric}`);
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span>
        <DrillLink
          drill={figure.drill}
          label={t('sales.planning.drillLabel', { name: rowName, metric: metricName })}
          text={metricValue(metric, figure.actual)}
        />
        <Typography.Text type="secondary"> / {metricValue(metric, figure.target)}</Typography.Text>
      </span>
      {percent !== undefined ? (
        <Progress
          percent={percent}
          size="small"
          format={() => `${figure.attainment!.toFixed(1)}%`}
          status={figure.attainment! >= 100 ? 'success' : 'normal'}
          aria-label={t('sales.planning.attainmentOf', { metric: metricName, percent: figure.attainment!.toFixed(1) })}
        />
      ) : (
        <Typography.Text type="secondary">{t('sales.planning.noTarget')}</Typography.Text>
      )}
    </Flex>
  );
}
