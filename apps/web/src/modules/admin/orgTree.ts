// The org-unit list as a tree for antd's Tree and TreeSelect: children under their parent, sorted by name.
import type { OrgUnit } from '@guanxi/contracts';

export interface OrgTreeNode {
  key: string;
  value: string;
  title: string;
  unit: OrgUnit;
  disabled?: boolean;
  children: OrgTreeNode[];
}

/** `activeOnly` leaves inactive units (and what is below them) out, as pickers for new assignments must. */
export function buildOrgTree(units: OrgUnit[], options: { activeOnly?: boolean } = {}): OrgTreeNode[] {
  const kept = options.activeOnly ? units.filter((unit) => unit.active) : units;
  const nodes = new Map(
    kept.map((unit) => [unit.id, { key: unit.id, value: unit.id, title: unit.name, unit, children: [] } as OrgTreeNode]),
  );
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else if (!node.unit.parentId) roots.push(node);
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

export const unitNames = (units: OrgUnit[] | undefined): Map<string, string> =>
  new Map((units ?? []).map((unit) => [unit.id, unit.name]));
