// The lines of an order as a form list (inside the caller's Form, under `lines`): product from the catalogue (fills
// name, price, list price and tax rate), name, quantity, unit price, discount %, tax rate %. Used by the new order page
// and by 订单明细 while the order is a draft; `toLinesInput` turns the values into the API's lines.
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderLine, OrderLineInput } from '@guanxi/contracts';
import { decimalPattern } from './orderFormat.ts';
import { OrderProductPicker } from './OrderProductPicker.tsx';

export interface LineValues {
  productId?: string | null;
  title?: string;
  name?: string;
  quantity?: string;
  unitPrice?: string;
  listPrice?: string | null;
  discountPercent?: string;
  taxRate?: string;
}

export const emptyLine = (): LineValues => ({ quantity: '1', taxRate: '13' });

export const lineValuesOf = (l: OrderLine): LineValues => ({
  productId: l.productId,
  title: l.sku ? `${l.sku} · ${l.name}` : l.name,
  name: l.name,
  quantity: l.quantity,
  unitPrice: l.unitPrice,
  listPrice: l.listPrice,
  discountPercent: l.discount?.kind === 'percent' ? l.discount.value : undefined,
  taxRate: l.taxRate,
});

export function toLinesInput(lines: LineValues[]): OrderLineInput[] {
  return lines.map((l) => ({
    productId: l.productId ?? null,
    name: l.name?.trim() ?? '',
    quantity: (l.quantity ?? '').trim(),
    unitPrice: (l.unitPrice ?? '').trim(),
    listPrice: l.listPrice ?? null,
    taxRate: (l.taxRate ?? '').trim(),
    discount: l.discountPercent?.trim() ? { kind: 'percent', value: l.discountPercent.trim() } : null,
  }));
}

export function OrderLinesEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<{ lines: LineValues[] }>();
  const number = (places: number) => [
    { required: true, message: t('commerce.orders.lines.required') },
    { pattern: decimalPattern(places), message: t('commerce.orders.lines.numberInvalid', { places }) },
  ];
  return (
    <Form.List name="lines">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, index) => (
            <div
              key={row.key}
              data-testid="order-line"
              style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px 0', marginBottom: 8 }}
            >
              <Flex wrap gap={8} align="start">
                <Form.Item
                  name={[row.name, 'productId']}
                  label={t('commerce.orders.lines.product')}
                  style={{ flex: '2 1 220px' }}
                >
                  <OrderProductPicker
                    aria-label={`${t('commerce.orders.lines.product')} ${index + 1}`}
                    title={form.getFieldValue(['lines', row.name, 'title']) as string | undefined}
                    onPicked={(p) => {
                      if (!p) return;
                      form.setFieldValue(['lines', row.name], {
                        ...(form.getFieldValue(['lines', row.name]) as LineValues),
                        productId: p.id,
                        title: `${p.sku} · ${p.name}`,
                        name: p.name,
                        unitPrice: p.listPrice,
                        listPrice: p.listPrice,
                        taxRate: p.taxRate,
                      });
                    }}
                  />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'name']}
                  label={t('commerce.orders.lines.name')}
                  rules={[{ required: true, whitespace: true, message: t('commerce.orders.lines.required') }]}
                  style={{ flex: '2 1 180px' }}
                >
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'quantity']}
                  label={t('commerce.orders.lines.quantity')}
                  rules={number(4)}
                  style={{ flex: '1 1 90px' }}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'unitPrice']}
                  label={t('commerce.orders.lines.unitPrice')}
                  rules={number(2)}
                  style={{ flex: '1 1 110px' }}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'discountPercent']}
                  label={t('commerce.orders.lines.discount')}
                  rules={[{ pattern: decimalPattern(2), message: t('commerce.orders.lines.numberInvalid', { places: 2 }) }]}
                  style={{ flex: '1 1 80px' }}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'taxRate']}
                  label={t('commerce.orders.lines.taxRate')}
                  rules={number(2)}
                  style={{ flex: '1 1 70px' }}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
                <Button danger type="link" onClick={() => remove(row.name)} style={{ marginTop: 30 }} disabled={rows.length <= 1}>
                  {t('commerce.orders.lines.remove')}
                </Button>
              </Flex>
            </div>
          ))}
          <Button type="dashed" block onClick={() => add(emptyLine())}>
            {t('commerce.orders.lines.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Server details (`lines.2.quantity`, `lines.0.discount.value`) as the editor's field paths. */
export function lineFieldPath(field: string): (string | number)[] {
  const parts = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'lines' && parts[2] === 'discount') return ['lines', parts[1]!, 'discountPercent'];
  return parts;
}
