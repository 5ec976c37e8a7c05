/**
 * The benchmark's clocks, injected into every frame before its scripts run.
 *
 * In the app's frame (/app/…): when `zaf.app.registered` arrives (the host's post), when the host's
 * answer carrying `ticket.requester` arrives, when the first answer carrying Klaviyo events
 * arrives, and the first animation frame after `[data-testid=profile-name]` and
 * `[data-testid=thread-message]` exist (when the agent can see them); long tasks from a
 * PerformanceObserver. The first Klaviyo request's time is the app's own User Timing mark.
 */
import type { Frame } from 'playwright-core';
import { SECURE_REQUEST_MARK } from '../../src/zaf/transport';
import type { KlaviyoRequest } from '../../tests/e2e/support/workspace';

export const INIT_SCRIPT = String.raw`(() => {
  if (!location.pathname.startsWith('/app/')) return;
  const b = { timeOrigin: performance.timeOrigin, registered: null, requesterAnswered: null, eventsArrived: null, profile: null, thread: null, longTasks: [], errors: [] };
  window.__bench = b;
  addEventListener('message', (e) => {
    try {
      const d = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
      if (d && d.key === 'zaf.app.registered' && b.registered === null) b.registered = performance.now();
      if (d && b.requesterAnswered === null && d.result && 'ticket.requester' in d.result) {
        b.requesterAnswered = performance.now();
      }
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

/** The app frame's clock: ms since the frame's own navigation began (`timeOrigin`, epoch ms). */
export interface FrameClock {
  timeOrigin: number;
  registered: number | null;
  requesterAnswered: number | null;
  eventsArrived: number | null;
  profile: number | null;
  thread: number | null;
  longTasks: Array<{ start: number; duration: number }>;
  errors: string[];
}

export async function frameClock(frame: Frame): Promise<FrameClock> {
  return frame.evaluate(() => (window as unknown as { __bench: FrameClock }).__bench);
}

/**
 * When the app sent its first Klaviyo request, on the frame's clock: the User Timing mark its
 * transport sets (src/zaf/transport.ts), so no other thread's delay is counted.
 */
export async function firstKlaviyoRequestAt(frame: Frame): Promise<number | null> {
  return (await frame.evaluate(
    `(() => { const m = performance.getEntriesByName(${JSON.stringify(SECURE_REQUEST_MARK)}, 'mark')[0]; return m ? m.startTime : null; })()`,
  )) as number | null;
}

export async function waitForClock(frame: Frame, key: 'profile' | 'thread', timeoutMs = 30_000) {
  await frame.waitForFunction(
    (k) => {
      const b = (window as unknown as { __bench?: Record<string, unknown> }).__bench;
      return b !== undefined && b[k] !== null;
    },
    key,
    { timeout: timeoutMs },
  );
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m);
}

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
export function medianCounts(runs: Array<Record<string, number>>): Record<string, number> {
  const keys = new Set(runs.flatMap((r) => Object.keys(r)));
  return Object.fromEntries(
    [...keys].sort().map((k) => [k, median(runs.map((r) => r[k] ?? 0)) ?? 0]),
  );
}
