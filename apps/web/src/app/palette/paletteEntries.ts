// What the command palette can open without asking the server: every page of the navigation (plus the admin
// pages for administrators and API tokens) and "新建<type>" for the types the user may create.
import type { TFunction } from 'i18next';
import type { EntityMeta } from '@guanxi/contracts';
import { ADMIN_PAGES, adminPageTitle } from '../../modules/admin/AdminLayout.tsx';
import { recordCreatePath, type NavModel } from '../nav/navModel.ts';

export interface PaletteEntry {
  /** Unique within the palette; also the option's DOM id suffix. */
  key: string;
  label: string;
  /** Shown beside the label in a quieter style: the nav group, 系统管理, … */
  detail?: string;
  path: string;
}

export interface PaletteSection {
  key: string;
  title: string;
  entries: PaletteEntry[];
}

export function pageEntries(model: NavModel, isAdmin: boolean, t: TFunction): PaletteEntry[] {
  const page = (path: string, label: string, detail?: string): PaletteEntry => ({ key: `page:${path}`, label, detail, path });
  return [
    page(model.desk.path, model.desk.label),
    ...model.groups.flatMap((group) => group.links.map((link) => page(link.path, link.label, group.label))),
    ...model.tail.map((link) => page(link.path, link.label)),
    ...(isAdmin ? ADMIN_PAGES.map((admin) => page(`/admin/${admin}`, adminPageTitle(t, admin), t('admin.menuLink'))) : []),
    page('/api-tokens', t('admin.tokens.menuLink')),
  ].filter((entry, i, all) => all.findIndex((other) => other.key === entry.key) === i);
}

export function actionEntries(entities: readonly EntityMeta[], t: TFunction): PaletteEntry[] {
  return entities
    .filter((entity) => (entity.permissions.create ?? 'none') !== 'none')
    .map((entity) => ({
      key: `create:${entity.plural}`,
      label: t('palette.create', { type: entity.label }),
      path: recordCreatePath(entity),
    }));
}

/** Case-insensitive substring match on the label and the detail; an empty query keeps everything. */
export function matching(entries: PaletteEntry[], query: string): PaletteEntry[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return entries;
  return entries.filter((entry) => `${entry.label} ${entry.detail ?? ''}`.toLocaleLowerCase().includes(q));
}
