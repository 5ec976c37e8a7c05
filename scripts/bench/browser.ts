/**
 * The benchmark's browser measurements: headless Chromium against the local workspace (the
 * e2e helpers start it as a child process, Klaviyo stand-in latency from the environment).
 *
 * Clocks: an init script in the app frame records when `zaf.app.registered` arrives (the host's
 * post) and the first animation frame after `[data-testid=profile-name]` and
 * `[data-testid=thread-message]` exist, i.e. when the agent can see them. Long tasks come from a
 * PerformanceObserver in the same frame.
 */
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { appFrame, appIframeSelector, launchBrowser } from '../../tests/e2e/support/browser';
import {
  startWorkspace,
  type KlaviyoRequest,
  type Workspace,
} from '../../tests/e2e/support/workspace';
import type { BrowserReport, ColdPhases, Timing, ViewMeasure } from './report';

export const BENCH_TICKET = 101;
/** Another ticket to switch to and back from for the warm measure. */
const OTHER_TICKET = 102;
/** A ticket inside texting hours most of the day (Asia/Seoul) with an SMS conversation. */
const REPLY_TICKET = 105;

/** Runs in every frame before its scripts; only the app's frames (/app/…) measure. */
const INIT_SCRIPT = String.raw`(() => {
  if (!location.pathname.startsWith('/app/')) return;
  const b = { timeOrigin: performance.timeOrigin, registered: null, requesterAnswered: null, eventsArrived: null, profile: null, thread: null, longTasks: [], errors: [] };
  window.__bench = b;
  addEventListener('message', (e) => {
    try {
      const d = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
      if (d && d.key === 'zaf.app.registered' && b.registered === null) b.registered = performance.now();
      // The host's answer to the app's get of the ticket's requester (Zendesk data over ZAF).
      if (d && b.requesterAnswered === null && d.result && 'ticket.requester' in d.result) {
        b.requesterAnswered = performance.now();
      }
      // The first answer carrying Klaviyo events: the thread starts rendering now.
      if (d && b.eventsArrived === null && /^zaf\.request:\d+\.done$/.test(d.key || '')) {
        const raw = JSON.stringify(d.message || '').replace(/\\/g, '');
        if (raw.includes('"type":"event"')) b.eventsArrived = performance.now();
      }
    } catch (_) {}
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const t of list.getEntries()) b.longTasks.push({ start: t.startTime, duration: t.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (err) { b.errors.push(String(err)); }
  let pending = false;
  const check = () => {
    if (pending) return;
    const needProfile = b.profile === null && document.querySelector('[data-testid="profile-name"]');
    const needThread = b.thread === null && document.querySelector('[data-testid="thread-message"]');
    if (!needProfile && !needThread) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const now = performance.now();
      if (needProfile && b.profile === null) b.profile = now;
      if (needThread && b.thread === null) b.thread = now;
      check();
    });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();`;

interface FrameClock {
  timeOrigin: number;
  registered: number | null;
  requesterAnswered: number | null;
  eventsArrived: number | null;
  profile: number | null;
  thread: number | null;
  longTasks: Array<{ start: number; duration: number }>;
  errors: string[];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m);
}

const timing = (runs: number[]): Timing => ({ runs: runs.map(Math.round), median: median(runs) });

function endpointKey(r: Pick<KlaviyoRequest, 'method' | 'path'>): string {
  // Profile ids in paths become {id}, so counts group by endpoint.
  const path = r.path.replace(/^\/api\/profiles\/[^/]+/, '/api/profiles/{id}');
  return `${r.method} ${path}`;
}

export function countByEndpoint(requests: Array<Pick<KlaviyoRequest, 'method' | 'path'>>) {
  const counts: Record<string, number> = {};
  for (const r of requests) counts[endpointKey(r)] = (counts[endpointKey(r)] ?? 0) + 1;
  return counts;
}

/** The median count per endpoint over several runs. */
function medianCounts(runs: Array<Record<string, number>>): Record<string, number> {
  const keys = new Set(runs.flatMap((r) => Object.keys(r)));
  return Object.fromEntries(
    [...keys].sort().map((k) => [k, median(runs.map((r) => r[k] ?? 0)) ?? 0]),
  );
}

