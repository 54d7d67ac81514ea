// Picks a product of the catalogue for a quote line by typing part of its SKU, name or the name's pinyin (the server's
// list search); discontinued products are not offered. Shows "SKU · name".
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ListResponse } from '@guanxi/contracts';
import { api } from '../../../platform/api.ts';
import { useDebounced } from '../../../platform/useDebounced.ts';
import type { ApiRecord } from '../../records/records.api.ts';

export interface PickedProduct {
  id: string;
  sku: string;
  name: string;
  unit: string;
  listPrice: string;
  taxRate: string;
}

const labelOf = (p: Record<string, unknown>) => `${String(p.sku ?? '')} · ${String(p.name ?? '')}`;

export function ProductPicker({
  value,
  title,
  onChange,
  onPicked,
  id,
  'aria-label': ariaLabel,
  status,
}: {
  value?: string | null;
  /** "SKU · name" of the current value, before any search. */
  title?: string;
  onChange?: (value: string | null) => void;
  onPicked?: (product: PickedProduct | null) => void;
  id?: string;
  'aria-label'?: string;
  status?: 'error';
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['quoteProductPicker', q],
    queryFn: () =>
      api.get<ListResponse<ApiRecord>>(
        `/products?limit=20&filter[discontinued][eq]=false&fields=sku,name,unit,listPrice,taxRate${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      ),
  });
  const items = found.data?.items ?? [];
  const options = items.map((p) => ({ value: p.id, label: labelOf(p) }));
  if (value && title && !options.some((o) => o.value === value)) options.unshift({ value, label: title });
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      status={status}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      options={options}
      loading={found.isFetching}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      onChange={(next: string | undefined) => {
        onChange?.(next ?? null);
        const product = items.find((p) => p.id === next);
        onPicked?.(
          product
            ? {
                id: product.id,
                sku: String(product.sku),
                name: String(product.name),
                unit: String(product.unit ?? ''),
                listPrice: String(product.listPrice),
                taxRate: String(product.taxRate),
              }
            : null,
        );
      }}
    />
  );
}
