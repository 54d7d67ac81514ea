// Proves the server is stateless: two real server processes (main.ts) start together against one empty
// PostgreSQL database, agree on migrations and first-start data, and serve the same sessions and records.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { createServerDatabase } from '../harness/testDatabase.ts';
import { describeOn } from '../harness/onlyOn.ts';

const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN_PASSWORD = 'two-servers-one-db';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function waitHealthy(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

describeOn('postgres', 'two server processes on one database', 'the embedded engine belongs to one process', () => {
  const servers: { base: string; child: ChildProcess }[] = [];
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await createServerDatabase("ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
    // Both start at once on an empty database: migrations and the first-start data must not collide.
    const starting = [await freePort(), await freePort()].map(async (port) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: SERVER_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          PORT: String(port),
          HOST: '127.0.0.1',
          GUANXI_ADMIN_PASSWORD: ADMIN_PASSWORD,
          GUANXI_DEMO: '1',
          GUANXI_KIT_FIXTURES: '1',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const base = `http://127.0.0.1:${port}`;
      servers.push({ base, child });
      await waitHealthy(base, child, () => output);
    });
    await Promise.all(starting);
  }, 180_000);

  afterAll(async () => {
    for (const { child } of servers) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await database?.drop();
  });

  it('applies each migration once and creates the administrator and demo users once', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const migrations = await client.query('SELECT name, count(*)::int AS n FROM guanxi_migrations GROUP BY name');
      expect(migrations.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      const users = await client.query("SELECT count(*)::int AS n FROM users WHERE username IN ('admin', 'lina')");
      expect(users.rows[0].n).toBe(2);
      const roots = await client.query('SELECT count(*)::int AS n FROM org_units WHERE parent_id IS NULL');
      expect(roots.rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('serves a session signed in on one process from the other, and the same records', async () => {
    const [a, b] = servers as [(typeof servers)[number], (typeof servers)[number]];
    const login = await fetch(`${a.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const created = await fetch(`${a.base}/api/v1/test-widgets`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: '双进程', status: 'draft' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const edited = await fetch(`${b.base}/api/v1/test-widgets/${id}`, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': '1' },
      body: JSON.stringify({ name: '双进程已改' }),
    });
    expect(edited.status).toBe(200);
    const seen = await fetch(`${a.base}/api/v1/test-widgets/${id}`, { headers: { cookie } });
    expect(await seen.json()).toMatchObject({ name: '双进程已改', version: 2 });

    // Reference data each process keeps in memory (identifier types): a type one process adds is used by the other
    // once the commit is announced, and the other's cached list was filled before (the lookup below).
    const typesSeen = async (base: string) =>
      ((await (await fetch(`${base}/api/v1/identifier-types`, { headers: { cookie } })).json()) as { items: { key: string }[] })
        .items;
    expect((await typesSeen(b.base)).some((t) => t.key === 'memberCard')).toBe(false);
    const added = await fetch(`${a.base}/api/v1/identifier-types`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        key: 'memberCard',
        label: { 'zh-CN': '会员卡号', 'zh-TW': '會員卡號', en: 'Member card' },
        unique: true,
      }),
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const deadline = Date.now() + 5_000;
    while (!(await typesSeen(b.base)).some((t) => t.key === 'memberCard') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await typesSeen(b.base)).map((t) => t.key)).toContain('memberCard');

    const logout = await fetch(`${b.base}/api/v1/auth/logout`, { method: 'POST', headers });
    expect(logout.status).toBeLessThan(300);
    expect((await fetch(`${a.base}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
  });
});
