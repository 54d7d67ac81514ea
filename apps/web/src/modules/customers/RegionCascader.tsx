// 地区 on the customer form and card: one cascader over the bundled list of China's regions that fills province,
// city and district; type part of a name to find it (「朝阳」). A level may be left out (a province alone).
import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldGroupInputProps } from '../records/pageExtensions.ts';
import { useRegions } from './customers.api.ts';
import { regionMatches, regionPath, regionValues, toRegionOptions } from './regions.ts';

export function RegionCascader({ value, onChange, id, autoFocus, ...rest }: FieldGroupInputProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <Cascader
      id={id}
      aria-label={rest['aria-label']}
      autoFocus={autoFocus}
      options={toRegionOptions(regions.data ?? [])}
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