interface ProxyLogEntry {
  at: string;
  method: string;
  url: string;
  target: string;
  durationMs: number;
}

/** Where a cold view's time went, from the frame's clock and the proxy's log (same machine). */
function phasesOf(
  c: FrameClock,
  log: ProxyLogEntry[],
  scriptsDoneAt: number,
  hostApi: Array<{ start: number; end: number }>,
): ColdPhases | null {
  if (c.registered === null || c.profile === null) return null;
  const registeredAt = c.timeOrigin + c.registered;
  const profileAt = c.timeOrigin + c.profile;
  const after = log
    .map((e) => ({ ...e, start: Date.parse(e.at) }))
    .filter((e) => e.start >= registeredAt - 5)
    .sort((a, b) => a.start - b.start);
  const firstKlaviyo = after.find((e) => e.target === 'klaviyo');
  const profile = after.find((e) => e.target === 'klaviyo' && /\/api\/profiles/.test(e.url));
  if (!firstKlaviyo || !profile) return null;
  return {
    requesterAnsweredMs:
      c.requesterAnswered === null ? -1 : Math.round(c.requesterAnswered - c.registered),
    scriptsLoadedMs: Math.round(scriptsDoneAt - c.registered),
    beforeFirstKlaviyoMs: Math.round(firstKlaviyo.start - registeredAt),
    zendeskCallsBefore:
      after.filter((e) => e.target === 'zendesk' && e.start < firstKlaviyo.start).length +
      hostApi.filter((e) => e.start >= registeredAt - 5 && e.start < firstKlaviyo.start).length,
    profileRequestMs: profile.durationMs,
    afterProfileAnswerMs: Math.round(profileAt - (profile.start + profile.durationMs)),
  };
}

async function clock(frame: Frame): Promise<FrameClock> {
  return frame.evaluate(() => (window as unknown as { __bench: FrameClock }).__bench);
}

async function waitForClock(frame: Frame, key: 'profile' | 'thread', timeoutMs = 30_000) {
  await frame.waitForFunction(
    (k) => {
      const b = (window as unknown as { __bench?: Record<string, unknown> }).__bench;
      return b !== undefined && b[k] !== null;
    },
    key,
    { timeout: timeoutMs },
  );
}

async function freshContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  return { context, page };
}

/** One cold view of a ticket in a fresh browser context (empty caches, new iframe). */
async function coldView(browser: Browser, ws: Workspace, ticket: number) {
  await ws.control.delete('/klaviyo/requests');
  const { context, page } = await freshContext(browser);
  const assets: Array<{ url: string; bytes: number; at: number }> = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!/\/app\/.*\.(js|css)(\?|$)/.test(url)) return;
    const at = Date.now();
    void response
      .body()
      .then((body) => assets.push({ url, bytes: body.length, at }))
      .catch(() => undefined);
  });
  await page.goto(ws.ticketUrl(ticket));
  const frame = await appFrame(page, { ticketId: ticket });
  await waitForClock(frame, 'profile');
  const profileAtWall = Date.now();
  await waitForClock(frame, 'thread');
  const c = await clock(frame);
  // When the last script the frame fetched had arrived (the lazy sidebar chunks among them).
  const scriptsDoneAt = await frame.evaluate(() =>
    Math.max(
      0,
      ...performance
        .getEntriesByType('resource')
        .filter((e) => /\.js(\?|$)/.test(e.name))
        .map((e) => (e as PerformanceResourceTiming).responseEnd),
    ),
  );
  // The host's own Zendesk API calls (what the ZAF gets cost the app), on the epoch clock.
  const hostApi = (await page.evaluate(String.raw`performance.getEntriesByType('resource')
    .filter((e) => /\/api\/v2\//.test(e.name))
    .map((e) => ({ start: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.responseEnd }))`)) as Array<{
    start: number;
    end: number;
  }>;
  const threadMessages = await frame.locator('[data-testid="thread-message"]').count();
  // Let background requests settle before counting.
  await page.waitForTimeout(300);
  const requests = await ws.control.klaviyoRequests();
  const proxied = await ws.control.get<{ requests: ProxyLogEntry[] }>('/proxy/requests');
  await ws.control.delete('/proxy/requests');
  return {
    context,
    page,
    frame,
    clock: c,
    threadMessages,
    requests,
    assets,
    profileAtWall,
    phases: phasesOf(c, proxied.requests, scriptsDoneAt, hostApi),
  };
}

