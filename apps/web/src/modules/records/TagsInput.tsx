// Free tags of a record (a customer's 老客户, 展会): pick ones already used — most used first, searched on the
// server among the records the user may read — or type a new one. In a list filter it only picks.
import { useState } from 'react';
import { Flex, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { useDebounced } from '../../platform/useDebounced.ts';
import { cleanTags, tagOptions, TAG_SEPARATORS, type UsedValue } from './tags.ts';

interface Props {
  field: FieldMeta;
  /** The record type's URL segment; suggestions come from its records. */
  plural?: string;
  value?: string[] | null;
  onChange?: (value: string[]) => void;
  /** `tags` lets the user type new tags; `multiple` (filters) only picks. */
  mode?: 'tags' | 'multiple';
  id?: string;
  autoFocus?: boolean;
  'aria-label'?: string;
}

const MAX_TAGS = 20;

export function TagsInput({ field, plural, value, onChange, mode = 'tags', ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search).trim();
  const used = useQuery({
    queryKey: ['fieldValues', plural, field.name, q],
    enabled: !!plural,
    queryFn: () =>
      api
        .get<{ items: UsedValue[] }>(
          `/${plural}/field-values?field=${encodeURIComponent(field.name)}&limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}`,
        )
        .then((r) => r.items),
    staleTime: 30_000,
  });
  return (
    <Select
      {...rest}
      mode={mode}
      value={value ?? []}
      onChange={(next: string[]) => onChange?.(cleanTags(next))}
      options={tagOptions(field, used.data ?? [], value ?? [])}
      optionRender={(option) => (
        <Flex justify="space-between" gap={8}>
          <span>{option.label}</span>
          {option.data.count ? <Typography.Text type="secondary">{option.data.count}</Typography.Text> : null}
        </Flex>
      )}
      // The typed text asks the server for used tags containing it; the list itself filters on the label.
      showSearch={{ optionFilterProp: 'label', onSearch: setSearch }}
      tokenSeparators={mode === 'tags' ? TAG_SEPARATORS : undefined}
      maxCount={mode === 'tags' ? MAX_TAGS : undefined}
      allowClear
      loading={used.isFetching}
      notFoundContent={mode === 'tags' ? t('records.tags.typeNew') : t('records.noMatches')}
      style={{ width: '100%' }}
    />
  );
}
