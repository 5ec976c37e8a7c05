/**
 * The benchmark's browser measurements: headless Chromium against the local workspace (the e2e
 * helpers start it as a child process, Klaviyo stand-in latency from the environment). Series of
 * cold views of ticket 101 (unlinked, linked, at 4× CPU slowdown), the reference sidebar in the
 * app's place, warm revisits, one reply and one throttled view. Clocks: see clock.ts.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, appFrame } from '../../tests/e2e/support/browser';
import { startWorkspace, type Workspace } from '../../tests/e2e/support/workspace';
import { countByEndpoint, median, medianCounts, waitForClock } from './clock';
import type { BrowserReport, SeriesMeasure, Timing } from './report';
import type { ScaffoldBuild } from './scaffold';
import { coldView, freshContext, warmView, type ColdView } from './views';

export const BENCH_TICKET = 101;
/** The Klaviyo profile of ticket 101's requester in the demo data (dev/klaviyo). */
const BENCH_PROFILE_ID = '01DEMOMARIA000000000000000';
const BENCH_USER_ID = 1101;
/** A ticket inside texting hours most of the day (Asia/Seoul) with an SMS conversation. */
const REPLY_TICKET = 105;

const timing = (runs: number[]): Timing => ({ runs: runs.map(Math.round), median: median(runs) });

/** Links ticket 101's requester as an agent would (the user field first, as the setup page makes). */
async function linkBenchRequester(ws: Workspace) {
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${ws.hostOrigin}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  };
  await call('POST', '/api/v2/user_fields.json', {
    user_field: { key: 'klaviyo_profile_id', title: 'Klaviyo profile id', type: 'text' },
  });
  await call('PUT', `/api/v2/users/${BENCH_USER_ID}.json`, {
    user: { user_fields: { klaviyo_profile_id: BENCH_PROFILE_ID } },
  });
}

/** How far apart (ms) the profile and events requests of a view left, from the proxy's log. */
function spreadOf(view: ColdView): number | null {
  const starts = view.proxied
    .filter((e) => e.target === 'klaviyo' && /\/api\/(profiles|events)/.test(e.url))
    .map((e) => Date.parse(e.at));
  return starts.length < 2 ? null : Math.max(...starts) - Math.min(...starts);
}

interface Series {
  measure: SeriesMeasure;
  views: ColdView[];
}

async function series(
  browser: Browser,
  ws: Workspace,
  options: { runs: number; cpuRate: number; linked: boolean; notes: string[]; label: string },
  each?: (view: ColdView, run: number) => Promise<void>,
): Promise<Series> {
  const first: number[] = [];
  const profile: number[] = [];
  const thread: number[] = [];
  const fromStart: number[] = [];
  const counts: Array<Record<string, number>> = [];
  const longTasks: SeriesMeasure['longTasks'] = [];
  const spreads: number[] = [];
  const views: ColdView[] = [];
  for (let run = 0; run < options.runs; run++) {
    await ws.control.reset();
    if (options.linked) await linkBenchRequester(ws);
    const view = await coldView(browser, ws, BENCH_TICKET, { cpuRate: options.cpuRate });
    const c = view.clock;
    if (c.requesterAnswered === null || c.profile === null || c.thread === null) {
      options.notes.push(
        `${options.label} run ${run + 1}: a clock is missing (${JSON.stringify(c)})`,
      );
    } else {
      if (view.firstKlaviyoAt !== null) first.push(view.firstKlaviyoAt - c.requesterAnswered);
      profile.push(c.profile - c.requesterAnswered);
      thread.push(c.thread - c.requesterAnswered);
      fromStart.push(c.profile);
      const end = c.thread + 200;
      for (const t of c.longTasks.filter((t) => t.start <= end)) {
        longTasks.push({
          run: run + 1,
          startMs: Math.round(t.start),
          durationMs: Math.round(t.duration),
        });
      }
    }
    counts.push(countByEndpoint(view.requests));
    const spread = spreadOf(view);
    if (spread !== null) spreads.push(spread);
    views.push(view);
    if (each) await each(view, run);
    await view.context.close();
  }
  return {
    views,
    measure: {
      runs: options.runs,
      cpuRate: options.cpuRate,
      linked: options.linked,
      firstRequestAfterRequester: timing(first),
      profileAfterRequester: timing(profile),
      threadAfterRequester: timing(thread),
      profileFromStart: timing(fromStart),
      longestTaskMs: longTasks.length ? Math.max(...longTasks.map((t) => t.durationMs)) : 0,
      longTasks,
      requests: medianCounts(counts),
      profileEventsSpreadMs: timing(spreads),
    },
  };
}

