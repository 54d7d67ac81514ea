// What the side navigation and the command palette offer: the desk, one group per subsystem that has a record
// type the user may read (in a fixed business order), the recycle bin and, for administrators, 系统管理.
import type { EntityMeta, Subsystem } from '@guanxi/contracts';
import type { TFunction } from 'i18next';

/** The order of the groups; a Record so that a new subsystem in the contracts must be placed here. */
const GROUP_ORDER: Record<Subsystem, number> = {
  customers: 0,
  activities: 1,
  sales: 2,
  commerce: 3,
  service: 4,
  marketing: 5,
  partners: 6,
  analytics: 7,
  portal: 8,
  platform: 9,
};

export interface NavLink {
  path: string;
  label: string;
}

export interface NavGroup {
  subsystem: Subsystem;
  label: string;
  links: NavLink[];
}

export interface NavModel {
  desk: NavLink;
  groups: NavGroup[];
  /** Below the groups: the recycle bin, and 系统管理 for administrators. */
  tail: NavLink[];
}

/** A page of a module beyond the generic record pages (a board, a report), listed in its subsystem's group. */
export interface ModuleNavLink {
  subsystem: Subsystem;
  path: string;
  label: (t: TFunction) => string;
  /** The record type the page shows: the link appears only for users who may read it. */
  requires: string;
}

const moduleLinks: ModuleNavLink[] = [];

/** Modules call this at import time (see sales.module.ts). */
export function registerNavLink(link: ModuleNavLink): void {
  if (!moduleLinks.some((l) => l.path === link.path)) moduleLinks.push(link);
}

export const recordListPath = (entity: Pick<EntityMeta, 'plural'>): string => `/${entity.plural}`;
export const recordCreatePath = (entity: Pick<EntityMeta, 'plural'>): string => `/${entity.plural}/new`;

export function buildNavModel(entities: readonly EntityMeta[], isAdmin: boolean, t: TFunction): NavModel {
  // /meta lists only the types the user may read.
  const subsystems = [...new Set(entities.map((entity) => entity.subsystem))].sort((a, b) => GROUP_ORDER[a] - GROUP_ORDER[b]);
  return {
    desk: { path: '/', label: t('nav.desk') },
    groups: subsystems.map((subsystem) => ({
      subsystem,
      label: t(`nav.groups.${subsystem}`),
      links: [
        ...entities
          .filter((entity) => entity.subsystem === subsystem)
          .map((entity) => ({ path: recordListPath(entity), label: entity.label })),
        ...moduleLinks
          .filter((link) => link.subsystem === subsystem && entities.some((entity) => entity.name === link.requires))
          .map((link) => ({ path: link.path, label: link.label(t) })),
      ],
    })),
    tail: [
      { path: '/recycle-bin', label: t('nav.recycleBin') },
      ...(isAdmin ? [{ path: '/admin', label: t('admin.menuLink') }] : []),
    ],
  };
}

/** The link the current address belongs to: the longest path that is the address or a parent of it. */
export function currentNavPath(model: NavModel, pathname: string): string | undefined {
  const paths = [model.desk, ...model.groups.flatMap((group) => group.links), ...model.tail].map((link) => link.path);
  return paths
    .filter((path) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
