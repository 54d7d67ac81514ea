// Add a target for the unit on screen or one of its people (metric, optional product category, value, note), or
// change a target's value and note. The server's refusals (a negative value, a fraction of a count, an overlapping
// period) go beside the field they name, else above the form.
import { useState } from 'react';
import { Alert, App, Form, Input, Radio, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanRow, SalesTarget, TargetMetric } from '@guanxi/contracts';
import { isStale } from '../../../platform/formErrors.ts';
import { FormDialog } from '../../admin/FormDialog.tsx';
import { placeFormError } from '../admin/adminForms.ts';
import { createTarget, planningKeys, updateTarget } from './planning.api.ts';

// A Record keeps the list in step with the contracts without bundling their zod schemas.
const METRIC_ORDER: Record<TargetMetric, number> = { revenue: 0, new_customers: 1, visits: 2 };
const METRICS = Object.keys(METRIC_ORDER) as TargetMetric[];

interface Values {
  metric: TargetMetric;
  scope: 'unit' | 'person';
  userId?: string;
  category?: string;
  value: string;
  note?: string;
}

interface Props {
  period: string;
  unitId: string;
  people: PlanRow[];
  target?: SalesTarget;
  onClose: () => void;
}

export function TargetDialog({ period, unitId, people, target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const scope = Form.useWatch('scope', form);

  const save = async (values: Values) => {
    setSaving(true);
    setErrors([]);
    try {
      if (target) await updateTarget(target, { value: values.value.trim(), note: values.note?.trim() || null });
      else
        await createTarget({
          period,
          metric: values.metric,
          orgUnitId: unitId,
          userId: values.scope === 'person' ? values.userId : undefined,
          category: values.category?.trim() || null,
          value: values.value.trim(),
          note: values.note?.trim() || null,
        });
      await queryClient.invalidateQueries({ queryKey: planningKeys.all });
      void message.success(t('sales.admin.common.saved'));
      onClose();
    } catch (err) {
      if (isStale(err)) {
        void message.warning(t('sales.admin.common.stale'));
        void queryClient.invalidateQueries({ queryKey: planningKeys.all });
        onClose();
      } else setErrors(placeFormError(form, message, t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      title={target ? t('sales.planning.targets.editTitle') : t('sales.planning.targets.createTitle', { period })}
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {errors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          target
            ? {
                metric: target.metric,
                scope: target.userId ? 'person' : 'unit',
                value: target.value,
                note: target.note ?? undefined,
              }
            : { metric: 'revenue', scope: 'unit' }
        }
        onFinish={(values) => void save(values)}
      >
        {target ? (
          <Typography.Paragraph>
            {target.userName ?? target.orgUnitName} · {target.period} · {t(`sales.planning.metrics.${target.metric}`)}
            {target.category ? ` · ${target.category}` : ''}
          </Typography.Paragraph>
        ) : (
          <>
            <Form.Item name="metric" label={t('sales.planning.targets.metric')}>
              <Select options={METRICS.map((metric) => ({ value: metric, label: t(`sales.planning.metrics.${metric}`) }))} />
            </Form.Item>
            <Form.Item name="scope" label={t('sales.planning.targets.scope')}>
              <Radio.Group
                options={[
                  { value: 'unit', label: t('sales.planning.targets.scopeUnit') },
                  { value: 'person', label: t('sales.planning.targets.scopePerson') },
                ]}
              />
            </Form.Item>
            {scope === 'person' && (
              <Form.Item
                name="userId"
                label={t('sales.planning.person')}
                rules={[{ required: true, message: t('sales.planning.targets.personRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={people.map((p) => ({ value: p.userId!, label: p.name }))}
                  notFoundContent={t('sales.planning.targets.noPeople')}
                />
              </Form.Item>
            )}
            <Form.Item
              name="category"
              label={t('sales.planning.targets.category')}
              extra={t('sales.planning.targets.categoryHelp')}
            >
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="value"
          label={t('sales.planning.targets.value')}
          rules={[{ required: true, whitespace: true, message: t('sales.planning.targets.valueRequired') }]}
        >
          <Input inputMode="decimal" maxLength={20} />
        </Form.Item>
        <Form.Item name="note" label={t('sales.planning.targets.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
