// 评分卡: for a period, the unit's teams (child units, opened by name down the tree) and every person below it, ranked
// by a score of weighted parts — visits done vs planned, customer information completeness, revenue vs target. A
// row opens into its parts with the numbers behind them and links to those activities, customers and deals.
// Administrators change the weights.
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, InputNumber, List, Progress, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ScoreComponent, ScorecardRow, ScorecardWeights } from '@guanxi/contracts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { useSession } from '../../../app/session.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { FormDialog } from '../../admin/FormDialog.tsx';
import { placeFormError } from '../admin/adminForms.ts';
import { DrillLink, money, count } from './figures.tsx';
import { planningKeys, saveWeights, useScorecards } from './planning.api.ts';
import { PlanningFilters, usePlanningParams } from './PlanningFilters.tsx';

const PARTS: Record<ScoreComponent['key'], number> = { visits: 0, completeness: 1, results: 2 };
const PART_KEYS = Object.keys(PARTS) as ScoreComponent['key'][];

export function ScorecardsPage() {
  const { t } = useTranslation();
  const { period, unitId, unitLink } = usePlanningParams();
  const scorecards = useScorecards(period, unitId);
  const isAdmin = useSession().data?.user.isAdmin ?? false;
  const [editing, setEditing] = useState(false);
  usePageTitle(t('sales.planning.scorecards.title'));
  const weights = scorecards.data?.weights;

  const columns = (teams: boolean) => [
    { title: t('sales.planning.scorecards.rank'), dataIndex: 'rank', width: 64 },
    {
      title: t('sales.planning.plan.name'),
      key: 'name',
      width: 150,
      render: (_: unknown, row: ScorecardRow) =>
        teams ? (
          <Link to={unitLink(row.orgUnitId)} aria-label={t('sales.planning.openUnit', { name: row.name })}>
            {row.name} ›
          </Link>
        ) : (
          row.name
        ),
    },
    {
      title: t('sales.planning.scorecards.score'),
      key: 'score',
      width: 170,
      render: (_: unknown, row: ScorecardRow) => (
        <Progress
          percent={Math.min(100, row.score)}
          format={() => row.score.toFixed(1)}
          size="small"
          aria-label={t('sales.planning.scorecards.scoreOf', { name: row.name, score: row.score.toFixed(1) })}
        />
      ),
    },
    ...PART_KEYS.map((key) => ({
      title: t(`sales.planning.scorecards.parts.${key}`),
      key,
      width: 110,
      render: (_: unknown, row: ScorecardRow) => {
        const part = row.components.find((c) => c.key === key);
        return part ? `${part.points.toFixed(1)} / ${part.weight}` : '—';
      },
    })),
  ];

  const table = (rows: ScorecardRow[], teams: boolean) => (
    <Table<ScorecardRow>
      size="small"
      rowKey={(row) => (row.userId ? `person:${row.userId}` : `unit:${row.orgUnitId}`)}
      loading={scorecards.isFetching}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720 }}
      columns={columns(teams)}
      expandable={{ expandedRowRender: (row) => <Parts row={row} />, columnWidth: 40 }}
      locale={{ emptyText: t('sales.planning.scorecards.empty') }}
    />
  );

  return (
    <>
      <Typography.Title level={2}>{t('sales.planning.scorecards.title')}</Typography.Title>
      <PlanningFilters shownUnitId={scorecards.data?.unit.orgUnitId} />
      {scorecards.isError && (
        <Alert type="error" showIcon message={errorMessage(t, scorecards.error)} style={{ marginBottom: 16 }} />
      )}
      {scorecards.data && weights && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex wrap gap={12} align="center" justify="space-between">
            <Flex wrap gap={12} align="center">
              <Typography.Text strong>
                {t('sales.planning.scorecards.unitScore', {
                  name: scorecards.data.unit.name,
                  score: scorecards.data.unit.score.toFixed(1),
                })}
              </Typography.Text>
              <Space size={4} wrap>
                {PART_KEYS.map((key) => (
                  <Tag key={key}>
                    {t(`sales.planning.scorecards.parts.${key}`)} {weights[key]}%
                  </Tag>
                ))}
              </Space>
            </Flex>
            {isAdmin && (
              <Button size="small" onClick={() => setEditing(true)}>
                {t('sales.planning.scorecards.editWeights')}
              </Button>
            )}
          </Flex>
        </Card>
      )}
      <Card size="small" title={t('sales.planning.scorecards.teams')} style={{ marginBottom: 16 }}>
        {table(scorecards.data?.teams ?? [], true)}
      </Card>
      <Card size="small" title={t('sales.planning.scorecards.people')}>
        {table(scorecards.data?.people ?? [], false)}
      </Card>
      {editing && weights && <WeightsDialog weights={weights} onClose={() => setEditing(false)} />}
    </>
  );
}

