// An order type's editor (administrators; /commerce/order-types/:id or /new): name, default and active flags, and its
// stages in order — name, lead time in days, milestone (purchasing, delivered, paid), by quantity, arrival, active —
// moved with 上移 / 下移. Saved whole with the version seen (412: reloaded); refusals go beside the stage field named.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Result, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORDER_STAGE_MILESTONES, type OrderStage, type OrderType, type OrderTypeInput } from '@guanxi/contracts';
import { useSession } from '../../../app/session.ts';
import { isStale } from '../../../platform/formErrors.ts';
import { orderKeys, saveOrderType, useOrderTypes } from './orders.api.ts';
import { placeErrors } from './placeErrors.ts';

type StageValues = Omit<OrderStage, 'id' | 'position'> & { id?: string };
type Values = { name: string; isDefault: boolean; active: boolean; stages: StageValues[] };

const newStage = (): StageValues => ({
  name: '',
  leadTimeDays: 1,
  milestone: null,
  tracksQuantity: false,
  isArrival: false,
  active: true,
});

const valuesOf = (x: OrderType): Values => ({
  name: x.name,
  isDefault: x.isDefault,
  active: x.active,
  stages: x.stages.map(({ position: _p, ...s }) => s),
});

export function OrderTypeEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const types = useOrderTypes();
  const isAdmin = !!useSession().data?.user?.isAdmin;
  if (!isAdmin) return <Result status="403" title={t('commerce.orders.types.readOnly')} />;
  if (types.isPending) return <Card loading />;
  const existing = id === 'new' ? undefined : types.data?.find((x) => x.id === id);
  if (id !== 'new' && !existing) return <Result status="404" title={t('commerce.orders.types.notFound')} />;
  return <TypeForm key={existing ? `${existing.id}:${existing.version}` : 'new'} existing={existing} />;
}

function TypeForm({ existing }: { existing?: OrderType }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const save = async (values: Values) => {
    setSaving(true);
    setErrors([]);
    const body: OrderTypeInput = {
      ...values,
      name: values.name.trim(),
      stages: values.stages.map(({ id, ...s }) => ({
        ...(id ? { id } : {}),
        ...s,
        name: s.name.trim(),
        milestone: s.milestone ?? null,
      })),
    };
    try {
      await saveOrderType(body, existing);
      await queryClient.invalidateQueries({ queryKey: orderKeys.types });
      void message.success(t('commerce.orders.types.saved'));
      void navigate('/commerce/order-types');
    } catch (err) {
      if (isStale(err)) {
        void message.warning(t('commerce.orders.types.stale'));
        await queryClient.invalidateQueries({ queryKey: orderKeys.types });
      } else setErrors(placeErrors(form, t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={existing ? existing.name : t('commerce.orders.types.add')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={existing ? valuesOf(existing) : { name: '', isDefault: false, active: true, stages: [newStage()] }}
        onFinish={(v) => void save(v)}
        scrollToFirstError
      >
        {errors.map((text) => (
          <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
        ))}
        <Form.Item
          name="name"
          label={t('commerce.orders.types.name')}
          rules={[{ required: true, whitespace: true, message: t('commerce.orders.types.nameRequired') }]}
          style={{ maxWidth: 360 }}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Flex gap={16} wrap style={{ marginBottom: 16 }}>
          <Form.Item name="isDefault" valuePropName="checked" noStyle>
            <Checkbox>{t('commerce.orders.types.isDefault')}</Checkbox>
          </Form.Item>
          <Form.Item name="active" valuePropName="checked" noStyle>
            <Checkbox>{t('commerce.orders.types.active')}</Checkbox>
          </Form.Item>
        </Flex>
        <Form.List name="stages">
          {(rows, { add, remove, move }) => (
            <>
              {rows.map((row, index) => (
                <div
                  key={row.key}
                  data-testid="stage-row"
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px 0', marginBottom: 8 }}
                >
                  <Flex wrap gap={8} align="start">
                    <Form.Item
                      name={[row.name, 'name']}
                      label={t('commerce.orders.types.stageName')}
                      rules={[{ required: true, whitespace: true, message: t('commerce.orders.types.nameRequired') }]}
                      style={{ flex: '2 1 140px' }}
                    >
                      <Input maxLength={30} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'leadTimeDays']}
                      label={t('commerce.orders.types.leadTime')}
                      style={{ flex: '1 1 90px' }}
                    >
                      <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'milestone']}
                      label={t('commerce.orders.types.milestone')}
                      style={{ flex: '1 1 110px' }}
                    >
                      <Select
                        options={[
                          { value: null, label: t('commerce.orders.types.noMilestone') },
                          ...ORDER_STAGE_MILESTONES.map((m) => ({
                            value: m,
                            label: t(`commerce.orders.progress.milestone.${m}`),
                          })),
                        ]}
                      />
                    </Form.Item>
                    <Flex gap={12} wrap style={{ marginTop: 30 }}>
                      <Form.Item name={[row.name, 'tracksQuantity']} valuePropName="checked" noStyle>
                        <Checkbox>{t('commerce.orders.types.tracksQuantity')}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[row.name, 'isArrival']} valuePropName="checked" noStyle>
                        <Checkbox>{t('commerce.orders.types.isArrival')}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[row.name, 'active']} valuePropName="checked" noStyle>
                        <Checkbox>{t('commerce.orders.types.stageActive')}</Checkbox>
                      </Form.Item>
                    </Flex>
                    <Flex gap={4} style={{ marginTop: 26 }}>
                      <Button size="small" disabled={index === 0} onClick={() => move(index, index - 1)}>
                        {t('commerce.orders.types.up')}
                      </Button>
                      <Button size="small" disabled={index === rows.length - 1} onClick={() => move(index, index + 1)}>
                        {t('commerce.orders.types.down')}
                      </Button>
                      <Button size="small" danger disabled={rows.length <= 1} onClick={() => remove(index)}>
                        {t('commerce.orders.types.remove')}
                      </Button>
                    </Flex>
                  </Flex>
                </div>
              ))}
              <Button type="dashed" block onClick={() => add(newStage())}>
                {t('commerce.orders.types.addStage')}
              </Button>
            </>
          )}
        </Form.List>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('commerce.orders.types.save')}
          </Button>
          <Button onClick={() => void navigate('/commerce/order-types')}>{t('commerce.orders.types.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
