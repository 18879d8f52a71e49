import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleImport } from '../../src/core/project/assembleImport.ts';
import { readDemoFacts } from './support/demoFacts.ts';
import type { DashboardDriver } from './support/driver.ts';
import { dashboardSession } from './support/session.ts';

/** Three square wards side by side near Huế, with Vietnamese property names the app must guess. */
function square(west: number, south: number, size: number): number[][][] {
  return [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]];
}
const WARDS = [
  { ma_xa: '19901', ten_xa: 'Phường Thử Một', west: 107.56 },
  { ma_xa: '19902', ten_xa: 'Phường Thử Hai', west: 107.58 },
  { ma_xa: '19903', ten_xa: 'Xã Thử Ba', west: 107.60 },
];
const AREAS = JSON.stringify({
  type: 'FeatureCollection',
  features: WARDS.map(({ ma_xa, ten_xa, west }) => ({ type: 'Feature', properties: { ma_xa, ten_xa }, geometry: { type: 'Polygon', coordinates: square(west, 16.44, 0.02) } })),
});
/** A ward office's Excel export: BOM, semicolons, decimal commas, Vietnamese headers. */
const MERCHANTS = '\uFEFF' + [
  'mã;tên cơ sở;ngành hàng;vĩ độ;kinh độ;có QR',
  'A1;Tạp hóa Lan;Thực phẩm;16,45;107,57;có',
  'A2;Quán cơm Bình;Dịch vụ ăn uống;16,45;107,571;không',
  'A3;Shop Hoa;Thời trang;16,451;107,59;có',
  'A4;Điện thoại Minh;Dịch vụ viễn thông;16,452;107,61;có',
  'A5;Ngoài vùng;Thực phẩm;10,0;106,0;có',
  'A6;Thiếu cột;Thực phẩm;16,45',
].join('\r\n') + '\r\n';
// Rows 2–5 (lines 2–5) are used; line 6 lies outside every ward; line 7 has too few fields.
const USED = 4;

const session = dashboardSession();
const dir = mkdtempSync(path.join(tmpdir(), 'qr-map-import-'));
const file = (name: string, content: string | Buffer) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};
const vi = new Intl.NumberFormat('vi-VN');

/** One merchant in ward `wardCode`, as Excel's plain "CSV" writes it on Vietnamese Windows (code page 1258). */
function windows1258Csv(wardCode: string): Buffer {
  // "Phường Hải Châu" byte by byte from the code page: ư FD, ơ F5, combining grave CC, combining hook D2, â E2.
  const shopName = Buffer.from([0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x20, 0x48, 0x61, 0xd2, 0x69, 0x20, 0x43, 0x68, 0xe2, 0x75]);
  return Buffer.concat([Buffer.from('id;name;category;ward_code;has_qr\r\nW1;'), shopName, Buffer.from(`;Thuc pham;${wardCode};1\r\n`)]);
}

/**
 * The project this browser keeps for the page (IndexedDB), as plain data with each Blob replaced
 * by its size; with `replacement`, writes that first, as an earlier version would have.
 */
async function keptProject(d: DashboardDriver, replacement?: unknown): Promise<unknown> {
  return d.page.evaluate((value) => new Promise<unknown>((resolve, reject) => {
    const open = indexedDB.open('qr-cashless-market-map', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('projects');
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const transaction = open.result.transaction('projects', 'readwrite');
      const store = transaction.objectStore('projects');
      if (value !== undefined) store.put(value, 'imported');
      const read = store.get('imported');
      transaction.oncomplete = () => resolve(JSON.parse(JSON.stringify(read.result, (_key, v: unknown) => (v instanceof Blob ? v.size : v))));
      transaction.onerror = () => reject(new Error(String(transaction.error)));
    };
  }), replacement);
}

async function importThrough(d: DashboardDriver, paths: string[]): Promise<void> {
  await d.page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
  await d.page.locator('#import-files').setInputFiles(paths);
}

/** Waits until the header says the import is kept in this browser (written to IndexedDB). */
async function keptInBrowser(d: DashboardDriver): Promise<void> {
  await d.page.getByRole('status').filter({ hasText: 'Dữ liệu đã nhập' }).waitFor({ timeout: 30_000 });
}

/**
 * Holds IndexedDB's project store with a read-write transaction of the test's own until
 * `__releaseStore()` is called in the page: the app's write of an import waits behind it, as a big
 * list's write takes a while.
 */