/** Waits until Klaviyo has seen no new request for 400 ms (at most 5 s). */
async function settle(page: Page, ws: Workspace) {
  let last = -1;
  for (let i = 0; i < 25; i++) {
    const count = (await ws.control.klaviyoRequests()).length;
    if (count === last) return;
    last = count;
    await page.waitForTimeout(400);
  }
}

async function warmView(page: Page, ws: Workspace, ticket: number) {
  // Switch to another ticket (its app instance loads), then back: the ticket's own iframe is kept.
  await page.click(`[data-testid="nav-ticket-${OTHER_TICKET}"]`);
  const other = await appFrame(page, { ticketId: OTHER_TICKET });
  await waitForClock(other, 'profile').catch(() => undefined);
  await settle(page, ws);
  await ws.control.delete('/klaviyo/requests');
  const frame = await appFrame(page, { ticketId: ticket });
  const selector = appIframeSelector({ ticketId: ticket });
  // Measured in the host: from the click to the first frame in which the ticket's app iframe is
  // laid out again; then the frame confirms what it shows at that moment.
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  const shownAfter = (await page.evaluate(`new Promise((resolve) => {
    const iframe = document.querySelector(${JSON.stringify(selector)});
    const link = document.querySelector(${JSON.stringify(`[data-testid="nav-ticket-${ticket}"]`)});
    const t0 = performance.now();
    link.click();
    const poll = () => {
      const box = iframe && iframe.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) resolve(performance.now() - t0);
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  })`)) as number;
  const t0Wall = Date.now() - shownAfter;
  const showing = await frame.evaluate(() => ({
    profile: document.querySelector('[data-testid="profile-name"]') !== null,
    thread: document.querySelector('[data-testid="thread-message"]') !== null,
  }));
  let profileMs = shownAfter;
  let threadMs = shownAfter;
  if (!showing.profile) {
    await frame.waitForSelector('[data-testid="profile-name"]', { timeout: 30_000 });
    profileMs = Date.now() - t0Wall;
  }
  if (!showing.thread) {
    await frame.waitForSelector('[data-testid="thread-message"]', { timeout: 30_000 });
    threadMs = Date.now() - t0Wall;
  }
  await page.waitForTimeout(500);
  const requests = await ws.control.klaviyoRequests();
  return { profileMs, threadMs, requests };
}

