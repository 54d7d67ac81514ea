// The orders part of the commerce module (to be filled: record types, timeline sources, jobs, routes).
import type { ServerPart } from '../commerce.parts.ts';

export const ordersPart: ServerPart = {};
