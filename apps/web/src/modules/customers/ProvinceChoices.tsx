// The customer list's province filter: choose provinces from the bundled list instead of typing part of a name.
import { Select } from 'antd';
import type { FilterChoicesProps } from '../records/pageExtensions.ts';
import { useRegions } from './customers.api.ts';

export function ProvinceChoices({ value, onChange, ...rest }: FilterChoicesProps) {
  const regions = useRegions();
  return (
    <Select
      aria-label={rest['aria-label']}
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      options={(regions.data ?? []).map((r) => ({ value: r.name, label: r.name }))}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}
