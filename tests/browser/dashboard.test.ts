import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sequentialColors } from '../../src/core/classify/palette.ts';
import { LAND_COLOR, SEA_COLOR, SOVEREIGNTY_LABEL_COLOR } from '../../src/map/layers/baseLayers.ts';
import { readDemoFacts } from './support/demoFacts.ts';
import { blend, changedShare, countInk, countNear, hexToRgb } from './support/pixels.ts';
import { dashboardSession } from './support/session.ts';

const AREA_FILL_OPACITY = 0.85;
const facts = readDemoFacts();
const vi = new Intl.NumberFormat('vi-VN');
const en = new Intl.NumberFormat('en-GB');

const session = dashboardSession();
const open = (query = '') => session.open(query);

describe('the dashboard on its demo data', () => {
  it('draws the wards in at least three adoption classes of the palette', async () => {
    const d = await open();
    await d.screenshot('dashboard-vi');
    const pixels = await d.mapPixels('map-vi');
    const land = hexToRgb(LAND_COLOR);
    const classColours = sequentialColors(5).map((hex) => blend(hexToRgb(hex), land, AREA_FILL_OPACITY));
    const counts = countNear(pixels, classColours);
    const total = pixels.width * pixels.height;
    const visibleClasses = counts.filter((n) => n / total > 0.003).length;
    expect(visibleClasses).toBeGreaterThanOrEqual(3);
    expect(counts.reduce((a, b) => a + b, 0) / total).toBeGreaterThan(0.1);
  });

  it('shows the legend with one line per class whose area counts add up to the wards', async () => {
    const d = await open();
    const legend = d.page.getByTestId('legend');
    await expect.poll(() => legend.locator('.legend-classes li').count()).toBe(5);
    const counts = await legend.locator('.legend-count').allInnerTexts();
    const sum = counts.map((text) => Number.parseInt(text.replace(/\D/g, ''), 10)).reduce((a, b) => a + b, 0);
    expect(sum).toBe(facts.wardNames.size);
    expect(await legend.innerText()).toContain('Tỷ lệ chấp nhận QR');
  });

  it('shows every merchant of the file in the KPI cards, formatted for Vietnamese', async () => {
    const d = await open();
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(facts.merchants));
    expect(await d.kpi('kpi-with-qr')).toBe(vi.format(facts.withQr));
  });

  it('recolours the map and updates the KPIs when only one category is chosen', async () => {
    const d = await open();
    const before = await d.mapPixels();
    await d.clickButton('Bỏ chọn');
    await d.toggleCategory('Thời trang');
    const fashion = facts.byCategory.get('thoi_trang');
    expect(fashion).toBeDefined();
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(fashion?.merchants ?? -1));
    expect(await d.kpi('kpi-with-qr')).toBe(vi.format(fashion?.withQr ?? -1));
    const rate = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(await d.kpi('kpi-rate')).toBe(rate.format((fashion?.withQr ?? 0) / (fashion?.merchants ?? 1)));
    const after = await d.mapPixels('map-fashion');
    expect(changedShare(before, after)).toBeGreaterThan(0.03);
  });

  it('opens the details of the ward clicked on the map', async () => {
    const d = await open();
    expect(await d.page.getByTestId('area-details').count()).toBe(0);
    const before = await d.mapPixels();
    await d.clickMapAt(0.55, 0.5);
    const details = d.page.getByTestId('area-details');
    await details.waitFor();
    const name = (await details.locator('h2').innerText()).trim();
    expect(facts.wardNames.has(name)).toBe(true);
    expect(await details.innerText()).toMatch(/Tỷ lệ[\s\S]*%/);
    const after = await d.mapPixels('map-selected');
    expect(changedShare(before, after, 40)).toBeGreaterThan(0.0005);
    await d.screenshot('area-details');
  });

  it('opens the details of the ward picked in the ranking', async () => {
    const d = await open();
    const firstRow = d.page.locator('.ranking tbody tr').first().getByRole('button');
    const name = (await firstRow.innerText()).trim();
    await firstRow.click();
    await expect.poll(async () => (await d.page.getByTestId('area-details').locator('h2').innerText()).trim()).toBe(name);
  });

  it('switches the whole interface to English', async () => {
    const d = await open();
    await d.clickButton('EN – English');
    await expect.poll(() => d.page.locator('h1').innerText()).toContain('Cashless payment map');
    expect(await d.page.getByTestId('legend').innerText()).toContain('QR adoption rate');
    expect(await d.kpi('kpi-merchants')).toBe(en.format(facts.merchants));
    expect(await d.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await d.page.getByRole('checkbox', { name: 'Fashion', exact: true }).isChecked()).toBe(true);
    // The map's own controls follow the language too.
    await d.waitForMapIdle();
    expect(await d.page.getByRole('button', { name: 'Zoom in', exact: true }).count()).toBe(1);
  });

  it('draws merchants one by one in their category colours once zoomed in, binned again for each view', async () => {
    const d = await open();
    const manifest = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as { categories: { color: string }[] };
    const categoryColours = manifest.categories.map((c) => hexToRgb(c.color));
    const categoryInk = (pixels: Awaited<ReturnType<typeof d.mapPixels>>) => countNear(pixels, categoryColours, 8).reduce((a, b) => a + b, 0);
    const before = categoryInk(await d.mapPixels());
    // Each zoom is a new view: the merchant layer is computed again (bins become single points from zoom 13).
    for (let i = 0; i < 3; i++) await d.clickButton('Phóng to');
    const after = categoryInk(await d.mapPixels('map-merchant-points'));
    console.log(`category-coloured pixels: city view ${before}, zoomed in ${after}`);
    expect(after).toBeGreaterThan(before + 500);
  });

  it('names the Hoàng Sa and Trường Sa archipelagos when zoomed out to the country', async () => {
    const d = await open();
    const ink = hexToRgb(SOVEREIGNTY_LABEL_COLOR);
    const sea = hexToRgb(SEA_COLOR);
    const before = countInk(await d.mapPixels(), ink, sea);
    for (let i = 0; i < 7; i++) await d.clickButton('Thu nhỏ');
    const after = countInk(await d.mapPixels('map-country'), ink, sea);
    console.log(`label-coloured pixels: city view ${before}, country view ${after}`);
    expect(after).toBeGreaterThan(before + 300);
  });

  it('draws only merchants without QR when that status is chosen, keeping the ward figures', async () => {
    const d = await open();
    const merchants = await d.kpi('kpi-merchants');
    const before = await d.mapPixels();
    await d.page.getByRole('radio', { name: 'Chưa có mã QR' }).check();
    await d.waitForMapIdle();
    const after = await d.mapPixels('map-without-qr');
    expect(changedShare(before, after)).toBeGreaterThan(0.005);
    expect(await d.kpi('kpi-merchants')).toBe(merchants);
  });

  it('lists every file with rows read, used and rejected in the data report', async () => {
    const d = await open();
    await d.page.getByRole('button', { name: 'Báo cáo dữ liệu' }).click();
    const dialog = d.page.getByRole('dialog', { name: 'Báo cáo dữ liệu' });
    await dialog.waitFor();
    const merchantsRow = dialog.getByRole('row').filter({ hasText: 'Danh sách cơ sở' });
    const cells = (await merchantsRow.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells).toEqual(['Danh sách cơ sở', vi.format(facts.merchants), vi.format(facts.merchants), '0', 'UTF-8 (có BOM) · phân cách bằng dấu phẩy']);
    expect(await dialog.innerText()).toContain('Mọi dòng và đối tượng đều được dùng.');
    await d.screenshot('data-report');
    await d.page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('downloads the ranking as a CSV for Excel, in the order shown', async () => {
    const d = await open();
    const firstName = (await d.page.locator('.ranking tbody tr').first().getByRole('button').innerText()).trim();
    const [download] = await Promise.all([d.page.waitForEvent('download'), d.page.getByRole('button', { name: 'Tải CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^xep-hang-thanh-pho-mau-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('\uFEFFarea_code,area_name,merchants,merchants_qr,merchants_qr_active,qr_rate,categories');
    expect(lines).toHaveLength(facts.wardNames.size + 1);
    expect(lines[1]?.split(',')[1]).toBe(firstName);
  });

  it('toggles a category from the keyboard', async () => {
    const d = await open();
    const checkbox = d.page.getByRole('checkbox', { name: 'Dịch vụ ăn uống', exact: true });
    await checkbox.focus();
    await d.page.keyboard.press('Space');
    await d.waitForMapIdle();
    expect(await checkbox.isChecked()).toBe(false);
    const remaining = facts.merchants - (facts.byCategory.get('dich_vu_an_uong')?.merchants ?? 0);
    expect(await d.kpi('kpi-merchants')).toBe(vi.format(remaining));
  });

  it('explains a project file that cannot be loaded', async () => {
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(new URL('?project=missing/project.json', session.url).href);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // The preview server answers an unknown path with the app's own page, as many static hosts do.
    expect(await alert.innerText()).toMatch(/Không mở được dữ liệu[\s\S]*missing\/project\.json[\s\S]*trang web thay vì tệp dữ liệu/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens in English with ?lang=en', async () => {
    const d = await open('?lang=en');
    expect(await d.page.locator('h1').innerText()).toContain('Cashless payment map');
    expect(await d.page.getByText('Sample data', { exact: true }).count()).toBe(1);
    await d.screenshot('dashboard-en');
  });
});