async function holdProjectStore(d: DashboardDriver): Promise<void> {
  await d.page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('qr-cashless-market-map', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('projects');
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('projects', 'readwrite').objectStore('projects');
      let held = true;
      (globalThis as unknown as { __releaseStore: () => void }).__releaseStore = () => {
        held = false;
      };
      // A transaction stays open while it has requests: keep asking until released.
      const keep = () => {
        if (held) store.get('held').onsuccess = keep;
        else db.close();
      };
      keep();
      resolve();
    };
  }));
}

describe('importing an official\'s own files', () => {
  it('maps picked boundaries and a semicolon CSV, and reports every row not used with its line', async () => {
    const d = await session.open();
    await importThrough(d, [file('phuong.geojson', AREAS), file('co-so.csv', MERCHANTS)]);
    const report = d.page.getByRole('dialog', { name: 'Báo cáo dữ liệu' });
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toMatch(/dòng 6[^\n]*Toạ độ nằm ngoài mọi khu vực/);
    expect(text).toMatch(/dòng 7[^\n]*Số cột của dòng khác với dòng tiêu đề/);
    await d.screenshot('import-report');
    await d.page.keyboard.press('Escape');
    await d.waitForMapIdle();
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(USED));
    expect(await d.page.locator('.ranking tbody tr').count()).toBe(WARDS.length);
    await keptInBrowser(d);
    expect(await d.page.getByText('Dữ liệu đã nhập', { exact: true }).count()).toBe(1);
    expect(await d.page.getByRole('checkbox', { name: 'Thời trang', exact: true }).count()).toBe(1);
    await d.screenshot('imported');
  });

  it('keeps the imported data after a reload, and shows the demo again once it is cleared', async () => {
    const d = await session.open();
    await importThrough(d, [file('phuong.geojson', AREAS), file('co-so.csv', MERCHANTS)]);
    await d.page.getByRole('dialog', { name: 'Báo cáo dữ liệu' }).waitFor();
    await keptInBrowser(d);
    await d.page.reload();
    await d.waitForMap();
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(USED));
    await d.page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await d.page.getByRole('button', { name: 'Xoá dữ liệu đã nhập' }).click();
    await expect.poll(() => d.kpi('kpi-merchants'), { timeout: 30_000 }).toBe(vi.format(readDemoFacts().merchants));
    await d.page.reload();
    await d.waitForMap();
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(readDemoFacts().merchants));
  });

  it('asks before a reload while the import is still being kept, and keeps it once written', async () => {
    const d = await session.open();
    await holdProjectStore(d);
    await importThrough(d, [file('phuong.geojson', AREAS), file('co-so.csv', MERCHANTS)]);
    await d.page.getByRole('status').filter({ hasText: 'Đang lưu vào trình duyệt…' }).waitFor({ timeout: 30_000 });
    await d.screenshot('import-saving');
    const dialog = d.page.waitForEvent('dialog');
    void d.page.evaluate(() => location.reload()).catch(() => undefined);
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss();
    // Staying on the page: the import is still on screen, and is kept once the store is free.
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(USED));
    await d.page.evaluate(() => (globalThis as unknown as { __releaseStore: () => void }).__releaseStore());
    await keptInBrowser(d);
    await d.page.reload();
    await d.waitForMap();
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(USED));
  });

  it('says to pick a file again when it changed on disk before the browser kept a copy', async () => {
    const d = await session.open();
    // Until the import is written to the browser's storage, the page works from the picked files.
    await holdProjectStore(d);
    const merchants = file('co-so-sua.csv', MERCHANTS);
    await importThrough(d, [file('phuong.geojson', AREAS), merchants]);
    const report = d.page.getByRole('dialog', { name: 'Báo cáo dữ liệu' });
    await report.waitFor();
    writeFileSync(merchants, MERCHANTS.replace('Tạp hóa Lan', 'Tạp hóa Lan Anh'));
    await report.getByLabel('Tên cơ sở', { exact: true }).selectOption('mã');
    const alert = d.page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain('Không đọc được tệp co-so-sua.csv nữa');
    await d.page.evaluate(() => (globalThis as unknown as { __releaseStore: () => void }).__releaseStore());
  });

  it('takes a merchant list dropped on the dialog and keeps the boundaries on screen', async () => {
    const d = await session.open();
    const wards = await d.page.locator('.ranking tbody tr').count();
    await d.page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    // Two merchants in the demo city: one in its centre ward by code, one by coordinates.
    const demoWard = readDemoFacts().firstWardCode;
    const csv = `id,name,category,ward_code,has_qr\nX1,Quán Một,Thực phẩm,${demoWard},1\nX2,Quán Hai,Thực phẩm,${demoWard},0\n`;
    await d.page.getByTestId('drop-zone').evaluate((zone, content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'moi.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, csv);
    await expect.poll(() => d.kpi('kpi-merchants'), { timeout: 30_000 }).toBe('2');
    expect(await d.kpi('kpi-rate')).toBe('50,0%');
    expect(await d.page.locator('.ranking tbody tr').count()).toBe(wards);
  });

  it('reads a merchant list Excel saved as plain CSV in Windows-1258', async () => {
    const d = await session.open();
    await importThrough(d, [file('windows-1258.csv', windows1258Csv(readDemoFacts().firstWardCode))]);
    await expect.poll(() => d.kpi('kpi-merchants'), { timeout: 30_000 }).toBe('1');
    await d.page.getByRole('button', { name: /Báo cáo dữ liệu/ }).click();
    const report = d.page.getByRole('dialog', { name: 'Báo cáo dữ liệu' });
    expect(await report.getByRole('row').filter({ hasText: 'Danh sách cơ sở' }).innerText()).toContain('Windows-1258, đã chuyển sang Unicode · phân cách bằng dấu chấm phẩy');
  });

  it('lets the user name the columns a file calls differently, and recomputes the map', async () => {
    const d = await session.open();
    const csv = 'so;cua hang;nhom;toa do y;toa do x;the QR\r\n1;Quán A;Thực phẩm;16,45;107,57;1\r\n2;Quán B;Thực phẩm;16,45;107,59;0\r\n';
    await importThrough(d, [file('phuong.geojson', AREAS), file('ten-cot-khac.csv', csv)]);
    const report = d.page.getByRole('dialog', { name: 'Báo cáo dữ liệu' });
    await report.waitFor();
    expect(await report.innerText()).toContain('Thiếu cột bắt buộc');
    const pick = async (field: string, column: string) => {
      await report.getByLabel(field, { exact: true }).selectOption(column);
      await expect.poll(async () => report.getByLabel(field, { exact: true }).inputValue(), { timeout: 30_000 }).toBe(column);
    };
    await pick('Mã cơ sở', 'so');
    await pick('Tên cơ sở', 'cua hang');
    await pick('Ngành hàng', 'nhom');
    await pick('Vĩ độ', 'toa do y');
    await pick('Kinh độ', 'toa do x');
    await pick('Có QR', 'the QR');
    await expect.poll(() => d.kpi('kpi-merchants'), { timeout: 30_000 }).toBe('2');
    expect(await d.kpi('kpi-rate')).toBe('50,0%');
    // The category column, once named, brings the campaign category with its label.
    expect(await d.page.getByRole('checkbox', { name: 'Thực phẩm', exact: true }).count()).toBe(1);
    await d.screenshot('column-mapping');
  });

  it('opens files named in the address and reports the encoding each was written in', async () => {
    // Served from the app's own origin, as a ward office's intranet would serve them.
    const d = await session.open('?areas=files/phuong.geojson&merchants=files/windows-1258.csv', async (page) => {
      await page.route('**/files/phuong.geojson', (route) => route.fulfill({ body: AREAS, contentType: 'application/geo+json' }));
      await page.route('**/files/windows-1258.csv', (route) => route.fulfill({ body: windows1258Csv('19901'), contentType: 'text/csv' }));
    });
    expect(await d.kpi('kpi-merchants')).toBe('1');
    await d.page.getByRole('button', { name: /Báo cáo dữ liệu/ }).click();
    const report = d.page.getByRole('dialog', { name: 'Báo cáo dữ liệu' });
    expect(await report.getByRole('row').filter({ hasText: 'Danh sách cơ sở' }).innerText()).toContain('Windows-1258, đã chuyển sang Unicode');
  });

  it('shows a project kept as texts by the previous version, and keeps it as files from then on', async () => {
    const d = await session.open();
    const texts = assembleImport([{ name: 'phuong.geojson', text: AREAS }, { name: 'co-so.csv', text: MERCHANTS }], null);
    await keptProject(d, texts);
    await d.page.reload();
    await d.waitForMap();
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(USED));
    expect(await d.page.getByText('Dữ liệu đã nhập', { exact: true }).count()).toBe(1);
    const kept = await keptProject(d);
    expect(kept).toMatchObject({ files: { areas: { name: 'phuong.geojson' }, merchants: { name: 'co-so.csv' } } });
    expect(kept).not.toHaveProperty('merchants');
  });

  it('refuses an Excel workbook and says how to save it as CSV', async () => {
    const d = await session.open();
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    await importThrough(d, [file('danh-sach.xlsx', xlsx)]);
    const alert = d.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/danh-sach\.xlsx[\s\S]*CSV UTF-8/);
  });
});
