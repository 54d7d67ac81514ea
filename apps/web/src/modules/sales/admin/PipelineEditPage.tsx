// A pipeline's editor (administrators): its name, default and active flags, and its stages — name, probability,
// open / won / lost, active — in order. Stages are reordered by dragging their handle or by the 上移 / 下移 buttons
// (keyboard users; the move is announced). Saved whole with the version seen (412: reloaded); the server's
// refusals go beside the stage field they name.
import { useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Pipeline, PipelineInput, Stage } from '@guanxi/contracts';
import { isStale } from '../../../platform/formErrors.ts';
import { salesKeys, usePipelines } from '../sales.api.ts';
import { placeFormError } from './adminForms.ts';
import { focusAfterStep, stepTarget } from './ordering.ts';
import { savePipeline } from './salesAdmin.api.ts';

type StageValues = Pick<Stage, 'name' | 'probability' | 'outcome' | 'active'> & { id?: string };
type Values = { name: string; isDefault: boolean; active: boolean; stages: StageValues[] };

const OUTCOMES: Stage['outcome'][] = ['open', 'won', 'lost'];

const newPipeline = (t: TFunction): Values => ({
  name: '',
  isDefault: false,
  active: true,
  stages: [
    { name: t('sales.admin.pipelines.template.first'), probability: 10, outcome: 'open', active: true },
    { name: t('sales.admin.pipelines.template.won'), probability: 100, outcome: 'won', active: true },
    { name: t('sales.admin.pipelines.template.lost'), probability: 0, outcome: 'lost', active: true },
  ],
});

const valuesOf = (p: Pipeline): Values => ({
  name: p.name,
  isDefault: p.isDefault,
  active: p.active,
  stages: p.stages.map(({ id, name, probability, outcome, active }) => ({ id, name, probability, outcome, active })),
});

export function PipelineEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const pipelines = usePipelines();
  if (pipelines.isPending) return <Card loading />;
  const existing = id === 'new' ? undefined : pipelines.data?.find((p) => p.id === id);
  if (id !== 'new' && !existing) return <Result status="404" title={t('sales.admin.pipelines.notFound')} />;
  // Keyed by version: a reload after a conflict starts the form afresh.
  return <PipelineForm key={existing ? `${existing.id}:${existing.version}` : 'new'} existing={existing} />;
}

