// 地区 on the customer form and card: one cascader over the bundled list of China's regions that fills province,
// city and district; type part of a name to find it (「朝阳」). A level may be left out (a province alone).
import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldGroupInputProps } from '../records/pageExtensions.ts';
import { useRegions } from './customers.api.ts';
import { regionMatches, regionPath, regionValues, toRegionOptions } from './regions.ts';

export function RegionCascader({ value, onChange, id, autoFocus, ...rest }: FieldGroupInputProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  // About 3,200 places: built once per load, not on every keystroke, so the open list is not rebuilt under the pointer.
  const options = useMemo(() => toRegionOptions(regions.data ?? []), [regions.data]);
  return (
    <Cascader
      id={id}
      aria-label={rest['aria-label']}
      autoFocus={autoFocus}
      options={options}
      value={regionPath(value)}
      onChange={(path) => onChange(regionValues(path as string[] | undefined))}
      changeOnSelect
      showSearch={{ filter: regionMatches, limit: 30 }}
      allowClear
      loading={regions.isPending}
      placeholder={t('customers.region.placeholder')}
      notFoundContent={t('customers.region.notFound')}
      style={{ width: '100%' }}
    />
  );
}
