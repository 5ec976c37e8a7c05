/**
 * The benchmark's result document, its budgets (PASS/FAIL per line) and its markdown table.
 * Pure: bench.ts measures, this judges and formats.
 */
import { kb, type BundleReport } from './bundle';
import type { ScenarioResult, ThrottlePolicy } from './ratelimit';

export interface Timing {
  /** Every run, ms. */
  runs: number[];
  median: number | null;
}

export interface ViewMeasure {
  /** From the host's `app.registered` post to the first `profile-name` in the app frame. */
  profileVisible: Timing;
  /** … to the first `thread-message`. */
  threadVisible: Timing;
  /** Klaviyo requests per view, by `METHOD path`, median over runs. */
  requests: Record<string, number>;
}

/** The cold profile time, split into where it goes (measured in browser.ts). */
export interface ColdPhases {
  /** From registration to the host's answer to the get of ticket.requester (the workspace's ZAF
   *  emulation: real Zendesk answers from memory). */
  requesterAnsweredMs: number;
  /** From registration until the frame's last script had arrived (negative: before it). */
  scriptsLoadedMs: number;
  /** From registration to the app's first Klaviyo request (chunks, ZAF gets, Zendesk calls). */
  beforeFirstKlaviyoMs: number;
  /** Zendesk API calls before that: the app's through the proxy, and the host's for ZAF gets. */
  zendeskCallsBefore: number;
  /** The profile lookup's time in the proxy (stand-in latency included). */
  profileRequestMs: number;
  /** From the profile answer leaving the proxy to the profile on screen. */
  afterProfileAnswerMs: number;
}

export interface BrowserReport {
  ticket: number;
  /** Median split of the cold profile time (see browser.ts). */
  coldPhases: ColdPhases | null;
  cold: ViewMeasure;
  warm: ViewMeasure;
  /** Klaviyo requests for one reply sent, by endpoint. */
  perReply: Record<string, number> | null;
  /** Long tasks (ms) seen in the app frame while the 50-message thread rendered. */
  longTasksMs: number[];
  /** Every long task from registration to the thread on screen: run, start relative to
   *  registration, duration, and whether it fell in the thread's render (the budget's window:
   *  from the events' answer reaching the frame); the others are bundle evaluation and the
   *  profile's first render. */
  longTaskDetail: Array<{
    run: number;
    startMs: number;
    durationMs: number;
    duringThreadRender: boolean;
  }>;
  threadMessages: number;
  /** JS and CSS the sidebar fetched before the profile showed (transfer, as served). */
  loadedBeforeProfile: { files: string[]; rawBytes: number };
  throttled: {
    /** GET /api/profiles sent in the observation window after a 429 with a long Retry-After. */
    profileRequests: number;
    windowMs: number;
    retryAfterSeconds: number;
    /** What the agent saw (the notice text), if any. */
    notice: string | null;
  } | null;
  notes: string[];
}

export interface BenchResult {
  commit: string | null;
  dirty: boolean;
  timestamp: string;
  latencyMs: number;
  runs: number;
  bundle: BundleReport;
  browser: BrowserReport | null;
  rateLimit: {
    limitsSource: string;
    limitsNote: string | null;
    scenarios: ScenarioResult[];
    throttle: ThrottlePolicy;
    /** How the model was set from what the browser measured, if it was. */
    note: string | null;
  };
  budgets: Budget[];
}

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  /** null when it could not be measured (counts as FAIL in the summary, said as such). */
  pass: boolean | null;
}

const CONVERSATIONS = /conversation/;

export function isConversationEndpoint(endpoint: string): boolean {
  return CONVERSATIONS.test(endpoint);
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function judgeBudgets(
  latencyMs: number,
  bundle: BundleReport,
  browser: BrowserReport | null,
): Budget[] {
  const budgets: Budget[] = [];
  const coldLimit = 2 * latencyMs + 150;
  const missing = 'not measured';
  const cold = browser?.cold.profileVisible.median ?? null;
  budgets.push({
    name: 'cold profile visible (median)',
    limit: `≤ ${coldLimit} ms (2 round trips + 150 ms)`,
    measured: cold === null ? missing : `${cold} ms`,
    pass: cold === null ? null : cold <= coldLimit,
  });
  const warm = browser?.warm.profileVisible.median ?? null;
  budgets.push({
    name: 'warm profile visible (median)',
    limit: '≤ 50 ms',
    measured: warm === null ? missing : `${warm} ms`,
    pass: warm === null ? null : warm <= 50,
  });
  if (browser) {
    const requests = total(browser.cold.requests);
    const conversations = Object.entries(browser.cold.requests)
      .filter(([endpoint]) => isConversationEndpoint(endpoint))
      .reduce((a, [, n]) => a + n, 0);
    budgets.push({
      name: 'Klaviyo requests, cold view',
      limit: '≤ 2, none to conversations',
      measured: `${requests} (${conversations} conversations)`,
      pass: requests <= 2 && conversations === 0,
    });
  } else {
    budgets.push({
      name: 'Klaviyo requests, cold view',
      limit: '≤ 2, none to conversations',
      measured: missing,
      pass: null,
    });
  }
  budgets.push({
    name: 'initial JS (gzip)',
    limit: '≤ 150 KB',
    measured: `${kb(bundle.initialJs.gzip)} KB`,
    pass: bundle.initialJs.gzip <= 150 * 1024,
  });
  const longest = browser ? Math.max(0, ...browser.longTasksMs) : null;
  budgets.push({
    name: `long tasks rendering a ${browser?.threadMessages ?? 50}-message thread`,
    limit: 'none > 50 ms',
    measured:
      longest === null
        ? missing
        : browser!.longTasksMs.length === 0
          ? 'none'
          : `longest ${Math.round(longest)} ms (${browser!.longTasksMs.length} tasks)`,
    pass: longest === null ? null : longest <= 50,
  });
  return budgets;
}

export function budgetLines(budgets: Budget[]): string[] {
  return budgets.map(
    (b) =>
      `${b.pass === true ? 'PASS' : b.pass === false ? 'FAIL' : 'FAIL (not measured)'}  ${b.name}: ${b.measured} (budget ${b.limit})`,
  );
}

function fmtCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return 'none';
  return entries.map(([endpoint, n]) => `${n}× ${endpoint}`).join(', ');
}

