// Engine-specific test suites: `describeOn('pglite', ...)` runs on that engine and, on the other one, skips with a
// printed reason so a skipped proof is never silent.
import { describe } from 'vitest';
import { testEngine, type TestEngine } from './engine.ts';

export function describeOn(engine: TestEngine, title: string, why: string, body: () => void): void {
  const current = testEngine();
  if (current !== engine) console.log(`[guanxi] skipped on ${current}: "${title}" runs only on ${engine} (${why})`);
  describe.skipIf(current !== engine)(title, body);
}
