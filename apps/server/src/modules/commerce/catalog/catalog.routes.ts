// HTTP of the catalogue beyond the kit's product routes: the category tree, price lists and discount rules (read by
// every signed-in user, changed by administrators) and the price engine's quote lines. auth → validate → service →
// reply; writes in one transaction with their audit entries.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  discountRuleInputSchema,
  priceListInputSchema,
  productCategoryInputSchema,
  quoteLinesRequestSchema,
  type DiscountRuleInput,
  type PriceListInput,
  type ProductCategoryInput,
  type QuoteLinesRequest,
} from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../../../platform/http/context.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import { versionFromIfMatch } from '../../../platform/entities/entity.routes.ts';
import {
  createProductCategory,
  deleteProductCategory,
  listProductCategories,
  updateProductCategory,
} from './catalog.categories.ts';
import {
  createDiscountRule,
  createPriceList,
  deleteDiscountRule,
  deletePriceList,
  getPriceList,
  listDiscountRules,
  listPriceLists,
  updateDiscountRule,
  updatePriceList,
} from './catalog.priceLists.ts';
import { priceLines } from './catalog.pricing.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['commerce'];
type IdParams = z.infer<typeof idParams>;

export function registerCatalogRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  app.get('/v1/product-categories', { schema: { tags, summary: 'The product category tree, depth first' } }, async (request) => {
    requireActor(request);
    return { items: await listProductCategories(app.db) };
  });
  app.post(
    '/v1/product-categories',
    { schema: { tags, summary: 'Add a product category (administrators)', body: productCategoryInputSchema } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const body = request.body as ProductCategoryInput;
      return reply.code(201).send(await app.db.transaction((tx) => createProductCategory(tx, actor, body)));
    },
  );
  app.put(
    '/v1/product-categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move or deactivate a category (administrators; If-Match)',
        params: idParams,
        body: productCategoryInputSchema,
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as IdParams;
      return app.db.transaction((tx) => updateProductCategory(tx, actor, id, version, request.body as ProductCategoryInput));
    },
  );
  app.delete(
    '/v1/product-categories/:id',
    { schema: { tags, summary: 'Remove an empty category (administrators)', params: idParams } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const { id } = request.params as IdParams;
      await app.db.transaction((tx) => deleteProductCategory(tx, actor, id));
      return reply.code(204).send();
    },
  );

  app.get('/v1/price-lists', { schema: { tags, summary: 'Price lists, most specific kind first' } }, async (request) => {
    requireActor(request);
    return { items: await listPriceLists(app.db) };
  });
  app.get(
    '/v1/price-lists/:id',
    { schema: { tags, summary: 'A price list with its items and quantity breaks', params: idParams } },
    async (request) => {
      requireActor(request);
      return getPriceList(app.db, (request.params as IdParams).id);
    },
  );
  app.post(
    '/v1/price-lists',
    { schema: { tags, summary: 'Add a price list with its items (administrators)', body: priceListInputSchema } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const body = request.body as PriceListInput;
      return reply.code(201).send(await app.db.transaction((tx) => createPriceList(tx, actor, registry, body)));
    },
  );
  app.put(
    '/v1/price-lists/:id',
    {
      schema: {
        tags,
        summary: 'Save a price list whole, items included (administrators; If-Match)',
        params: idParams,
        body: priceListInputSchema,
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as IdParams;
      return app.db.transaction((tx) => updatePriceList(tx, actor, registry, id, version, request.body as PriceListInput));
    },
  );
  app.delete(
    '/v1/price-lists/:id',
    { schema: { tags, summary: 'Remove a price list (administrators)', params: idParams } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      await app.db.transaction((tx) => deletePriceList(tx, actor, (request.params as IdParams).id));
      return reply.code(204).send();
    },
  );

  app.get('/v1/discount-rules', { schema: { tags, summary: 'Discount rules, active first' } }, async (request) => {
    requireActor(request);
    return { items: await listDiscountRules(app.db) };
  });
  app.post(
    '/v1/discount-rules',
    { schema: { tags, summary: 'Add a discount rule (administrators)', body: discountRuleInputSchema } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const body = request.body as DiscountRuleInput;
      return reply.code(201).send(await app.db.transaction((tx) => createDiscountRule(tx, actor, body)));
    },
  );
  app.put(
    '/v1/discount-rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a discount rule (administrators; If-Match)',
        params: idParams,
        body: discountRuleInputSchema,
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as IdParams;
      return app.db.transaction((tx) => updateDiscountRule(tx, actor, id, version, request.body as DiscountRuleInput));
    },
  );
  app.delete(
    '/v1/discount-rules/:id',
    { schema: { tags, summary: 'Remove a discount rule (administrators)', params: idParams } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      await app.db.transaction((tx) => deleteDiscountRule(tx, actor, (request.params as IdParams).id));
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/pricing/quote-lines',
    {
      schema: {
        tags,
        summary: 'Price lines for a customer on a day: unit price, amount and the rule that gave each price',
        body: quoteLinesRequestSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return priceLines(app.db, actor, request.body as QuoteLinesRequest);
    },
  );
}
