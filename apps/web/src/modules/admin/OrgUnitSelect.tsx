// A picker of one org unit from the tree; only active units can be chosen.
import type { CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildOrgTree } from './orgTree.ts';
import { useOrgUnits } from './admin.api.ts';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Units that cannot be picked (a unit cannot move below itself). */
  exclude?: (id: string) => boolean;
  allowClear?: boolean;
  placeholder?: string;
  /** For a picker without a form label (a list filter). */
  'aria-label'?: string;
  id?: string;
  style?: CSSProperties;
}

export function OrgUnitSelect({ value, onChange, exclude, allowClear, placeholder, id, style, ...aria }: Props) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const tree = buildOrgTree(units.data ?? [], { activeOnly: true });
  const mark = (nodes: typeof tree): typeof tree =>
    nodes.map((node) => ({ ...node, disabled: exclude?.(node.key) ?? false, children: mark(node.children) }));
  return (
    <TreeSelect
      id={id}
      aria-label={aria['aria-label']}
      value={value}
      onChange={onChange}
      treeData={mark(tree)}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      allowClear={allowClear}
      loading={units.isPending}
      placeholder={placeholder ?? t('admin.orgUnits.pickPlaceholder')}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
    />
  );
}
