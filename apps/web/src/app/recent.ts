// Recently opened records, per user in this browser (localStorage, newest first, at most 10): the record detail
// page calls rememberRecent, the personal desk lists them.
import { useSyncExternalStore } from 'react';

export interface RecentRecord {
  plural: string;
  id: string;
  title: string;
  typeLabel: string;
  /** ISO time of the last visit. */
  visitedAt: string;
}

const MAX_RECENT = 10;
const CHANGE_EVENT = 'guanxi:recent';
let owner: string | null = null;

const storageKey = (userId: string) => `guanxi.recent.${userId}`;

/** Whose list rememberRecent writes to; the shell sets it while rendering, before any page's effect runs. */
export function setRecentOwner(userId: string | null): void {
  owner = userId;
}

function read(userId: string): RecentRecord[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(value) ? (value as RecentRecord[]) : [];
  } catch {
    return []; // a damaged entry is as good as none
  }
}

/** Puts the record at the top of the signed-in user's list (once), dropping the oldest beyond 10. */
export function rememberRecent(record: Omit<RecentRecord, 'visitedAt'>): void {
  if (!owner) return;
  const rest = read(owner).filter((r) => !(r.plural === record.plural && r.id === record.id));
  const next = [{ ...record, visitedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT);
  try {
    localStorage.setItem(storageKey(owner), JSON.stringify(next));
  } catch {
    return; // storage full or disabled: the list is a convenience
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

// useSyncExternalStore needs a stable snapshot: the parsed list is kept until the stored text changes.
let cached: { key: string; text: string | null; list: RecentRecord[] } | undefined;

function snapshot(userId: string): RecentRecord[] {
  const key = storageKey(userId);
  const text = localStorage.getItem(key);
  if (!cached || cached.key !== key || cached.text !== text) cached = { key, text, list: read(userId) };
  return cached.list;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange); // other tabs
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The user's recent records, newest first; re-renders when any tab remembers one. */
export function useRecentRecords(userId: string): RecentRecord[] {
  return useSyncExternalStore(subscribe, () => snapshot(userId));
}
