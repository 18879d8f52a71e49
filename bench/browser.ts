/** npm run bench:browser: 1M generated merchants through the import path in headless Chromium (a figure, not a test). */
import { launchChromium } from '../tests/browser/support/browser.ts';
import { startPreviewServer } from '../tests/browser/support/server.ts';
import { measureBrowserLoad } from './browserLoad.ts';

const sizeArg = process.argv.indexOf('--rows');
const rows = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 1_000_000;
const areasArg = process.argv.indexOf('--areas');
const areas = areasArg > 0 ? Number(process.argv[areasArg + 1]) : 700;

const server = await startPreviewServer();
const browser = await launchChromium();
try {
  const r = await measureBrowserLoad(browser, server.url, rows, areas);
  const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  console.log(`rows ${fmt(r.rows)} (CSV ${r.csvMegabytes.toFixed(1)} MB), ${fmt(r.areas)} areas requested`);
  console.log(`time to first coloured map   ${fmt(r.firstMapMs)} ms`);
  console.log(`category filter to new KPIs  ${fmt(r.filterMs)} ms`);
  console.log(`longest main-thread task     ${fmt(r.longestTaskMs)} ms (${r.longTasks.length} tasks over 50 ms: ${r.longTasks.map(fmt).join(', ')})`);
  console.log(`JS heap (main thread)        ${r.heapMegabytes === null ? 'n/a' : `${r.heapMegabytes.toFixed(0)} MB`}`);
 console.log(`stages (ms from the start of the load): ${r.stages.map((s) => `${s.name} ${fmt(s.ms)}`).join(', ')}`);
  console.log(`merchants KPI                ${r.merchantsBefore} → ${r.merchantsAfter} after one category click`);
} finally {
  await browser.close();
  await server.close();
}
