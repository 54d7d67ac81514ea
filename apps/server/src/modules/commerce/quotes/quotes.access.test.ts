// Who sees a quote: a rep of another branch gets 404 from the quote, its lines, PDF, revisions and actions, and finds
// it in no list, search or customer card; the global search finds a quote by its number for those who may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQuote, buildQuotesWorld, ok, type QuotesWorld } from './quotes.testSetup.ts';

describe('quote access', () => {
  let w: QuotesWorld;
  let id: string;
  let number: string;
  beforeAll(async () => {
    w = await buildQuotesWorld();
    const built = await buildQuote(w.rep1.client, w.customer, [{ productId: w.products.service, quantity: '1' }]);
    id = built.id;
    number = built.quote.number as string;
  });
  afterAll(() => w.t.close());

  it('hides the quote from a rep of another branch on every path', async () => {
    const west = w.westRep.client;
    for (const path of ['', '/lines', '/pdf', '/revisions', '/history'])
      expect((await west.get(`/api/v1/quotes/${id}${path}`)).statusCode, path).toBe(404);
    for (const action of ['submit', 'send', 'accept', 'decline', 'revise'])
      expect((await west.post(`/api/v1/quotes/${id}/${action}`)).statusCode, action).toBe(404);
    expect((await west.put(`/api/v1/quotes/${id}/lines`, { lines: [] }, { 'if-match': '2' })).statusCode).toBe(404);
    const list = ok<{ items: { id: string }[] }>(await west.get('/api/v1/quotes?limit=100'));
    expect(list.items.map((q) => q.id)).not.toContain(id);
    const search = ok<{ groups: { type: string; items: { id: string }[] }[] }>(
      await west.get(`/api/v1/search?q=${encodeURIComponent(number)}`),
    );
    expect(search.groups.flatMap((g) => g.items.map((i) => i.id))).not.toContain(id);
    // Nor can they quote for the other branch's customer.
    expect((await west.post('/api/v1/quotes', { customerId: w.customer })).statusCode).toBe(400);
  });

  it('is found by its number in the global search by those who may read it', async () => {
    const search = ok<{ groups: { type: string; items: { id: string; title: string }[] }[] }>(
      await w.rep2.client.get(`/api/v1/search?q=${encodeURIComponent(number)}`),
    );
    const quotes = search.groups.find((g) => g.type === 'quote');
    expect(quotes?.items[0]).toMatchObject({ id, title: `${number} v1` });
    const byTail = ok<{ groups: { type: string; items: { id: string }[] }[] }>(
      await w.eastManager.client.get(`/api/v1/search?q=${number.slice(-6)}&types=quote`),
    );
    expect(byTail.groups.flatMap((g) => g.items.map((i) => i.id))).toContain(id);
  });

  it('a teammate reads it but may not act on it', async () => {
    expect(ok<{ id: string }>(await w.rep2.client.get(`/api/v1/quotes/${id}`)).id).toBe(id);
    expect((await w.rep2.client.post(`/api/v1/quotes/${id}/submit`)).statusCode).toBe(403);
    expect(ok<{ items: unknown[] }>(await w.rep2.client.get(`/api/v1/quotes/${id}/revisions`)).items).toHaveLength(1);
  });
});
