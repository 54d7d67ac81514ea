// Factories of customers and contacts, going through the real API so access, hooks, audit and search apply.
import type { TestClient } from '../harness/testApp.ts';

let n = 0;
type Created = Record<string, unknown> & { id: string; version: number };

async function created(res: { statusCode: number; body: string; json(): unknown }, what: string): Promise<Created> {
  if (res.statusCode !== 201) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res.json() as Created;
}

export async function buildCustomer(client: TestClient, fields: Record<string, unknown> = {}): Promise<Created> {
  const body = { name: `测试客户${++n}有限公司`, kind: 'organisation', ...fields };
  return created(await client.post('/api/v1/customers', body), 'buildCustomer');
}

export async function buildContact(client: TestClient, customerId: string, fields: Record<string, unknown> = {}) {
  const body = { customerId, name: `联系人${++n}`, ...fields };
  return created(await client.post('/api/v1/contacts', body), 'buildContact');
}
