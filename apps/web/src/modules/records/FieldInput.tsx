// The control that edits one field, chosen by its type: text, multi-line text, whole and decimal numbers,
// dates, yes/no, single and multiple choice, free tags, references, e-mail and phone. Used by forms, inline edit and bulk edit.
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { FieldMeta } from '@guanxi/contracts';
import { ReferenceSelect } from './ReferenceSelect.tsx';
import { TagsInput } from './TagsInput.tsx';

interface Props {
  field: FieldMeta;
  /** Title of the current value of a reference field. */
  title?: string;
  /** The record type's URL segment: free tags suggest the ones its records use. */
  plural?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
  autoFocus?: boolean;
}

export function FieldInput({ field, title, plural, ...control }: Props) {
  const common = { id: control.id, autoFocus: control.autoFocus, 'aria-label': field.label };
  const value = control.value as never;
  const onChange = control.onChange as never;
  switch (field.type) {
    case 'longText':
      return (
        <Input.TextArea
          {...common}
          value={value}
          onChange={(e) => control.onChange?.(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={field.maxLength}
        />
      );
    case 'integer':
      return <InputNumber {...common} value={value} onChange={onChange} precision={0} style={{ width: '100%' }} />;
    case 'decimal':
      // stringMode keeps every digit: 0.1 + 0.2 problems never reach an amount.
      return <InputNumber {...common} value={value} onChange={onChange} stringMode precision={2} style={{ width: '100%' }} />;
    case 'date':
      return <DatePicker {...common} value={value} onChange={onChange} style={{ width: '100%' }} />;
    case 'datetime':
      return (
        <DatePicker
          {...common}
          value={value}
          onChange={onChange}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      );
    case 'boolean':
      return (
        <Switch
          id={control.id}
          aria-label={field.label}
          checked={Boolean(control.value)}
          onChange={(checked) => control.onChange?.(checked)}
        />
      );
    case 'select':
    case 'multiSelect':
      return (
        <Select
          {...common}
          value={value}
          onChange={onChange}
          mode={field.type === 'multiSelect' ? 'multiple' : undefined}
          options={field.options}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
        />
      );
    case 'tags':
      return <TagsInput {...common} field={field} plural={plural} value={value} onChange={onChange} />;
    case 'reference':
      return field.referenceParent ? (
        <ParentNarrowedReference {...common} field={field} title={title} value={value} onChange={onChange} />
      ) : (
        <ReferenceSelect
          {...common}
          reference={field.reference ?? ''}
          title={title}
          value={value}
          onChange={onChange}
          allowClear={!field.required}
        />
      );
    case 'email':
      return (
        <Input
          {...common}
          type="email"
          inputMode="email"
          value={value}
          onChange={(e) => control.onChange?.(e.target.value)}
          maxLength={field.maxLength}
        />
      );
    case 'phone':
      return (
        <Input
          {...common}
          type="tel"
          inputMode="tel"
          value={value}
          onChange={(e) => control.onChange?.(e.target.value)}
          maxLength={field.maxLength}
        />
      );
    default:
      return <Input {...common} value={value} onChange={(e) => control.onChange?.(e.target.value)} maxLength={field.maxLength} />;
  }
}

/** A reference picker narrowed by another field of the same form (a stage by its pipeline). */
function ParentNarrowedReference({
  field,
  ...props
}: {
  field: FieldMeta;
  title?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  autoFocus?: boolean;
  'aria-label'?: string;
}) {
  const form = Form.useFormInstance();
  const parent = Form.useWatch(field.referenceParent!, { form, preserve: true }) as unknown;
  return (
    <ReferenceSelect
      {...props}
      reference={field.reference ?? ''}
      parent={typeof parent === 'string' ? parent : undefined}
      allowClear={!field.required}
    />
  );
}
