// A tiny sequential test runner for the end-to-end specs: each test gets a fresh browser context (no cookies,
// no storage), a screenshot on failure, and a closing line `N passed, N failed`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { resultsDir } from './paths.ts';

export interface TestContext {
  baseUrl: string;
  adminPassword: string;
  /** A page in this test's own browser context, 1280 px wide unless told otherwise. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves test-results/<name>.png, the whole page. */
  screenshot(page: Page, name: string): Promise<string>;
}

type TestFn = (t: TestContext) => Promise<void>;
const tests: { name: string; fn: TestFn }[] = [];
const TEST_TIMEOUT_MS = 60_000;

export function test(name: string, fn: TestFn): void {
  tests.push({ name, fn });
}

const slug = (name: string) => name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runTests(
  browser: Browser,
  env: { baseUrl: string; adminPassword: string },
  filter?: string,
): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of tests.filter((entry) => !filter || entry.name.includes(filter))) {
    const contexts: BrowserContext[] = [];
    const pages: Page[] = [];
    const started = performance.now();
    const context: TestContext = {
      ...env,
      screenshot,
      newPage: async (viewport = { width: 1280, height: 800 }) => {
        const browserContext = await browser.newContext({ viewport, locale: 'zh-CN', baseURL: env.baseUrl });
        browserContext.setDefaultTimeout(10_000);
        contexts.push(browserContext);
        const page = await browserContext.newPage();
        pages.push(page);
        return page;
      },
    };
    try {
      await withTimeout(fn(context), TEST_TIMEOUT_MS);
      passed += 1;
      console.log(`  ✓ ${name} (${Math.round(performance.now() - started)} ms)`);
    } catch (err) {
      failed += 1;
      console.log(`  ✗ ${name} (${Math.round(performance.now() - started)} ms)`);
      console.log(`    ${(err instanceof Error ? (err.stack ?? err.message) : String(err)).split('\n').join('\n    ')}`);
      for (const [i, page] of pages.entries()) {
        const file = await screenshot(page, `failed-${slug(name)}-${i + 1}`).catch(() => null);
        if (file) console.log(`    screenshot: ${path.relative(process.cwd(), file)}`);
      }
    } finally {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    }
  }
  return { passed, failed };
}
