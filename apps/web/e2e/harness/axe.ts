// Accessibility check for the end-to-end specs: runs axe-core (from the repository's node_modules) inside the page
// and fails on any violation of impact serious or critical, listing rule, impact, help and the first targets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const BLOCKING = new Set(['serious', 'critical']);
let axeSource: string | undefined;

function loadAxe(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Fails when axe finds a serious or critical problem on what the page shows now; `name` says which screen. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Through DevTools rather than a <script> tag: the app's Content-Security-Policy refuses inline scripts.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Runtime.evaluate', { expression: loadAxe() });
    await cdp.detach();
  }
  // Colours measured halfway through a fade (a popover opening, a button's hover transition) fail contrast
  // checks the settled screen passes: wait until no animation or transition is running.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } })
      .axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const blocking = violations.filter((v) => v.impact !== null && BLOCKING.has(v.impact));
  const report = blocking
    .map((v) => {
      const targets = v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ');
      return `  ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s), e.g. ${targets}`;
    })
    .join('\n');
  assert.equal(blocking.length, 0, `accessibility problems on ${name}:\n${report}`);
}