async function scaffoldSeries(
  browser: Browser,
  ws: Workspace,
  scaffold: ScaffoldBuild,
  runs: number,
) {
  const name: number[] = [];
  for (let run = 0; run < runs; run++) {
    await ws.control.reset();
    const view = await coldView(browser, ws, BENCH_TICKET, { cpuRate: 1, scaffold });
    if (view.clock.profile !== null) name.push(view.clock.profile);
    await view.context.close();
  }
  return { nameFromStart: timing(name), jsGzip: scaffold.jsGzip };
}

async function replyOnce(browser: Browser, ws: Workspace, notes: string[]) {
  const { context, page } = await freshContext(browser, { cpuRate: 1 });
  try {
    await page.goto(ws.ticketUrl(REPLY_TICKET));
    const frame = await appFrame(page, { ticketId: REPLY_TICKET });
    await waitForClock(frame, 'thread');
    const box = frame.getByRole('textbox', { name: /Reply by SMS/ });
    await box.fill('Benchmark reply: your parcel is on its way.');
    await page.waitForTimeout(300);
    await ws.control.delete('/klaviyo/requests');
    await frame.getByRole('button', { name: 'Send SMS' }).click();
    const confirm = frame.getByRole('button', { name: 'Send anyway' });
    const sent = frame.locator('[data-testid="composer-sent"]');
    await Promise.race([
      confirm
        .waitFor({ timeout: 10_000 })
        .then(() => confirm.click())
        .catch(() => undefined),
      sent.waitFor({ timeout: 10_000 }).catch(() => undefined),
    ]);
    await sent.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1_000);
    return countByEndpoint(await ws.control.klaviyoRequests());
  } catch (error) {
    notes.push(`per-reply count not measured: ${(error as Error).message.split('\n')[0]}`);
    return null;
  } finally {
    await context.close();
  }
}

const RETRY_AFTER_S = 45;
const THROTTLE_WINDOW_MS = 6_000;

async function throttledView(browser: Browser, ws: Workspace, notes: string[]) {
  await ws.control.reset();
  await ws.control.addKlaviyoFault({
    method: 'GET',
    path: '/api/profiles',
    status: 429,
    retryAfter: RETRY_AFTER_S,
    times: 1000,
  });
  const { context, page } = await freshContext(browser, { cpuRate: 1 });
  try {
    await page.goto(ws.ticketUrl(BENCH_TICKET));
    const frame = await appFrame(page, { ticketId: BENCH_TICKET });
    const alert = frame.locator('[role="alert"], [role="status"]').filter({ hasText: /busy/i });
    let notice: string | null = null;
    try {
      await alert.first().waitFor({ timeout: 10_000 });
      notice = (await alert.first().innerText()).replace(/\s+/g, ' ').trim();
    } catch {
      notes.push('throttled: no "Klaviyo is busy" notice appeared within 10 s');
    }
    await page.waitForTimeout(THROTTLE_WINDOW_MS);
    const profiles = (await ws.control.klaviyoRequests()).filter(
      (r) => r.method === 'GET' && r.path === '/api/profiles',
    ).length;
    return {
      profileRequests: profiles,
      windowMs: THROTTLE_WINDOW_MS,
      retryAfterSeconds: RETRY_AFTER_S,
      notice,
    };
  } finally {
    await context.close();
    await ws.control.reset();
  }
}

