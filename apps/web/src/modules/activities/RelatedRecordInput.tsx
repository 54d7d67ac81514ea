// 关联记录 on the activity form and page: first the record type (any type in the metadata the user may read),
// then that type's record searched by name like any reference; changing the type clears the record.
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../platform/meta.ts';
import type { FieldGroupInputProps } from '../records/pageExtensions.ts';
import { ReferenceSelect } from '../records/ReferenceSelect.tsx';
import { relatedTypeOptions } from './relatedRecord.ts';
import { useRelatedRecord } from './useRelatedRecord.ts';

export function RelatedRecordInput({ value, onChange, id, autoFocus }: FieldGroupInputProps) {
  const { t } = useTranslation();
  const meta = useMeta();
  const type = typeof value.relatedType === 'string' && value.relatedType ? value.relatedType : undefined;
  const relatedId = typeof value.relatedId === 'string' && value.relatedId ? value.relatedId : null;
  const title = useRelatedRecord(type, relatedId).title;
  return (
    <Flex gap={8} wrap>
      <Select
        id={id}
        autoFocus={autoFocus}
        aria-label={t('activities.related.type')}
        placeholder={t('activities.related.type')}
        value={type}
        allowClear
        options={relatedTypeOptions(meta.data ?? [])}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(next: string | undefined) => onChange({ relatedType: next ?? null, relatedId: null })}
        style={{ flex: '0 1 140px', minWidth: 110 }}
      />
      <div style={{ flex: '1 1 180px', minWidth: 0 }}>
        <ReferenceSelect
          key={type ?? 'none'}
          reference={type ?? ''}
          value={relatedId}
          title={title}
          onChange={(next) => onChange({ relatedType: type ?? null, relatedId: next })}
          aria-label={t('activities.related.record')}
          placeholder={type ? t('activities.related.record') : t('activities.related.typeFirst')}
        />
      </div>
    </Flex>
  );
}
