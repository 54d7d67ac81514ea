// Factory for the kit's fixture record type, going through the real API so access and audit apply.
import type { TestClient } from '../harness/testApp.ts';

let n = 0;

export async function buildWidget(client: TestClient, fields: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/test-widgets', { name: `部件${++n}`, status: 'draft', ...fields });
  if (res.statusCode !== 201) throw new Error(`buildWidget failed: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string; version: number };
}