/** The numbers behind a part, in words (money for revenue, counts for the rest). */
function numberText(
  t: ReturnType<typeof useTranslation>['t'],
  part: ScoreComponent,
  name: string,
  value: string | number | null,
) {
  // Money for the results' amounts (target, actual, teamActual); counts for everything else.
  const isMoney = part.key === 'results' && name !== 'teamCount';
  const shown = isMoney ? money(value == null ? null : String(value)) : count(value);
  return serverWord(t, 'numbers', name, shown);
}

/**
 * Words for a name the server gives (a number: planned, done, withPhone …; a drill: planned, done, customers, won);
 * an unknown one shows as the name itself. With a value: "name：value".
 */
function serverWord(
  t: ReturnType<typeof useTranslation>['t'],
  group: 'numbers' | 'drills',
  name: string,
  value?: string,
): string {
  const plain = t as unknown as (key: string, options: Record<string, string>) => string;
  const words = plain(`sales.planning.scorecards.${group}.${name}`, { defaultValue: name });
  return value === undefined ? words : plain('sales.planning.labelled', { name: words, value });
}

function Parts({ row }: { row: ScorecardRow }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={row.components}
      renderItem={(part) => (
        <List.Item>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Typography.Text strong>
              {t(`sales.planning.scorecards.parts.${part.key}`)} · {part.points.toFixed(1)} / {part.weight} ·{' '}
              {part.rate == null ? t('sales.planning.scorecards.nothingToMeasure') : `${(part.rate * 100).toFixed(1)}%`}
            </Typography.Text>
            <Typography.Text type="secondary">
              {Object.entries(part.numbers)
                .map(([name, value]) => numberText(t, part, name, value))
                .join(t('common.listSeparator'))}
            </Typography.Text>
            <Space wrap size={12}>
              {part.drill.map((d) => (
                <DrillLink key={d.label} drill={d.drill} label={row.name} text={serverWord(t, 'drills', d.label)} />
              ))}
            </Space>
          </Flex>
        </List.Item>
      )}
    />
  );
}

function WeightsDialog({ weights, onClose }: { weights: ScorecardWeights; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ScorecardWeights>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const values = Form.useWatch([], form) ?? weights;
  const sum = PART_KEYS.reduce((total, key) => total + (Number(values[key]) || 0), 0);

  const save = async (next: ScorecardWeights) => {
    setSaving(true);
    setErrors([]);
    try {
      await saveWeights(next);
      await queryClient.invalidateQueries({ queryKey: planningKeys.all });
      void message.success(t('sales.admin.common.saved'));
      onClose();
    } catch (err) {
      setErrors(placeFormError(form, message, t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      title={t('sales.planning.scorecards.weightsTitle')}
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {errors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <Form form={form} layout="vertical" initialValues={weights} onFinish={(v) => void save(v)}>
        <Flex wrap gap="0 16px">
          {PART_KEYS.map((key) => (
            <Form.Item
              key={key}
              name={key}
              label={t('sales.planning.aside', { text: t(`sales.planning.scorecards.parts.${key}`), note: '%' })}
              style={{ flex: '1 1 120px' }}
            >
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Flex>
        <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} role="status">
          {t('sales.planning.scorecards.weightsSum', { sum })}
        </Typography.Text>
      </Form>
    </FormDialog>
  );
}
