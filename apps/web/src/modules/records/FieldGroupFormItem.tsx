// A module's one input for a group of fields on the record form (the region cascader for province / city /
// district): each field stays a form value of its own, so submitting and the server's 400 details work as for
// any field; the errors of the group's fields show under the one input.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import type { FieldGroupInput } from './pageExtensions.ts';
import { formPath } from './fieldValues.ts';

interface Props {
  entity: EntityMeta;
  group: FieldGroupInput;
  fields: FieldMeta[];
  /** Called after the input changed the values (setFieldsValue does not fire the form's onValuesChange). */
  onEdited?: () => void;
  autoFocus?: boolean;
  /** Inline on the card the row already names the group: no label, no margin. */
  inline?: boolean;
}

export function FieldGroupFormItem({ entity, group, fields, onEdited, autoFocus, inline }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const label = group.label(t);
  const id = `group_${fields.map((f) => f.name).join('_')}`;
  return (
    <>
      {fields.map((field) => (
        <Form.Item key={field.name} name={formPath(field)} hidden>
          <Input />
        </Form.Item>
      ))}
      <Form.Item noStyle shouldUpdate>
        {() => {
          const errors = fields.flatMap((f) => form.getFieldError(formPath(f)));
          const value = Object.fromEntries(fields.map((f) => [f.name, form.getFieldValue(formPath(f)) as unknown]));
          return (
            <Form.Item
              label={inline ? undefined : label}
              htmlFor={id}
              style={inline ? { marginBottom: 0 } : undefined}
              validateStatus={errors.length ? 'error' : undefined}
              help={errors.length ? errors.join('；') : undefined}
            >
              <group.Input
                entity={entity}
                fields={fields}
                value={value}
                id={id}
                autoFocus={autoFocus}
                aria-label={label}
                onChange={(next) => {
                  form.setFields(fields.map((f) => ({ name: formPath(f), value: next[f.name] ?? undefined, errors: [] })));
                  onEdited?.();
                }}
              />
            </Form.Item>
          );
        }}
      </Form.Item>
    </>
  );
}
