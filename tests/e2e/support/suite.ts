/**
 * The lifecycle every browser test file shares: one workspace and one Chromium per file, fresh
 * stand-ins and a fresh page per test, everything closed at the end.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { appFrame, launchBrowser } from './browser';
import { startWorkspace, type StartOptions, type Workspace } from './workspace';

export interface BrowserSuite {
  readonly workspace: Workspace;
  readonly browser: Browser;
  /** A new page for each test. */
  readonly page: Page;
  /** Opens a ticket in the workspace and returns its app frame. */
  openTicket(id: number): Promise<Frame>;
}

export interface BrowserSuiteOptions {
  start?: StartOptions;
  viewport?: { width: number; height: number };
  /** Runs after the stand-ins are reset, before the page opens (e.g. settings for every test). */
  beforeEachTest?: (workspace: Workspace) => Promise<void>;
}

export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let workspace: Workspace | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is only available inside a test`);
    return value;
  };

  beforeAll(async () => {
    workspace = await startWorkspace(options.start);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });
  beforeEach(async () => {
    await ready(workspace, 'workspace').control.reset();
    await options.beforeEachTest?.(ready(workspace, 'workspace'));
    page = await ready(browser, 'browser').newPage({
      viewport: options.viewport ?? { width: 1280, height: 900 },
    });
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  return {
    get workspace() {
      return ready(workspace, 'workspace');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get page() {
      return ready(page, 'page');
    },
    async openTicket(id) {
      const current = ready(page, 'page');
      await current.goto(ready(workspace, 'workspace').ticketUrl(id));
      return appFrame(current, { ticketId: id });
    },
  };
}