/**
 * Chromium for the 4× series: the app's iframe is on another site than the host, so with site
 * isolation it runs in a renderer of its own that the page's CPU throttling would not reach.
 */
function launchSharedRenderer(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--disable-site-isolation-trials',
      '--disable-features=IsolateOrigins,site-per-process',
    ],
    headless: true,
  });
}

export async function measureInBrowser(options: {
  runs: number;
  latencyMs: number;
  scaffold: ScaffoldBuild;
}): Promise<BrowserReport> {
  const notes: string[] = [];
  const ws = await startWorkspace({ env: { KLAVIYO_LATENCY_MS: String(options.latencyMs) } });
  let browser: Browser | null = null;
  let slow: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    // One unmeasured view first: the server's first answers (esbuild host bundle, module loads)
    // are not what an agent waits for.
    await (await coldView(browser, ws, BENCH_TICKET, { cpuRate: 1 })).context.close();
    await (
      await coldView(browser, ws, BENCH_TICKET, { cpuRate: 1, scaffold: options.scaffold })
    ).context.close();

    const warm = {
      profile: [] as number[],
      thread: [] as number[],
      counts: [] as Array<Record<string, number>>,
    };
    const common = { runs: options.runs, notes };
    const cold = await series(
      browser,
      ws,
      { ...common, cpuRate: 1, linked: false, label: 'cold' },
      async (view) => {
        const again = await warmView(view.page, ws, BENCH_TICKET);
        warm.profile.push(again.profileMs);
        warm.thread.push(again.threadMs);
        warm.counts.push(countByEndpoint(again.requests));
      },
    );
    const linked = await series(browser, ws, {
      ...common,
      cpuRate: 1,
      linked: true,
      label: 'linked',
    });
    const scaffold = await scaffoldSeries(browser, ws, options.scaffold, options.runs);
    slow = await launchSharedRenderer();
    const cold4x = await series(slow, ws, {
      ...common,
      cpuRate: 4,
      linked: false,
      label: '4× cold',
    });
    const linked4x = await series(slow, ws, {
      ...common,
      cpuRate: 4,
      linked: true,
      label: '4× linked',
    });

    const firstView = cold.views[0];
    const threadMessages = firstView?.threadMessages ?? 0;
    if (threadMessages === 0) notes.push(`ticket ${BENCH_TICKET} showed no thread messages`);
    const everything = cold.views.flatMap((v) => v.assetsAll);
    await ws.control.reset();
    const perReply = await replyOnce(browser, ws, notes);
    const throttled = await throttledView(browser, ws, notes).catch((error: unknown) => {
      notes.push(`throttled view not measured: ${(error as Error).message.split('\n')[0]}`);
      return null;
    });
    notes.push(
      'warm = switch to another ticket tab and back: Zendesk keeps one app iframe per ticket tab, so the sidebar is re-shown, not re-loaded; a ticket reopened after closing its tab gets a new iframe and is a cold view',
      '4× series run in a Chromium without site isolation, so the page’s CPU throttling reaches the app’s iframe (another site than the host); the 1× series keep Chromium’s default process model',
    );
    return {
      ticket: BENCH_TICKET,
      cold: cold.measure,
      linked: linked.measure,
      cold4x: cold4x.measure,
      linked4x: linked4x.measure,
      scaffold,
      warm: {
        profileVisible: timing(warm.profile),
        threadVisible: timing(warm.thread),
        requests: medianCounts(warm.counts),
      },
      perReply,
      threadMessages,
      loadedBeforeProfile: firstView?.assetsBeforeProfile ?? [],
      loadedInSidebar: [...new Set(everything)].sort(),
      throttled,
      notes,
    };
  } finally {
    await browser?.close();
    await slow?.close();
    await ws.stop();
  }
}
