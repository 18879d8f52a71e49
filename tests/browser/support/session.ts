import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser.ts';
import { DashboardDriver } from './driver.ts';
import { startPreviewServer } from './server.ts';

/**
 * One preview server and one Chromium for a test file; each scenario opens its own page, and
 * after each one: nothing was logged as an error and no request left the app's origin.
 */
export function dashboardSession() {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startPreviewServer>> | undefined;
  let driver: DashboardDriver | undefined;

  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const current = driver;
    driver = undefined;
    if (!current) return;
    await current.close();
    expect(current.consoleErrors).toEqual([]);
    expect(current.outsideRequests).toEqual([]);
  });

  const started = () => {
    if (!browser || !server) throw new Error('The browser session has not started');
    return { browser, server };
  };
  return {
    /** Given the dashboard opened at `query` (e.g. "?lang=en"), after `prepare` set up the page. */
    async open(query = '', prepare?: (page: Page) => Promise<void>): Promise<DashboardDriver> {
      const { browser: b, server: s } = started();
      driver = await DashboardDriver.open(b, s.url, query, undefined, prepare);
      return driver;
    },
    get browser(): Browser {
      return started().browser;
    },
    get url(): string {
      return started().server.url;
    },
  };
}
