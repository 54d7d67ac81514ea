// The period and org unit every planning page is about, kept in the address (?period=2026-Q4&unit=<id>) so a
// drill into a child unit is a link and the back button returns. Without a unit the server answers for the
// caller's own; the breadcrumb leads back up the tree.
import { Breadcrumb, DatePicker, Flex, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrgUnit, PeriodKind } from '@guanxi/contracts';
import { useSession } from '../../../app/session.ts';
import { parsePeriod, periodOf, periodStart } from './planning.logic.ts';
import { useOrgUnitList } from './planning.api.ts';

const KINDS: PeriodKind[] = ['month', 'quarter', 'year'];

export function usePlanningParams() {
  const [params, setParams] = useSearchParams();
  const today = new Date();
  const asked = params.get('period');
  const period = asked && parsePeriod(asked) ? asked : periodOf('quarter', today.getFullYear(), today.getMonth() + 1);
  const unitId = params.get('unit') ?? undefined;
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return {
    period,
    unitId,
    setPeriod: (value: string) => set('period', value),
    setUnit: (value: string | undefined) => set('unit', value),
    /** The address of this page for another unit (a drill into a child unit). */
    unitLink: (id: string) => {
      const next = new URLSearchParams(params);
      next.set('unit', id);
      return `?${next}`;
    },
  };
}

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

/** The units the caller may see as a tree; a unit whose parent is not listed is a root. */
function unitTree(units: OrgUnit[]): TreeNode[] {
  const active = units.filter((u) => u.active);
  const nodes = new Map(active.map((u) => [u.id, { value: u.id, title: u.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const unit of active) {
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(unit.id)!);
  }
  return roots;
}

/** The chain from the top of the tree down to the unit. */
function ancestry(units: OrgUnit[], id: string): OrgUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: OrgUnit[] = [];
  for (let unit = byId.get(id); unit && chain.length < 20; unit = unit.parentId ? byId.get(unit.parentId) : undefined)
    chain.unshift(unit);
  return chain;
}

export function PlanningFilters({ shownUnitId }: { shownUnitId?: string }) {
  const { t } = useTranslation();
  const { period, unitId, setPeriod, setUnit, unitLink } = usePlanningParams();
  const units = useOrgUnitList();
  const parts = parsePeriod(period)!;
  const user = useSession().data?.user;
  const current = unitId ?? shownUnitId;
  const fullChain = current ? ancestry(units.data ?? [], current) : [];
  // The way back up stops at the user's own unit: above it the figures are not theirs to see (administrators excepted).
  const own = user && !user.isAdmin ? fullChain.findIndex((u) => u.id === user.orgUnitId) : -1;
  const chain = own > 0 ? fullChain.slice(own) : fullChain;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center">
        <Select<PeriodKind>
          aria-label={t('sales.planning.filters.periodKind')}
          value={parts.kind}
          style={{ width: 116 }}
          options={KINDS.map((kind) => ({ value: kind, label: t(`sales.planning.filters.kinds.${kind}`) }))}
          onChange={(kind) => {
            const start = dayjs(periodStart(period));
            setPeriod(periodOf(kind, start.year(), start.month() + 1));
          }}
        />
        <DatePicker
          aria-label={t('sales.planning.filters.period')}
          picker={parts.kind === 'year' ? 'year' : parts.kind === 'quarter' ? 'quarter' : 'month'}
          value={dayjs(periodStart(period))}
          format={() => period}
          allowClear={false}
          onChange={(date) => date && setPeriod(periodOf(parts.kind, date.year(), date.month() + 1))}
          style={{ width: 130 }}
        />
        <TreeSelect
          aria-label={t('sales.planning.filters.unit')}
          placeholder={t('sales.planning.filters.myUnit')}
          value={current}
          treeData={unitTree(units.data ?? [])}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          allowClear
          onChange={(id: string | undefined) => setUnit(id)}
          popupMatchSelectWidth={false}
          style={{ flex: '1 1 200px', minWidth: 0, maxWidth: 320 }}
        />
      </Flex>
      {chain.length > 1 && (
        <Breadcrumb
          items={chain.map((unit, i) => ({
            key: unit.id,
            title: i < chain.length - 1 ? <Link to={unitLink(unit.id)}>{unit.name}</Link> : unit.name,
          }))}
        />
      )}
    </Flex>
  );
}
