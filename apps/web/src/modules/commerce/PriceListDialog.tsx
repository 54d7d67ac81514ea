// A price list in a dialog: what it is for (kind and target), when it is valid, and its products, each with its
// quantity breaks (from this quantity on, this unit price). Saved whole; the server's refusals go beside the field
// they name (`items.0.breaks.1.unitPrice`).
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Spin, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PRICE_LIST_KINDS, type PriceList, type PriceListInput, type PriceListKind } from '@guanxi/contracts';
import { ReferenceSelect } from '../records/ReferenceSelect.tsx';
import { placeFormError } from '../sales/admin/adminForms.ts';
import { catalogKeys, savePriceList, usePriceList } from './catalog.api.ts';

export const GRADES = ['A', 'B', 'C', 'D'];

interface Values {
  name: string;
  kind: PriceListKind;
  grade?: string | null;
  tierKey?: string | null;
  customerId?: string | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  active: boolean;
  description?: string | null;
  items: { productId?: string; productName?: string; breaks: { minQuantity?: string; unitPrice?: string }[] }[];
}

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

const toValues = (list?: PriceList): Values =>
  list
    ? {
        name: list.name,
        kind: list.kind,
        grade: list.grade,
        tierKey: list.tierKey,
        customerId: list.customerId,
        validFrom: list.validFrom ? dayjs(list.validFrom) : null,
        validTo: list.validTo ? dayjs(list.validTo) : null,
        active: list.active,
        description: list.description,
        items: (list.items ?? []).map((i) => ({
          productId: i.productId,
          productName: `${i.sku} ${i.productName}`,
          breaks: i.breaks,
        })),
      }
    : { name: '', kind: 'standard', active: true, items: [] };

const toInput = (v: Values): PriceListInput => ({
  name: v.name.trim(),
  kind: v.kind,
  grade: v.kind === 'grade' ? (v.grade ?? null) : null,
  tierKey: v.kind === 'tier' ? (v.tierKey?.trim() ?? null) : null,
  customerId: v.kind === 'customer' ? (v.customerId ?? null) : null,
  validFrom: day(v.validFrom),
  validTo: day(v.validTo),
  active: v.active,
  description: v.description?.trim() || null,
  items: (v.items ?? []).map((i) => ({
    productId: i.productId!,
    breaks: (i.breaks ?? []).map((b) => ({
      minQuantity: String(b.minQuantity ?? '').trim(),
      unitPrice: String(b.unitPrice ?? '').trim(),
    })),
  })),
});

