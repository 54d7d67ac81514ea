// Documents why the server refuses a database whose character type is not UTF-8: pg_trgm extracts no trigrams
// from Chinese text there, so substring and similarity search of Chinese names silently finds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/db.ts';
import { describeOn } from '../harness/onlyOn.ts';
import { createServerDatabase, createTestDatabase } from '../harness/testDatabase.ts';

const NAME = '北京东区科技有限公司';

describe('trigram search of Chinese text on a UTF-8 database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await database.pool.query('CREATE TABLE trgm_probe (id serial PRIMARY KEY, name text NOT NULL)');
    await database.pool.query('CREATE INDEX trgm_probe_name_idx ON trgm_probe USING gin (name gin_trgm_ops)');
    await database.pool.query('INSERT INTO trgm_probe (name) VALUES ($1), ($2)', [NAME, '上海浦东贸易公司']);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('finds a Chinese substring through the trigram index', async () => {
    const client = await database.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = await client.query(`EXPLAIN SELECT name FROM trgm_probe WHERE name ILIKE '%东区科技%'`);
      expect(plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('trgm_probe_name_idx');
      const { rows } = await client.query(`SELECT name FROM trgm_probe WHERE name ILIKE '%东区科技%'`);
      expect(rows).toEqual([{ name: NAME }]);
      const similar = await client.query(`SELECT name FROM trgm_probe WHERE similarity(name, '北京东区') > 0.2`);
      expect(similar.rows).toEqual([{ name: NAME }]);
    } finally {
      client.release();
    }
  });
});

describeOn('postgres', 'a database without a UTF-8 character type', 'the embedded engine always creates UTF-8 databases', () => {
  let ctypeC: { url: string; drop(): Promise<void> };
  let asciiC: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    ctypeC = await createServerDatabase(`ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    asciiC = await createServerDatabase(`ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
  });
  afterAll(async () => {
    await ctypeC?.drop();
    await asciiC?.drop();
  });

  it('is refused by openDatabase with a message that says how to create a good one', async () => {
    for (const server of [ctypeC, asciiC]) {
      await expect(openDatabase({ databaseUrl: server.url, dataDir: '' })).rejects.toThrow(
        /must use UTF-8 encoding and a UTF-8 character type .* CREATE DATABASE guanxi ENCODING 'UTF8'/,
      );
    }
  });

  it('would give pg_trgm no trigrams of Chinese text, so search would find nothing', async () => {
    const client = new pg.Client({ connectionString: ctypeC.url });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      const { rows } = await client.query(`SELECT show_trgm($1) AS trigrams, similarity($1, '北京东区') AS similarity`, [NAME]);
      expect(rows).toEqual([{ trigrams: [], similarity: 0 }]);
    } finally {
      await client.end();
    }
  });
});