const ms = (t: Timing) => (t.median === null ? 'n/a' : `${t.median} ms`);

function scenarioCell(e: ScenarioResult['endpoints'][number]): string {
  const base = `${e.operationId} ${e.perMinute}/${e.steadyLimitPerMinute}`;
  if (e.perMinute > e.steadyLimitPerMinute) {
    const refused = Math.round(((e.perMinute - e.steadyLimitPerMinute) / e.perMinute) * 100);
    return `**${base} OVER: ~${refused}% get 429**`;
  }
  if (!e.withinLimits)
    return `${base} (bursts over ${e.burstLimitPerSecond}/s in ${e.burstExceedPct}% of seconds)`;
  return base;
}

/** The short markdown table the README shows. */
export function markdownTable(result: BenchResult): string {
  const rows: Array<[string, string]> = [];
  const b = result.browser;
  rows.push(['Klaviyo stand-in round trip', `${result.latencyMs} ms, ${result.runs} runs, median`]);
  if (b) {
    rows.push([`Profile visible, cold (ticket ${b.ticket})`, ms(b.cold.profileVisible)]);
    if (b.coldPhases) {
      const p = b.coldPhases;
      rows.push([
        'Where the cold time goes',
        `scripts loaded at ${p.scriptsLoadedMs} ms; the workspace host answered \`get ticket.requester\` at ${p.requesterAnsweredMs} ms; ${p.beforeFirstKlaviyoMs} ms before the first Klaviyo request (${p.zendeskCallsBefore} Zendesk calls); ${p.profileRequestMs} ms profile request; ${p.afterProfileAnswerMs} ms from its answer to the screen`,
      ]);
    }
    rows.push(['Thread visible, cold', ms(b.cold.threadVisible)]);
    rows.push(['Profile visible, warm (same ticket again)', ms(b.warm.profileVisible)]);
    rows.push(['Thread visible, warm', ms(b.warm.threadVisible)]);
    rows.push(['Klaviyo requests, cold view', fmtCounts(b.cold.requests)]);
    rows.push(['Klaviyo requests, warm view', fmtCounts(b.warm.requests)]);
    if (b.perReply) rows.push(['Klaviyo requests per reply sent', fmtCounts(b.perReply)]);
    if (b.throttled) {
      rows.push([
        `Throttled (429, Retry-After ${b.throttled.retryAfterSeconds} s)`,
        `${b.throttled.profileRequests} profile request(s) in ${b.throttled.windowMs / 1000} s; ${b.throttled.notice ? 'notice shown' : 'no notice'}`,
      ]);
    }
  }
  const bu = result.bundle;
  if (b && b.loadedBeforeProfile.files.length > 0) {
    const all = [...bu.initial, ...bu.later];
    const files = all.filter((f) => b.loadedBeforeProfile.files.includes(f.file));
    const gzip = files.filter((f) => f.kind === 'js').reduce((n, f) => n + f.gzip, 0);
    rows.push([
      'JS the sidebar loads before the profile shows',
      `${kb(gzip)} KB gzip (${files.length} files: index.html's plus the sidebar's lazy chunks)`,
    ]);
  }
  rows.push([
    'Initial JS (index.html)',
    `${kb(bu.initialJs.raw)} KB raw, ${kb(bu.initialJs.gzip)} KB gzip`,
  ]);
  rows.push(['Initial CSS', `${kb(bu.initialCss.raw)} KB raw, ${kb(bu.initialCss.gzip)} KB gzip`]);
  rows.push([
    'Loaded later (lazy chunks)',
    `${kb(bu.laterJs.raw + bu.laterCss.raw)} KB raw, ${kb(bu.laterJs.gzip + bu.laterCss.gzip)} KB gzip (${bu.later.map((f) => f.file.replace(/-[\w-]{8}\./, '.')).join(', ')})`,
  ]);
  for (const s of result.rateLimit.scenarios) {
    rows.push([
      `${s.agents} agents, ${s.viewsPerMinute} views/min (requests/min of limit)`,
      s.endpoints.map(scenarioCell).join('; '),
    ]);
  }
  if (result.rateLimit.note) rows.push(['Rate-limit model', result.rateLimit.note]);
  const lines = ['| measure | result |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
  lines.push('', '| budget | limit | measured | |', '|---|---|---|---|');
  for (const budget of result.budgets) {
    lines.push(
      `| ${budget.name} | ${budget.limit} | ${budget.measured} | ${budget.pass === true ? 'PASS' : 'FAIL'} |`,
    );
  }
  return lines.join('\n');
}
