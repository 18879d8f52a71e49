import { describe, expect, it } from 'vitest';
import { measureBrowserLoad } from '../../bench/browserLoad.ts';
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
  }, 300_000);
});
