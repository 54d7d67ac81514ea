// How roles add up: within a role a type's own entry decides over `*` (every type but one); across roles the widest
// grant wins, as if each role were asked on its own.
import { describe, expect, it } from 'vitest';
import type { RolePermissions } from '@guanxi/contracts';
import { mergePermissions, scopeFor } from './scopes.ts';

const serviceAgent: RolePermissions = {
  '*': { read: 'all', update: 'unit' },
  salesTarget: { read: 'none', update: 'none' },
  product: { read: 'all', create: 'none' },
};

describe('role scopes', () => {
  it('lets a type’s own entry narrow what `*` gives in the same role', () => {
    const p = mergePermissions([serviceAgent]);
    expect(scopeFor(p, 'salesTarget', 'update')).toBe('none');
    expect(scopeFor(p, 'salesTarget', 'read')).toBe('none');
    expect(scopeFor(p, 'customer', 'update')).toBe('unit');
    // An action the type's entry leaves out falls back to the role's `*`.
    expect(scopeFor(p, 'product', 'update')).toBe('unit');
    expect(scopeFor(p, 'product', 'create')).toBe('none');
    expect(scopeFor(p, 'customer', 'delete')).toBe('none');
  });

  it('gives the widest of several roles, each answered on its own', () => {
    const planner: RolePermissions = { salesTarget: { update: 'unit-and-below' } };
    const everything: RolePermissions = { '*': { read: 'all', update: 'all' } };
    expect(scopeFor(mergePermissions([serviceAgent, planner]), 'salesTarget', 'update')).toBe('unit-and-below');
    // The second role names no salesTarget: its `*` counts for it, and is wider than the first role's `none`.
    const merged = mergePermissions([serviceAgent, everything]);
    expect(scopeFor(merged, 'salesTarget', 'update')).toBe('all');
    expect(scopeFor(merged, 'product', 'create')).toBe('none');
    expect(scopeFor(merged, 'customer', 'update')).toBe('all');
  });
});
