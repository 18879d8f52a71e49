import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureBrowserLoad, writeGeneratedFiles } from '../../bench/browserLoad.ts';
import { dashboardSession } from './support/session.ts';

const session = dashboardSession();
const ROWS = 200_000;

describe('a province-sized merchant list', () => {
  it('loads 200,000 generated merchants through the import path, maps them and refilters', async () => {
    const r = await measureBrowserLoad(session.browser, session.url, ROWS, 700);
    // Figures for the record, not assertions: timings never decide a test.
    console.log(`200k rows: first coloured map ${Math.round(r.firstMapMs)} ms, filter ${Math.round(r.filterMs)} ms, longest task ${Math.round(r.longestTaskMs)} ms, ${r.longTasks.length} long tasks, heap ${r.heapMegabytes?.toFixed(0) ?? 'n/a'} MB`);
    const before = Number(r.merchantsBefore.replace(/\D/g, ''));
    const after = Number(r.merchantsAfter.replace(/\D/g, ''));
    // Generated merchants lie inside the generated wards; a few on the outer edge may fall outside.
    expect(before).toBeGreaterThan(ROWS * 0.99);
    expect(before).toBeLessThanOrEqual(ROWS);
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(0);
    // The worker read the rows in WebAssembly memory (a fallback to JavaScript would only be slower).
    expect(r.stages.map((stage) => stage.name)).toContain('merchants-webassembly');
  }, 300_000);

  it('ranks hundreds of wards rendering only the rows near the scroll position, every rank reachable', async () => {
    const files = writeGeneratedFiles(2_000, 700);
    const wards = (JSON.parse(readFileSync(files.areasPath, 'utf8')) as { features: unknown[] }).features.length;
    const d = await session.open();
    await d.page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await d.page.locator('#import-files').setInputFiles([files.areasPath, files.merchantsPath]);
    const table = d.page.locator('.ranking table');
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 30_000 }).toBe(String(wards + 1));
    const report = d.page.getByRole('dialog', { name: 'Báo cáo dữ liệu' });
    if (await report.isVisible()) await d.page.keyboard.press('Escape');
    const rendered = () => table.locator('tbody tr[aria-rowindex]');
    const ranks = async () => (await rendered().locator('td.rank').allInnerTexts()).map(Number);
    const top = await ranks();
    expect(top[0]).toBe(1);
    expect(top.length).toBeLessThan(120);
    // Scrolled to the end: the last ranks are there, in order, and the row says where it stands.
    await d.page.locator('.ranking-scroll').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await expect.poll(async () => (await ranks()).at(-1)).toBe(wards);
    const bottom = await ranks();
    expect(bottom).toEqual(Array.from({ length: bottom.length }, (_, k) => wards - bottom.length + 1 + k));
    expect(await rendered().last().getAttribute('aria-rowindex')).toBe(String(wards + 1));
  }, 120_000);
});
