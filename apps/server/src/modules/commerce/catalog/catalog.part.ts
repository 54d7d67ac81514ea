// The catalogue's part of the commerce module: the product record type and the routes of categories, price lists,
// discount rules and the price engine.
import type { ServerPart } from '../commerce.parts.ts';
import { catalogEntities } from './catalog.entities.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';

export const catalogPart: ServerPart = { entities: catalogEntities, registerRoutes: registerCatalogRoutes };
