// Factory of activities, going through the real API so access, hooks, audit, search and reminders apply.
import type { TestClient } from '../harness/testApp.ts';

let n = 0;

export async function buildActivity(client: TestClient, customerId: string, fields: Record<string, unknown> = {}) {
  const body = { kind: 'call', subject: `活动${++n}`, customerId, ...fields };
  const res = await client.post('/api/v1/activities', body);
  if (res.statusCode !== 201) throw new Error(`buildActivity failed: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string; version: number };
}