async function replyOnce(browser: Browser, ws: Workspace, notes: string[]) {
  const { context, page } = await freshContext(browser);
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
  const { context, page } = await freshContext(browser);
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

export async function measureInBrowser(options: {
  runs: number;
  latencyMs: number;
  rootDir: string;
}): Promise<BrowserReport> {
  const notes: string[] = [];
  const ws = await startWorkspace({ env: { KLAVIYO_LATENCY_MS: String(options.latencyMs) } });
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    // One unmeasured view first: the server's first answers (esbuild host bundle, module loads)
    // are not what an agent waits for.
    const warmup = await coldView(browser, ws, BENCH_TICKET);
    await warmup.context.close();

    const cold = {
      profile: [] as number[],
      thread: [] as number[],
      counts: [] as Array<Record<string, number>>,
    };
    const warm = {
      profile: [] as number[],
      thread: [] as number[],
      counts: [] as Array<Record<string, number>>,
    };
    let longTasks: number[] = [];
    const longTaskDetail: BrowserReport['longTaskDetail'] = [];
    const phases: ColdPhases[] = [];
    const afterRequester: number[] = [];
    let threadMessages = 0;
    let loadedBeforeProfile = { files: [] as string[], rawBytes: 0 };
    for (let run = 0; run < options.runs; run++) {
      await ws.control.reset();
      const view = await coldView(browser, ws, BENCH_TICKET);
      const c = view.clock;
      if (c.registered === null || c.profile === null || c.thread === null) {
        notes.push(`run ${run + 1}: a clock is missing (${JSON.stringify(c)})`);
      } else {
        cold.profile.push(c.profile - c.registered);
        cold.thread.push(c.thread - c.registered);
        // Startup: registration until the thread has been on screen for a moment.
        const during = c.longTasks.filter(
          (t) => t.start + t.duration >= c.registered! && t.start <= c.thread! + 200,
        );
        // The thread's own render: from the events' answer reaching the frame to the same end.
        const threadStart = c.eventsArrived ?? c.profile;
        const inThread = during.filter((t) => t.start + t.duration >= threadStart);
        if (c.eventsArrived === null) {
          notes.push(
            `run ${run + 1}: the events answer was not seen; thread window starts at the profile`,
          );
        }
        longTasks = longTasks.concat(inThread.map((t) => Math.round(t.duration)));
        longTaskDetail.push(
          ...during.map((t) => ({
            run: run + 1,
            startMs: Math.round(t.start - c.registered!),
            durationMs: Math.round(t.duration),
            duringThreadRender: t.start + t.duration >= threadStart,
          })),
        );
      }
      cold.counts.push(countByEndpoint(view.requests));
      if (view.phases) phases.push(view.phases);
      if (c.requesterAnswered !== null && c.profile !== null) {
        afterRequester.push(c.profile - c.requesterAnswered);
      }
      threadMessages = view.threadMessages;
      if (run === 0) {
        const before = view.assets.filter((a) => a.at <= view.profileAtWall);
        loadedBeforeProfile = {
          files: before.map((a) => a.url.replace(/^.*\/app\/assets\//, '')),
          rawBytes: before.reduce((n, a) => n + a.bytes, 0),
        };
      }
      const again = await warmView(view.page, ws, BENCH_TICKET);
      warm.profile.push(again.profileMs);
      warm.thread.push(again.threadMs);
      warm.counts.push(countByEndpoint(again.requests));
      await view.context.close();
    }
    if (threadMessages < 50) {
      notes.push(`ticket ${BENCH_TICKET} showed ${threadMessages} thread messages, not 50`);
    }

    await ws.control.reset();
    const perReply = await replyOnce(browser, ws, notes);
    const throttled = await throttledView(browser, ws, notes).catch((error: unknown) => {
      notes.push(`throttled view not measured: ${(error as Error).message.split('\n')[0]}`);
      return null;
    });

    const coldMeasure: ViewMeasure = {
      profileVisible: timing(cold.profile),
      threadVisible: timing(cold.thread),
      requests: medianCounts(cold.counts),
    };
    const warmMeasure: ViewMeasure = {
      profileVisible: timing(warm.profile),
      threadVisible: timing(warm.thread),
      requests: medianCounts(warm.counts),
    };
    if (afterRequester.length > 0) {
      notes.push(
        `cold profile visible counted from the host's answer to the ticket.requester get (what the app controls, given Zendesk data): median ${median(afterRequester)} ms`,
      );
    }
    notes.push(
      'warm = switch to another ticket tab and back: Zendesk keeps one app iframe per ticket tab, so the sidebar is re-shown, not re-loaded; a ticket reopened after closing its tab gets a new iframe and is a cold view',
    );
    const phase = (k: keyof ColdPhases) => median(phases.map((p) => p[k])) ?? 0;
    return {
      ticket: BENCH_TICKET,
      coldPhases:
        phases.length === 0
          ? null
          : {
              requesterAnsweredMs: phase('requesterAnsweredMs'),
              scriptsLoadedMs: phase('scriptsLoadedMs'),
              beforeFirstKlaviyoMs: phase('beforeFirstKlaviyoMs'),
              zendeskCallsBefore: phase('zendeskCallsBefore'),
              profileRequestMs: phase('profileRequestMs'),
              afterProfileAnswerMs: phase('afterProfileAnswerMs'),
            },
      cold: coldMeasure,
      warm: warmMeasure,
      perReply,
      longTasksMs: longTasks,
      longTaskDetail,
      threadMessages,
      loadedBeforeProfile,
      throttled,
      notes,
    };
  } finally {
    await browser?.close();
    await ws.stop();
  }
}
