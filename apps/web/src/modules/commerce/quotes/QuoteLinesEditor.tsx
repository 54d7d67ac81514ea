// The quote's lines being edited: lines from the catalogue (product picked by SKU, name or pinyin; unit price filled
// from the price engine for the quote's customer and date, with its explanation, until the rep types a price of their
// own), free lines (name, unit, price, tax rate), a discount per line and on the whole quote (percent or yuan), and
// the totals previewed to the fen as typed (quoteMath.ts; the server's answer is what is stored). Saved whole with the
// quote's version: a 412 offers to reload; refusals stand beside the field they name.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PricedLine, QuoteLineInput, QuoteLines } from '@guanxi/contracts';
import { ApiError } from '../../../platform/api.ts';
import { errorMessage, isStale } from '../../../platform/formErrors.ts';
import { useDebounced } from '../../../platform/useDebounced.ts';
import { recordKeys } from '../../records/records.api.ts';
import { quoteLines as priceQuoteLines } from '../catalog.api.ts';
import { explainPrice } from '../priceExplain.ts';
import { quoteKeys, saveQuoteLines } from './quotes.api.ts';
import { parseDecimal, previewQuote } from './quoteMath.ts';
import { percentText, yuan } from './quoteFormat.ts';
import { ProductPicker } from './ProductPicker.tsx';
import { QuoteTotals } from './QuoteTotals.tsx';

type DiscountKind = 'none' | 'percent' | 'amount';

interface LineValues {
  productId?: string | null;
  /** "SKU · name" of the picked product, for the picker. */
  title?: string;
  name?: string;
  unit?: string;
  /** Free lines: percent ("13"). */
  taxRate?: string;
  quantity?: string;
  unitPrice?: string;
  /** True once the rep typed a price: the engine's no longer replaces it. */
  ownPrice?: boolean;
  discountKind?: DiscountKind;
  discountValue?: string;
}

interface Values {
  lines: LineValues[];
  totalDiscountKind: DiscountKind;
  totalDiscountValue?: string;
}

/** The product's tax rate as the catalogue stores it (0.13) → percent ("13"). */
const ratePercent = (fraction: string) => {
  const [whole = '0', part = ''] = fraction.split('.');
  const hundredths = BigInt(whole + part.padEnd(2, '0').slice(0, 2));
  const rest = part.slice(2).replace(/0+$/, '');
  return rest ? `${hundredths}.${rest}` : String(hundredths);
};

const discountOf = (kind: DiscountKind | undefined, value: string | undefined) =>
  kind && kind !== 'none' && value?.trim() ? { kind, value: value.trim() } : null;

/** Server details name `lines.2.discount.value`; the form names it `lines.2.discountValue`. */
const formField = (field: string): (string | number)[] =>
  field
    .replace(/^lines\.(\d+)\.discount\.(value|kind)$/, 'lines.$1.discountValue')
    .replace(/^totalDiscount\.(value|kind)$/, 'totalDiscountValue')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

function initialValues(lines: QuoteLines): Values {
  return {
    lines: lines.lines.map((l) => ({
      productId: l.productId,
      title: l.productId ? `${l.sku ?? ''} · ${l.name}` : undefined,
      name: l.productId ? undefined : l.name,
      unit: l.productId ? undefined : (l.unit ?? undefined),
      taxRate: l.productId ? undefined : l.taxRate.replace(/\.?0+$/, ''),
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      ownPrice: !!l.productId && l.enginePrice !== l.unitPrice,
      discountKind: l.discount?.kind ?? 'none',
      discountValue: l.discount?.value,
    })),
    totalDiscountKind: lines.totalDiscount?.kind ?? 'none',
    totalDiscountValue: lines.totalDiscount?.value,
  };
}