function PipelineForm({ existing }: { existing?: Pipeline }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [listErrors, setListErrors] = useState<string[]>([]);
  const [announce, setAnnounce] = useState('');
  const dragFrom = useRef<number | null>(null);

  const save = async (values: Values) => {
    setSaving(true);
    setListErrors([]);
    const body: PipelineInput = {
      ...values,
      stages: values.stages.map(({ id, ...s }) => ({ ...(id ? { id } : {}), ...s, name: s.name.trim() })),
    };
    try {
      await savePipeline(body, existing);
      await queryClient.invalidateQueries({ queryKey: salesKeys.pipelines });
      void message.success(t('sales.admin.common.saved'));
      void navigate('/admin/pipelines');
    } catch (err) {
      if (isStale(err)) {
        void message.warning(t('sales.admin.common.stale'));
        await queryClient.invalidateQueries({ queryKey: salesKeys.pipelines });
      } else setListErrors(placeFormError(form, message, t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={existing ? t('sales.admin.pipelines.editTitle', { name: existing.name }) : t('sales.admin.pipelines.createTitle')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={existing ? valuesOf(existing) : newPipeline(t)}
        onFinish={(values) => void save(values)}
        scrollToFirstError
      >
        <Form.Item
          name="name"
          label={t('sales.admin.pipelines.name')}
          rules={[{ required: true, whitespace: true, message: t('sales.admin.pipelines.nameRequired') }]}
          style={{ maxWidth: 480 }}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Form.Item name="isDefault" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('sales.admin.pipelines.isDefault')}</Checkbox>
          </Form.Item>
          <Form.Item name="active" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('sales.admin.pipelines.active')}</Checkbox>
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('sales.admin.pipelines.stages')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('sales.admin.pipelines.stagesHelp')}</Typography.Paragraph>
        {listErrors.map((text) => (
          <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
        ))}
        <div aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
          {announce}
        </div>
        <Form.List name="stages">
          {(rows, { add, remove, move }) => {
            const moveTo = (from: number, to: number, focusId?: string) => {
              const name = String(form.getFieldValue(['stages', from, 'name']) ?? '');
              move(from, to);
              setAnnounce(t('sales.admin.common.movedTo', { name, n: to + 1 }));
              if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
            };
            return (
              <>
                <div role="list" aria-label={t('sales.admin.pipelines.stages')}>
                  {rows.map((row, index) => (
                    <StageRow
                      key={row.key}
                      index={index}
                      rowName={row.name}
                      count={rows.length}
                      onStep={(step) => {
                        const to = stepTarget(index, step, rows.length);
                        if (to === undefined) return;
                        moveTo(index, to, focusAfterStep('stage', to, step, rows.length));
                      }}
                      onRemove={() => remove(index)}
                      onDragStart={() => (dragFrom.current = index)}
                      onDrop={() => {
                        if (dragFrom.current !== null && dragFrom.current !== index) moveTo(dragFrom.current, index);
                        dragFrom.current = null;
                      }}
                    />
                  ))}
                </div>
                <Button
                  type="dashed"
                  block
                  onClick={() => add({ name: '', probability: 50, outcome: 'open', active: true }, Math.max(0, rows.length - 2))}
                >
                  {t('sales.admin.pipelines.addStage')}
                </Button>
              </>
            );
          }}
        </Form.List>
        <Flex gap={8} wrap style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('sales.admin.common.save')}
          </Button>
          <Button onClick={() => void navigate('/admin/pipelines')}>{t('sales.admin.common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

interface StageRowProps {
  index: number;
  rowName: number;
  count: number;
  onStep: (step: -1 | 1) => void;
  onRemove: () => void;
  onDragStart: () => void;
  onDrop: () => void;
}

function StageRow({ index, rowName, count, onStep, onRemove, onDragStart, onDrop }: StageRowProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const name =
    (Form.useWatch(['stages', rowName, 'name'], form) as string | undefined) ||
    t('sales.admin.pipelines.stageN', { n: index + 1 });
  const [over, setOver] = useState(false);
  return (
    <div
      role="listitem"
      aria-label={name}
      data-stage-row={index}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onDrop();
      }}
      style={{
        border: `1px ${over ? 'dashed #1677ff' : 'solid #f0f0f0'}`,
        borderRadius: 8,
        padding: '8px 12px 0',
        marginBottom: 8,
        background: '#fff',
      }}
    >
      <Flex wrap gap={8} align="start">
        <span
          draggable
          role="img"
          aria-label={t('sales.admin.common.dragHandle', { name })}
          title={t('sales.admin.common.dragHandle', { name })}
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', String(index));
            onDragStart();
          }}
          style={{ cursor: 'grab', padding: '30px 4px 0', userSelect: 'none', color: '#595959' }}
        >
          ⠿
        </span>
        <Form.Item name={[rowName, 'id']} hidden>
          <Input />
        </Form.Item>
        <Form.Item
          name={[rowName, 'name']}
          label={t('sales.admin.pipelines.stageName')}
          rules={[{ required: true, whitespace: true, message: t('sales.admin.pipelines.stageNameRequired') }]}
          style={{ flex: '2 1 150px', minWidth: 0 }}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name={[rowName, 'probability']}
          label={t('sales.admin.pipelines.probability')}
          rules={[{ required: true, type: 'integer', min: 0, max: 100, message: t('sales.admin.pipelines.probabilityRange') }]}
          style={{ flex: '1 1 90px', minWidth: 0 }}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name={[rowName, 'outcome']}
          label={t('sales.admin.pipelines.outcome')}
          style={{ flex: '1 1 100px', minWidth: 0 }}
        >
          <Select
            options={OUTCOMES.map((value) => ({ value, label: t(`sales.admin.pipelines.outcomes.${value}`) }))}
            onChange={(outcome: Stage['outcome']) => {
              // Won is certain and lost is nothing: the server insists, so the form follows at once.
              if (outcome !== 'open') form.setFieldValue(['stages', rowName, 'probability'], outcome === 'won' ? 100 : 0);
            }}
          />
        </Form.Item>
        <Form.Item name={[rowName, 'active']} label={t('sales.admin.pipelines.stageActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space size={4}>
            <Button
              id={`stage-up-${index}`}
              size="small"
              disabled={index === 0}
              aria-label={t('sales.admin.common.moveUp', { name })}
              onClick={() => onStep(-1)}
            >
              ↑
            </Button>
            <Button
              id={`stage-down-${index}`}
              size="small"
              disabled={index === count - 1}
              aria-label={t('sales.admin.common.moveDown', { name })}
              onClick={() => onStep(1)}
            >
              ↓
            </Button>
            <Button
              size="small"
              danger
              autoInsertSpace={false}
              aria-label={t('sales.admin.common.removeLabel', { name })}
              onClick={onRemove}
            >
              {t('sales.admin.common.remove')}
            </Button>
          </Space>
        </Form.Item>
      </Flex>
    </div>
  );
}
