// The list's filter conditions: one row per chosen field with the control its type needs (text contains,
// number range, date range with presets, options, tags, yes/no, a record picker, or the choices a module
// registered for a text field), and a picker to add a condition.
import { Button, DatePicker, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import { ReferenceSelect } from './ReferenceSelect.tsx';
import { TagsInput } from './TagsInput.tsx';
import { filterChoicesOf } from './pageExtensions.ts';
import {
  activeFilterFields,
  betweenValue,
  DATE_PRESETS,
  DATE_RANGE_OPS,
  dateRangeOf,
  filterKey,
  filterKind,
  presetRange,
  withoutField,
} from './listFilters.ts';

interface Props {
  entity: EntityMeta;
  /** Fields shown as conditions, including ones added but not filled in yet. */
  fields: string[];
  filters: Record<string, string>;
  onChange: (filters: Record<string, string>, fields: string[]) => void;
}

export function FilterPanel({ entity, fields, filters, onChange }: Props) {
  const { t } = useTranslation();
  const filterable = entity.fields.filter((f) => f.filterable && f.name !== 'id');
  const shown = fields.map((name) => filterable.find((f) => f.name === name)).filter((f): f is FieldMeta => !!f);
  // Conditions a link brought on fields the panel has no control for (a report's drill by record ids).
  const linkedOnly = activeFilterFields(filters).filter((name) => !filterable.some((f) => f.name === name));
  const set = (field: FieldMeta, values: Record<string, string | undefined>) => {
    const next = { ...filters };
    for (const [op, value] of Object.entries(values)) {
      if (value === undefined || value === '') delete next[filterKey(field.name, op)];
      else next[filterKey(field.name, op)] = value;
    }
    onChange(next, fields);
  };

  return (
    <Flex vertical gap={8} role="group" aria-label={t('records.filters.title')}>
      {shown.map((field) => (
        <Flex key={field.name} gap={8} align="center" wrap>
          <Typography.Text style={{ minWidth: 96 }}>{field.label}</Typography.Text>
          <div style={{ flex: '1 1 240px', minWidth: 0, maxWidth: 420 }}>
            <FilterControl entity={entity} field={field} filters={filters} set={(values) => set(field, values)} />
          </div>
          <Button
            type="text"
            aria-label={t('records.filters.remove', { field: field.label })}
            onClick={() =>
              onChange(
                withoutField(filters, field.name),
                fields.filter((n) => n !== field.name),
              )
            }
          >
            ✕
          </Button>
        </Flex>
      ))}
      {linkedOnly.map((name) => (
        <Flex key={name} gap={8} align="center" wrap>
          <Typography.Text style={{ minWidth: 96 }}>{entity.fields.find((f) => f.name === name)?.label ?? name}</Typography.Text>
          <Typography.Text type="secondary" style={{ flex: '1 1 240px' }}>
            {t('records.filters.linked', { count: linkedCount(filters, name) })}
          </Typography.Text>
          <Button
            type="text"
            aria-label={t('records.filters.remove', { field: entity.fields.find((f) => f.name === name)?.label ?? name })}
            onClick={() => onChange(withoutField(filters, name), fields)}
          >
            ✕
          </Button>
        </Flex>
      ))}
      <Select
        aria-label={t('records.filters.add')}
        placeholder={t('records.filters.add')}
        value={null}
        style={{ maxWidth: 240 }}
        showSearch={{ optionFilterProp: 'label' }}
        options={filterable.filter((f) => !fields.includes(f.name)).map((f) => ({ value: f.name, label: f.label }))}
        onChange={(name: string) => onChange(filters, [...fields, name])}
      />
    </Flex>
  );
}

/** How many values a condition holds (`in` lists several). */
const linkedCount = (filters: Record<string, string>, field: string): number =>
  Object.entries(filters)
    .filter(([key]) => key.startsWith(`filter[${field}]`))
    .reduce((n, [key, value]) => n + (key.endsWith('[in]') ? value.split(',').length : 1), 0);

function FilterControl({
  entity,
  field,
  filters,
  set,
}: {
  entity: EntityMeta;
  field: FieldMeta;
  filters: Record<string, string>;
  set: (values: Record<string, string | undefined>) => void;
}) {
  const { t } = useTranslation();
  const get = (op: string) => filters[filterKey(field.name, op)];
  const label = field.label;
  const inList = get('in') ? get('in')!.split(',') : [];
  const Choices = filterChoicesOf(entity.name, field.name);
  if (Choices)
    return <Choices aria-label={label} value={inList} onChange={(values) => set({ in: values.join(',') || undefined })} />;
  switch (filterKind(field)) {
    case 'range':
      return (
        <Flex gap={4} align="center">
          <InputNumber
            aria-label={t('records.filters.min', { field: label })}
            placeholder={t('records.filters.minShort')}
            value={get('gte') ?? null}
            stringMode
            style={{ flex: 1 }}
            onChange={(v) => set({ gte: v === null ? undefined : String(v) })}
          />
          <span aria-hidden>–</span>
          <InputNumber
            aria-label={t('records.filters.max', { field: label })}
            placeholder={t('records.filters.maxShort')}
            value={get('lte') ?? null}
            stringMode
            style={{ flex: 1 }}
            onChange={(v) => set({ lte: v === null ? undefined : String(v) })}
          />
        </Flex>
      );
    case 'dateRange':
      return (
        <DatePicker.RangePicker
          aria-label={label}
          value={dateRangeOf(filters, field.name)}
          presets={DATE_PRESETS.map((preset) => ({ label: t(`records.presets.${preset}`), value: presetRange(preset) }))}
          onChange={(range) =>
            set({
              ...Object.fromEntries(DATE_RANGE_OPS.map((op) => [op, undefined])),
              between: range?.[0] && range[1] ? betweenValue(field, [range[0], range[1]]) : undefined,
            })
          }
          style={{ width: '100%' }}
        />
      );
    case 'choice':
      return (
        <Select
          aria-label={label}
          mode="multiple"
          allowClear
          value={inList}
          options={field.options}
          onChange={(values: string[]) => set({ in: values.join(',') || undefined })}
          style={{ width: '100%' }}
        />
      );
    case 'tags':
      return (
        <TagsInput
          aria-label={label}
          field={field}
          plural={entity.plural}
          mode="multiple"
          value={inList}
          onChange={(values) => set({ in: values.join(',') || undefined })}
        />
      );
    case 'boolean':
      return (
        <Select
          aria-label={label}
          allowClear
          value={get('eq') ?? null}
          options={[
            { value: 'true', label: t('records.yes') },
            { value: 'false', label: t('records.no') },
          ]}
          onChange={(value: string | undefined) => set({ eq: value })}
          style={{ width: '100%' }}
        />
      );
    case 'reference':
      // A report's drill names several records (`in`): said in words until the user picks one instead.
      if (get('in') && !get('eq'))
        return (
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('records.filters.linked', { count: inList.length })}</Typography.Text>
            <Button size="small" onClick={() => set({ in: undefined })}>
              {t('records.filters.pickInstead')}
            </Button>
          </Flex>
        );
      return (
        <ReferenceSelect
          aria-label={label}
          reference={field.reference ?? ''}
          value={get('eq') ?? null}
          onChange={(value) => set({ eq: value ?? undefined })}
        />
      );
    default:
      return (
        <Input.Search
          aria-label={t('records.filters.contains', { field: label })}
          placeholder={t('records.filters.containsShort')}
          defaultValue={get('contains')}
          allowClear
          enterButton={t('records.filters.apply')}
          onSearch={(value) => set({ contains: value.trim() || undefined })}
        />
      );
  }
}