function DiscountInput({
  kind,
  valueName,
  label,
  t,
}: {
  kind: (string | number)[];
  valueName: (string | number)[];
  label: string;
  t: TFunction;
}) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Form.Item name={kind} noStyle>
        <Select
          aria-label={t('commerce.quotes.editor.discountKind', { name: label })}
          style={{ width: 86 }}
          options={(['none', 'percent', 'amount'] as const).map((k) => ({
            value: k,
            label: t(`commerce.quotes.editor.kinds.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item name={valueName} noStyle>
        <Input inputMode="decimal" maxLength={19} aria-label={label} />
      </Form.Item>
    </Space.Compact>
  );
}

export function QuoteLinesEditor({ lines, onDone }: { lines: QuoteLines; onDone: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const initial = useMemo(() => initialValues(lines), [lines]);
  const values = (Form.useWatch([], form) ?? initial) as Values;
  const rows = values.lines ?? [];
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const id = lines.quoteId;

  // The engine's prices of the product lines, for the quote's customer and date.
  const wanted = rows.map((l) =>
    l?.productId && parseDecimal(l.quantity, 4) ? { productId: l.productId, quantity: l.quantity!.trim() } : null,
  );
  const pricingKey = useDebounced(JSON.stringify(wanted), 300);
  const pricing = useQuery({
    queryKey: ['quoteEnginePrices', lines.customerId, lines.quoteDate, pricingKey],
    enabled: wanted.some(Boolean),
    queryFn: async () => {
      const asked = (JSON.parse(pricingKey) as ({ productId: string; quantity: string } | null)[])
        .map((line, index) => (line ? { line, index } : null))
        .filter((x) => x !== null);
      if (!asked.length) return new Map<number, PricedLine>();
      const answer = await priceQuoteLines({
        customerId: lines.customerId,
        date: lines.quoteDate,
        lines: asked.map((a) => a.line),
      });
      return new Map(answer.lines.map((line, i) => [asked[i]!.index, line]));
    },
    retry: false,
  });
  const priced = pricing.data;
  useEffect(() => {
    if (!priced) return;
    for (const [index, line] of priced) {
      const current = form.getFieldValue(['lines', index]) as LineValues | undefined;
      if (current?.productId === line.productId && !current.ownPrice && current.unitPrice !== line.unitPrice)
        form.setFieldValue(['lines', index, 'unitPrice'], line.unitPrice);
    }
  }, [priced, form]);

  const preview = previewQuote(
    rows.map((l, i) => {
      const engine = priced?.get(i);
      return {
        quantity: l?.quantity ?? '',
        unitPrice: l?.unitPrice ?? '',
        taxRate: l?.productId
          ? engine
            ? ratePercent(engine.taxRate)
            : (lines.lines.find((x) => x.productId === l.productId)?.taxRate ?? '')
          : (l?.taxRate ?? ''),
        discount: discountOf(l?.discountKind, l?.discountValue),
        listPrice: l?.productId
          ? (engine?.listPrice ?? lines.lines.find((x) => x.productId === l.productId)?.listPrice ?? null)
          : null,
      };
    }),
    discountOf(values.totalDiscountKind, values.totalDiscountValue),
    { rounding: lines.rounding, prices: lines.prices },
  );

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: quoteKeys.lines(id) });
    void queryClient.invalidateQueries({ queryKey: recordKeys.type('quotes') });
    onDone();
  };

  const save = async (submitted: Values) => {
    setSaving(true);
    setErrors([]);
    try {
      const body = {
        lines: (submitted.lines ?? []).map((l): QuoteLineInput => {
          const discount = discountOf(l.discountKind, l.discountValue);
          const common = { quantity: (l.quantity ?? '').trim(), ...(discount ? { discount } : {}) };
          return l.productId
            ? { productId: l.productId, ...common, ...(l.ownPrice ? { unitPrice: (l.unitPrice ?? '').trim() } : {}) }
            : {
                name: (l.name ?? '').trim(),
                unit: l.unit?.trim() || null,
                taxRate: (l.taxRate ?? '').trim(),
                unitPrice: (l.unitPrice ?? '').trim(),
                ...common,
              };
        }),
        totalDiscount: discountOf(submitted.totalDiscountKind, submitted.totalDiscountValue),
      };
      const saved = await saveQuoteLines(id, lines.version, body);
      queryClient.setQueryData(quoteKeys.lines(id), saved);
      void queryClient.invalidateQueries({ queryKey: recordKeys.type('quotes') });
      void message.success(t('commerce.quotes.editor.saved'));
      onDone();
    } catch (error) {
      if (isStale(error))
        modal.confirm({
          title: t('commerce.quotes.editor.staleTitle'),
          content: t('commerce.quotes.editor.staleText'),
          okText: t('commerce.quotes.editor.reload'),
          cancelText: t('commerce.quotes.editor.keepEditing'),
          onOk: reload,
        });
      else {
        const details = error instanceof ApiError ? error.details : [];
        const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
        // A discount's two inputs share no visible error slot: its refusal is listed above, naming the line.
        const placed = details.filter((d) => d.field && !/discount/i.test(d.field) && known.has(formField(d.field).join('.')));
        form.setFields(placed.map((d) => ({ name: formField(d.field!) as never, errors: [d.message] })));
        const rest = details
          .filter((d) => !placed.includes(d))
          .map((d) => {
            const line = /^lines\.(\d+)\./.exec(d.field ?? '');
            return line ? t('commerce.quotes.editor.lineError', { n: Number(line[1]) + 1, message: d.message }) : d.message;
          });
        setErrors(details.length ? rest : [errorMessage(t, error)]);
      }
    } finally {
      setSaving(false);
    }
  };

  const decimal = (places: number) => ({
    pattern: new RegExp(`^\\s*\\d{1,16}(\\.\\d{1,${places}})?\\s*$`),
    message: t('commerce.quotes.editor.numberInvalid', { places }),
  });

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} scrollToFirstError>
      {errors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => {
              const line = rows[index] ?? {};
              const free = !line.productId && line.name !== undefined;
              const engine = priced?.get(index);
              const label = line.title ?? line.name ?? t('commerce.quotes.editor.lineN', { n: index + 1 });
              const amount = preview?.lines[index];
              return (
                <Card
                  key={field.key}
                  size="small"
                  role="group"
                  aria-label={label}
                  style={{ marginBottom: 8 }}
                  styles={{ body: { paddingBottom: 0 } }}
                >
                  <Flex wrap gap="0 8px" align="start">
                    {free ? (
                      <>
                        <Form.Item
                          name={[field.name, 'name']}
                          label={t('commerce.quotes.lines.name')}
                          rules={[{ required: true, whitespace: true, message: t('commerce.quotes.editor.nameRequired') }]}
                          style={{ flex: '2 1 200px', minWidth: 0 }}
                        >
                          <Input maxLength={200} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'unit']}
                          label={t('commerce.quotes.lines.unit')}
                          style={{ flex: '0 1 80px' }}
                        >
                          <Input maxLength={20} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'taxRate']}
                          label={t('commerce.quotes.lines.taxRatePercent')}
                          rules={[
                            { required: true, message: t('commerce.quotes.editor.numberInvalid', { places: 2 }) },
                            decimal(2),
                          ]}
                          style={{ flex: '0 1 90px' }}
                        >
                          <Input inputMode="decimal" maxLength={6} />
                        </Form.Item>
                      </>
                    ) : (
                      <Form.Item
                        name={[field.name, 'productId']}
                        label={t('commerce.quotes.lines.product')}
                        rules={[{ required: true, message: t('commerce.quotes.editor.productRequired') }]}
                        style={{ flex: '2 1 240px', minWidth: 0 }}
                      >
                        <ProductPicker
                          title={line.title}
                          aria-label={t('commerce.quotes.lines.product')}
                          onPicked={(p) => {
                            form.setFieldValue(['lines', field.name, 'title'], p ? `${p.sku} · ${p.name}` : undefined);
                            form.setFieldValue(['lines', field.name, 'ownPrice'], false);
                          }}
                        />
                      </Form.Item>
                    )}
                    <Form.Item
                      name={[field.name, 'quantity']}
                      label={t('commerce.quotes.lines.quantity')}
                      rules={[{ required: true, message: t('commerce.quotes.editor.numberInvalid', { places: 4 }) }, decimal(4)]}
                      style={{ flex: '1 1 90px', minWidth: 0 }}
                    >
                      <Input inputMode="decimal" maxLength={21} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'unitPrice']}
                      label={t('commerce.quotes.lines.unitPrice')}
                      rules={[{ required: true, message: t('commerce.quotes.editor.numberInvalid', { places: 2 }) }, decimal(2)]}
                      style={{ flex: '1 1 110px', minWidth: 0 }}
                    >
                      <Input
                        inputMode="decimal"
                        maxLength={19}
                        onChange={() => form.setFieldValue(['lines', field.name, 'ownPrice'], !free)}
                      />
                    </Form.Item>
                    <Form.Item label={t('commerce.quotes.lines.discount')} style={{ flex: '1 1 170px', minWidth: 0 }}>
                      <DiscountInput
                        kind={[field.name, 'discountKind']}
                        valueName={[field.name, 'discountValue']}
                        label={t('commerce.quotes.editor.lineDiscount', { name: label })}
                        t={t}
                      />
                    </Form.Item>
                    <Form.Item label={t('commerce.quotes.lines.amount')} style={{ flex: '1 1 100px', minWidth: 0 }}>
                      <Typography.Text strong aria-live="polite">
                        {amount ? yuan(amount.subtotal) : '—'}
                      </Typography.Text>
                    </Form.Item>
                    <Form.Item label=" " colon={false}>
                      <Button
                        danger
                        size="small"
                        aria-label={t('commerce.quotes.editor.removeLabel', { name: label })}
                        onClick={() => remove(index)}
                      >
                        {t('commerce.quotes.editor.remove')}
                      </Button>
                    </Form.Item>
                  </Flex>
                  {!free && engine && (
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
                      {line.ownPrice && line.unitPrice !== engine.unitPrice ? (
                        <>
                          {t('commerce.quotes.editor.ownPrice', { price: yuan(engine.unitPrice) })}{' '}
                          <Button
                            type="link"
                            size="small"
                            style={{ padding: 0, height: 'auto' }}
                            onClick={() => {
                              form.setFieldValue(['lines', field.name, 'unitPrice'], engine.unitPrice);
                              form.setFieldValue(['lines', field.name, 'ownPrice'], false);
                            }}
                          >
                            {t('commerce.quotes.editor.useEngine')}
                          </Button>
                        </>
                      ) : (
                        explainPrice(t, engine)
                      )}
                      {amount &&
                        amount.offList !== '0.00' &&
                        ` · ${t('commerce.quotes.editor.offList', { percent: percentText(amount.offList) })}`}
                    </Typography.Paragraph>
                  )}
                  <Form.Item name={[field.name, 'ownPrice']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} hidden>
                    <Input />
                  </Form.Item>
                </Card>
              );
            })}
            <Space wrap style={{ marginBottom: 16 }}>
              <Button
                type="dashed"
                onClick={() => add({ productId: null, quantity: '1', discountKind: 'none', ownPrice: false })}
              >
                {t('commerce.quotes.editor.addProduct')}
              </Button>
              <Button type="dashed" onClick={() => add({ name: '', quantity: '1', taxRate: '13', discountKind: 'none' })}>
                {t('commerce.quotes.editor.addFree')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
      <Form.Item label={t('commerce.quotes.editor.totalDiscount')} style={{ maxWidth: 280 }}>
        <DiscountInput
          kind={['totalDiscountKind']}
          valueName={['totalDiscountValue']}
          label={t('commerce.quotes.editor.totalDiscount')}
          t={t}
        />
      </Form.Item>
      <div role="status" aria-live="polite" style={{ marginBottom: 12 }}>
        {preview ? (
          <QuoteTotals totals={preview.totals} cost={false} />
        ) : (
          <Typography.Text type="secondary">{t('commerce.quotes.editor.previewPending')}</Typography.Text>
        )}
      </div>
      <Flex justify="flex-end" gap={8} wrap>
        <Button onClick={onDone}>{t('commerce.quotes.editor.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('commerce.quotes.editor.save')}
        </Button>
      </Flex>
    </Form>
  );
}
