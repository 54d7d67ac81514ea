// Picks a catalogue product for an order line by typing part of its SKU, name or pinyin (the server's list search);
// discontinued products are not offered. Picking fills the line from the product.
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListResponse } from '@guanxi/contracts';
import { api } from '../../../platform/api.ts';
import { useDebounced } from '../../../platform/useDebounced.ts';
import type { ApiRecord } from '../../records/records.api.ts';

export interface PickedProduct {
  id: string;
  sku: string;
  name: string;
  listPrice: string;
  /** Percent, as lines carry it ("13"). */
  taxRate: string;
}

/** A product's tax rate (a fraction, "0.13") as a line's percent ("13"). */
export function percentOfRate(rate: string): string {
  const [whole = '0', fraction = ''] = rate.split('.');
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const intPart = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(whole.length + 2).replace(/0+$/, '');
  return rest ? `${intPart}.${rest}` : intPart;
}

export function OrderProductPicker({
  value,
  title,
  onChange,
  onPicked,
  'aria-label': ariaLabel,
}: {
  value?: string | null;
  title?: string;
  onChange?: (value: string | null) => void;
  onPicked?: (product: PickedProduct | null) => void;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['orderProductPicker', q],
    queryFn: () =>
      api.get<ListResponse<ApiRecord>>(
        `/products?limit=20&filter[discontinued][eq]=false&fields=sku,name,listPrice,taxRate${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      ),
  });
  const items = found.data?.items ?? [];
  const options = items.map((p) => ({ value: p.id, label: `${String(p.sku)} · ${String(p.name)}` }));
  if (value && title && !options.some((o) => o.value === value)) options.unshift({ value, label: title });
  return (
    <Select
      aria-label={ariaLabel}
      placeholder={t('commerce.orders.lines.productPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      options={options}
      loading={found.isFetching}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      onChange={(next: string | undefined) => {
        onChange?.(next ?? null);
        const p = items.find((item) => item.id === next);
        onPicked?.(
          p
            ? {
                id: p.id,
                sku: String(p.sku),
                name: String(p.name),
                listPrice: String(p.listPrice),
                taxRate: percentOfRate(String(p.taxRate)),
              }
            : null,
        );
      }}
    />
  );
}
