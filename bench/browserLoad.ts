import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateAreas, generateMerchantsCsv } from './generate.ts';

export interface BrowserLoadResult {
  readonly rows: number;
  readonly areas: number;
  readonly csvMegabytes: number;
  /** From handing the files to the page to the coloured map with its KPIs. */
  readonly firstMapMs: number;
  /** From clicking one category to the first frame painted with the new KPI, measured in the page. */
  readonly filterMs: number;
  readonly longTasks: readonly number[];
  readonly longestTaskMs: number;
  readonly heapMegabytes: number | null;
  readonly merchantsBefore: string;
  readonly merchantsAfter: string;
  /** Milliseconds from the start of the load to each stage mark the app sets (load:files-read, load:areas, …). */
  readonly stages: readonly { readonly name: string; readonly ms: number }[];
}

/** Writes seeded boundaries and a merchant list of `rows` rows to a temporary folder. */
export function writeGeneratedFiles(rows: number, areas: number): { areasPath: string; merchantsPath: string; csvChars: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'qr-map-scale-'));
  const grid = generateAreas(areas, 60, 7);
  // Big lists are generated as standalone pieces (a JavaScript string stops at 2^29 characters) and
  // written one after the other, each without its header but the first.
  const csv = generateMerchantsCsv(rows, grid, 11, 1 << 25);
  const areasPath = path.join(dir, 'wards.geojson');
  const merchantsPath = path.join(dir, 'merchants.csv');
  writeFileSync(areasPath, JSON.stringify(grid.geojson));
  csv.chunks.forEach((chunk, k) => (k === 0 ? writeFileSync : appendFileSync)(merchantsPath, k === 0 ? chunk : chunk.slice(chunk.indexOf('\n') + 1)));
  return { areasPath, merchantsPath, csvChars: csv.chars };
}

const kpi = (page: Page, id: string) => page.getByTestId(id).locator('.kpi-value').innerText();

/**
 * Loads generated files through the normal import path (file picker → worker → map) in a page of
 * `browser`, records main-thread long tasks with a PerformanceObserver, then toggles one category.
 */
export async function measureBrowserLoad(browser: Browser, url: string, rows: number, areas: number): Promise<BrowserLoadResult> {
  const files = writeGeneratedFiles(rows, areas);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (globalThis as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.getByTestId('legend').waitFor({ timeout: 60_000 });
  await page.waitForSelector('[data-testid="map"][aria-busy="false"]');
  const demoCount = await kpi(page, 'kpi-merchants');
  await page.evaluate(() => {
    (globalThis as unknown as { __longTasks: number[] }).__longTasks.length = 0;
  });
  await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
  const start = performance.now();
  await page.locator('#import-files').setInputFiles([files.areasPath, files.merchantsPath]);
  await page.waitForFunction((before) => {
    const value = document.querySelector('[data-testid="kpi-merchants"] .kpi-value')?.textContent;
    return value !== undefined && value !== null && value !== before && document.querySelector('[data-testid="legend"]') !== null;
  }, demoCount, { timeout: 600_000, polling: 50 });
  await page.waitForSelector('[data-testid="map"][aria-busy="false"]', { timeout: 600_000 });
  const firstMapMs = performance.now() - start;
  const merchantsBefore = await kpi(page, 'kpi-merchants');
  const stages = await page.evaluate(() => {
    const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('load:'));
    const starts = marks.filter((m) => m.name === 'load:start');
    const start = starts[starts.length - 1]?.startTime ?? 0;
    return marks.filter((m) => m.startTime >= start).map((m) => ({ name: m.name.slice(5), ms: m.startTime - start }));
  });
  const report = page.getByRole('dialog', { name: 'Báo cáo dữ liệu' });
  if (await report.isVisible()) await page.keyboard.press('Escape');
  // Timed in the page, from the click to the first frame painted after the KPI changed (no
  // round trips to the browser driver in the figure).
  const category = page.getByRole('checkbox').first();
  await category.scrollIntoViewIfNeeded();
  const filterMs = await category.evaluate(
    (box) =>
      new Promise<number>((resolve) => {
        const value = document.querySelector('[data-testid="kpi-merchants"] .kpi-value');
        const before = value?.textContent;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (value?.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        if (value) observer.observe(value, { characterData: true, childList: true, subtree: true });
        (box as HTMLElement).click();
      }),
  );
  const merchantsAfter = await kpi(page, 'kpi-merchants');
  const longTasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks.slice());
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);
  await page.close();
  return {
    rows,
    areas,
    csvMegabytes: files.csvChars / 1e6,
    firstMapMs,
    filterMs,
    longTasks,
    longestTaskMs: Math.max(0, ...longTasks),
    heapMegabytes: heap === null ? null : heap / 1e6,
    merchantsBefore,
    merchantsAfter,
    stages,
  };
}