export function PriceListDialog({
  id,
  readOnly = false,
  onClose,
}: {
  id: string | null;
  readOnly?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const existing = usePriceList(id);
  const loading = !!id && existing.isPending;
  return (
    <Modal
      open
      width={820}
      title={
        readOnly
          ? t('commerce.prices.list.viewTitle')
          : id
            ? t('commerce.prices.list.editTitle')
            : t('commerce.prices.list.newTitle')
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {loading ? <Spin /> : <PriceListForm list={id ? existing.data : undefined} readOnly={readOnly} onClose={onClose} />}
    </Modal>
  );
}

function PriceListForm({ list, readOnly, onClose }: { list?: PriceList; readOnly: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? list?.kind ?? 'standard';

  const submit = async (values: Values) => {
    setSaving(true);
    setErrors([]);
    try {
      await savePriceList(toInput(values), list);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.priceLists });
      void message.success(t('commerce.prices.saved'));
      onClose();
    } catch (error) {
      setErrors(placeFormError(form, message, t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" disabled={readOnly} initialValues={toValues(list)} onFinish={(v) => void submit(v)}>
      <Flex gap="middle" wrap>
        <Form.Item name="name" label={t('commerce.prices.list.name')} rules={[{ required: true }]} style={{ flex: '1 1 240px' }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('commerce.prices.list.kind')} style={{ flex: '1 1 200px' }}>
          <Select options={PRICE_LIST_KINDS.map((k) => ({ value: k, label: t(`commerce.prices.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'grade' && (
          <Form.Item
            name="grade"
            label={t('commerce.prices.list.grade')}
            rules={[{ required: true }]}
            style={{ flex: '0 1 140px' }}
          >
            <Select options={GRADES.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
        )}
        {kind === 'tier' && (
          <Form.Item
            name="tierKey"
            label={t('commerce.prices.list.tierKey')}
            tooltip={t('commerce.prices.list.tierHelp')}
            rules={[{ required: true }]}
            style={{ flex: '0 1 180px' }}
          >
            <Input maxLength={50} />
          </Form.Item>
        )}
        {kind === 'customer' && (
          <Form.Item
            name="customerId"
            label={t('commerce.prices.list.customer')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 240px' }}
          >
            <ReferenceSelect reference="customer" title={list?.customerName ?? undefined} />
          </Form.Item>
        )}
      </Flex>
      <Flex gap="middle" wrap align="end">
        <Form.Item name="validFrom" label={t('commerce.prices.list.validFrom')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="validTo" label={t('commerce.prices.list.validTo')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="active" label={t('commerce.prices.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('commerce.prices.list.description')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Typography.Title level={5}>{t('commerce.prices.list.items')}</Typography.Title>
      <Form.List name="items">
        {(items, { add, remove }) => (
          <Flex vertical gap="small">
            {items.map((item) => (
              <Card key={item.key} size="small">
                <Flex gap="small" align="start" wrap>
                  <Form.Item
                    name={[item.name, 'productId']}
                    label={t('commerce.prices.list.product')}
                    rules={[{ required: true }]}
                    style={{ flex: '1 1 260px', marginBottom: 8 }}
                  >
                    <ReferenceSelect
                      reference="product"
                      title={form.getFieldValue(['items', item.name, 'productName']) as string | undefined}
                      aria-label={t('commerce.prices.list.product')}
                    />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(item.name)} style={{ marginTop: 30 }}>
                    {t('commerce.prices.remove')}
                  </Button>
                </Flex>
                <Form.List name={[item.name, 'breaks']}>
                  {(breaks, b) => (
                    <Flex vertical gap={4}>
                      {breaks.map((br) => (
                        <Flex key={br.key} gap="small" align="start" wrap>
                          <Form.Item
                            name={[br.name, 'minQuantity']}
                            label={br.name === 0 ? t('commerce.prices.list.minQuantity') : undefined}
                            rules={[{ required: true }]}
                            style={{ marginBottom: 0, flex: '0 1 140px' }}
                          >
                            <Input inputMode="decimal" aria-label={t('commerce.prices.list.minQuantity')} />
                          </Form.Item>
                          <Form.Item
                            name={[br.name, 'unitPrice']}
                            label={br.name === 0 ? t('commerce.prices.list.unitPrice') : undefined}
                            rules={[{ required: true }]}
                            style={{ marginBottom: 0, flex: '0 1 160px' }}
                          >
                            <Input inputMode="decimal" aria-label={t('commerce.prices.list.unitPrice')} />
                          </Form.Item>
                          {breaks.length > 1 && (
                            <Button
                              type="link"
                              danger
                              onClick={() => b.remove(br.name)}
                              style={{ marginTop: br.name === 0 ? 30 : 0 }}
                            >
                              {t('commerce.prices.remove')}
                            </Button>
                          )}
                        </Flex>
                      ))}
                      <Button
                        type="dashed"
                        size="small"
                        onClick={() => b.add({ minQuantity: '', unitPrice: '' })}
                        style={{ alignSelf: 'start' }}
                      >
                        {t('commerce.prices.list.addBreak')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button type="dashed" onClick={() => add({ breaks: [{ minQuantity: '1', unitPrice: '' }] })}>
              {t('commerce.prices.list.addProduct')}
            </Button>
          </Flex>
        )}
      </Form.List>
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} message={errors.join(' ')} />}
      {!readOnly && (
        <Flex justify="end" gap="small" style={{ marginTop: 16 }}>
          <Button onClick={onClose}>{t('commerce.prices.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('commerce.prices.save')}
          </Button>
        </Flex>
      )}
    </Form>
  );
}
