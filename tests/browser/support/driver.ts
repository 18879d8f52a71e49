import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { decodePng, type Pixels } from './pixels.ts';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Drives the dashboard as a person would and records what the page did (console, requests). */
export class DashboardDriver {
  readonly consoleErrors: string[] = [];
  readonly outsideRequests: string[] = [];

  private constructor(readonly page: Page, origin: string) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) this.outsideRequests.push(url);
    });
  }

  /** Given the dashboard opened at `query` (e.g. "?lang=en"), after `prepare` set up the page (e.g. routes serving test files). */
  static async open(browser: Browser, baseUrl: string, query = '', viewport = { width: 1440, height: 900 }, prepare?: (page: Page) => Promise<void>): Promise<DashboardDriver> {
    const page = await browser.newPage({ viewport });
    const driver = new DashboardDriver(page, new URL(baseUrl).origin);
    await prepare?.(page);
    await page.goto(new URL(query, baseUrl).href);
    await driver.waitForMap();
    return driver;
  }

  /** Waits until the data is loaded and the map has finished drawing. */
  async waitForMap(): Promise<void> {
    await this.page.getByTestId('legend').waitFor({ timeout: 60_000 });
    await this.waitForMapIdle();
  }

  async waitForMapIdle(): Promise<void> {
    // Give a change a frame to start (aria-busy goes true), then wait for the map to settle.
    await this.page.waitForTimeout(150);
    await this.page.waitForSelector('[data-testid="map"][aria-busy="false"]', { timeout: 60_000 });
  }

  async mapPixels(name?: string): Promise<Pixels> {
    const buffer = await this.page.getByTestId('map').screenshot();
    if (name) this.save(name, buffer);
    return decodePng(buffer);
  }

  async screenshot(name: string): Promise<void> {
    this.save(name, await this.page.screenshot());
  }

  async kpi(testId: string): Promise<string> {
    return (await this.page.getByTestId(testId).locator('.kpi-value').innerText()).trim();
  }

  /** When the user toggles the category checkbox with this accessible name. */
  async toggleCategory(name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name, exact: true }).click();
    await this.waitForMapIdle();
  }

  async clickButton(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.waitForMapIdle();
  }

  async clickMapAt(xShare: number, yShare: number): Promise<void> {
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('map not visible');
    await this.page.mouse.click(box.x + box.width * xShare, box.y + box.height * yShare);
    await this.waitForMapIdle();
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  private save(name: string, buffer: Buffer): void {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), buffer);
  }
}
