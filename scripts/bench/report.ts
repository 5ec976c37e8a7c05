/**
 * The benchmark's result document, its budgets (PASS/FAIL per line) and its markdown table.
 * Pure: bench.ts measures, this judges and formats. Budgets are ratios to the round trip
 * (`latencyMs`), so they hold on a noisy machine.
 */
import { kb, type BundleReport } from './bundle';
import type { ScenarioResult, ThrottlePolicy } from './ratelimit';

export interface Timing {
  /** Every run, ms. */
  runs: number[];
  median: number | null;
}

/** One series of cold views of the bench ticket in fresh browser contexts. */
export interface SeriesMeasure {
  runs: number;
  cpuRate: number;
  /** The requester's Zendesk user carries the Klaviyo profile id. */
  linked: boolean;
  /** From the host's answer with `ticket.requester` reaching the app to the app's first Klaviyo
   *  request reaching the host. */
  firstRequestAfterRequester: Timing;
  /** From that answer to the first frame showing `profile-name`. */
  profileAfterRequester: Timing;
  /** … to the first frame showing a `thread-message`. */
  threadAfterRequester: Timing;
  /** From the app frame's navigation start to the profile on screen. */
  profileFromStart: Timing;
  /** The longest long task from the frame's start to the thread on screen (+200 ms). */
  longestTaskMs: number;
  longTasks: Array<{ run: number; startMs: number; durationMs: number }>;
  /** Klaviyo requests per view, by `METHOD path`, median over runs. */
  requests: Record<string, number>;
  /** How far apart the profile and events requests left (proxy log), per run. */
  profileEventsSpreadMs: Timing;
}

export interface BrowserReport {
  ticket: number;
  cold: SeriesMeasure;
  linked: SeriesMeasure;
  cold4x: SeriesMeasure;
  linked4x: SeriesMeasure;
  /** The reference sidebar (React, Garden, `ZAFClient.init`, the requester's name). */
  scaffold: { nameFromStart: Timing; jsGzip: number };
  warm: { profileVisible: Timing; threadVisible: Timing; requests: Record<string, number> };
  /** Klaviyo requests for one reply sent, by endpoint. */
  perReply: Record<string, number> | null;
  threadMessages: number;
  /** Asset files the first cold view fetched before the profile showed. */
  loadedBeforeProfile: string[];
  /** Every asset file any cold sidebar view fetched. */
  loadedInSidebar: string[];
  throttled: {
    profileRequests: number;
    windowMs: number;
    retryAfterSeconds: number;
    notice: string | null;
  } | null;
  notes: string[];
}

export interface BenchResult {
  /** Cores and 5-minute load average when the run ended. */
  machine?: { cores: number; loadAverage5m: number };
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
    assumptions: string[];
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

const LOCALE_CHUNK = /^(en|es|sv|ko)-[\w-]+\.js$/;
const SETUP_CHUNK = /^SetupRoot-[\w-]+\.js$/;

/** Gzip bytes of the JS files named, from the bundle's measured files. */
export function gzipOf(bundle: BundleReport, files: string[]): number {
  return [...bundle.initial, ...bundle.later]
    .filter((f) => f.kind === 'js' && files.includes(f.file))
    .reduce((n, f) => n + f.gzip, 0);
}

function timed(name: string, limitMs: number, limitText: string, t: Timing | undefined): Budget {
  const m = t?.median ?? null;
  return {
    name,
    limit: `≤ ${limitMs} ms (${limitText})`,
    measured: m === null ? 'not measured' : `${m} ms`,
    pass: m === null ? null : m <= limitMs,
  };
}

/** Together: the second request left before the first one's answer could be back (one round
 *  trip for both), and no profile search. */
function linkedInOneTrip(s: SeriesMeasure | undefined, rtt: number): Budget {
  const name = 'linked revisit: profile by id and events together, no profile search';
  const limit = `both requested < 1 round trip (${rtt} ms) apart, no GET /api/profiles`;
  if (!s) return { name, limit, measured: 'not measured', pass: null };
  const byId = s.requests['GET /api/profiles/{id}'] ?? 0;
  const events = s.requests['GET /api/events'] ?? 0;
  const search = s.requests['GET /api/profiles'] ?? 0;
  const spread = s.profileEventsSpreadMs.median;
  return {
    name,
    limit,
    measured: `${byId}× by id, ${events}× events, ${search}× search, ${spread ?? '?'} ms apart`,
    pass: byId === 1 && events >= 1 && search === 0 && spread !== null && spread < rtt,
  };
}

export function judgeBudgets(
  latencyMs: number,
  bundle: BundleReport,
  browser: BrowserReport | null,
  scenarios: ScenarioResult[] = [],
): Budget[] {
  const rtt = latencyMs;
  const b = browser;
  const budgets: Budget[] = [
    timed(
      'first Klaviyo request after the requester answer (1×)',
      10,
      'median',
      b?.cold.firstRequestAfterRequester,
    ),
    timed(
      'profile visible after the requester answer (1×)',
      rtt + 60,
      '1 round trip + 60 ms',
      b?.cold.profileAfterRequester,
    ),
    timed(
      'thread visible after the requester answer (1×)',
      2 * rtt + 60,
      '2 round trips + 60 ms',
      b?.cold.threadAfterRequester,
    ),
    timed(
      'linked: thread visible after the requester answer (1×)',
      rtt + 60,
      '1 round trip + 60 ms',
      b?.linked.threadAfterRequester,
    ),
    linkedInOneTrip(b?.linked, rtt),
  ];
  budgets.push({
    name: `long tasks while ticket ${b?.ticket ?? 101} renders (1×)`,
    limit: 'none > 50 ms',
    measured: b
      ? b.cold.longestTaskMs === 0
        ? 'none'
        : `longest ${b.cold.longestTaskMs} ms`
      : 'not measured',
    pass: b ? b.cold.longestTaskMs <= 50 : null,
  });
  const before = b ? gzipOf(bundle, b.loadedBeforeProfile) : null;
  budgets.push({
    name: 'JS before the profile shows (gzip)',
    limit: '≤ 120 KB',
    measured:
      before === null
        ? 'not measured'
        : `${kb(before)} KB (${b!.loadedBeforeProfile.filter((f) => f.endsWith('.js')).length} files)`,
    pass: before === null ? null : before <= 120 * 1024,
  });
  const locales = b ? b.loadedInSidebar.filter((f) => LOCALE_CHUNK.test(f)) : null;
  budgets.push({
    name: "only the agent's language loaded",
    limit: '1 language chunk',
    measured: locales === null ? 'not measured' : locales.join(', ') || 'none',
    pass: locales === null ? null : locales.length === 1,
  });
  const setup = b ? b.loadedInSidebar.filter((f) => SETUP_CHUNK.test(f)) : null;
  budgets.push({
    name: "the setup page's code in a sidebar",
    limit: 'never loaded',
    measured:
      setup === null
        ? 'not measured'
        : setup.length === 0
          ? 'not loaded'
          : `loaded: ${setup.join(', ')}`,
    pass: setup === null ? null : setup.length === 0,
  });
  const warm = b?.warm.profileVisible.median ?? null;
  const warmRequests = b ? total(b.warm.requests) : null;
  budgets.push({
    name: 'warm revisit',
    limit: '0 requests, < 50 ms',
    measured: warm === null ? 'not measured' : `${warmRequests} requests, ${warm} ms`,
    pass: warm === null ? null : warm < 50 && warmRequests === 0,
  });
  const ours = b?.cold.profileFromStart.median ?? null;
  const theirs = b?.scaffold.nameFromStart.median ?? null;
  const over = ours === null || theirs === null ? null : ours - theirs;
  budgets.push({
    name: "our profile visible minus the reference sidebar's name visible (1×)",
    limit: `≤ ${rtt + 30} ms (1 round trip + 30 ms)`,
    measured: over === null ? 'not measured' : `${over} ms (${ours} − ${theirs})`,
    pass: over === null ? null : over <= rtt + 30,
  });
  const team = scenarios.find((s) => s.agents === 1000);
  budgets.push({
    name: '1,000 agents, a ticket a minute each: every endpoint within its limit',
    limit: 'no endpoint over',
    measured: team
      ? team.withinLimits
        ? 'within'
        : `over: ${team.endpoints
            .filter((e) => !e.withinLimits)
            .map((e) => e.operationId)
            .join(', ')}`
      : 'not modelled',
    pass: team ? team.withinLimits : null,
  });
  return budgets;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, n) => a + n, 0);

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

function seriesCell(s: SeriesMeasure): string {
  return `first request +${ms(s.firstRequestAfterRequester)}; profile +${ms(s.profileAfterRequester)}; thread +${ms(s.threadAfterRequester)}; longest task ${s.longestTaskMs} ms; requests: ${fmtCounts(s.requests)}`;
}

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
  rows.push([
    'Klaviyo stand-in round trip',
    `${result.latencyMs} ms, ${result.runs} runs per series, medians, "+" = after the requester answer`,
  ]);
  if (result.machine) {
    const { cores, loadAverage5m } = result.machine;
    rows.push([
      'Machine',
      `${cores} cores, load average ${loadAverage5m} (5 min)${loadAverage5m > cores ? ': busy, timings not comparable with a quiet machine' : ''}`,
    ]);
  }
  if (b) {
    rows.push([`Cold, ticket ${b.ticket}, 1× CPU`, seriesCell(b.cold)]);
    rows.push(['Cold, linked profile, 1× CPU', seriesCell(b.linked)]);
    rows.push(['Cold, 4× CPU slowdown', seriesCell(b.cold4x)]);
    rows.push(['Cold, linked, 4× CPU slowdown', seriesCell(b.linked4x)]);
    rows.push([
      'From the frame’s start: our profile vs the reference sidebar’s name',
      `${ms(b.cold.profileFromStart)} vs ${ms(b.scaffold.nameFromStart)} (reference JS ${kb(b.scaffold.jsGzip)} KB gzip)`,
    ]);
    rows.push([
      'Warm revisit (same ticket again)',
      `profile ${ms(b.warm.profileVisible)}, thread ${ms(b.warm.threadVisible)}, requests: ${fmtCounts(b.warm.requests)}`,
    ]);
    if (b.perReply) rows.push(['Klaviyo requests per reply sent', fmtCounts(b.perReply)]);
    if (b.throttled) {
      rows.push([
        `Throttled (429, Retry-After ${b.throttled.retryAfterSeconds} s)`,
        `${b.throttled.profileRequests} profile request(s) in ${b.throttled.windowMs / 1000} s; ${b.throttled.notice ? 'notice shown' : 'no notice'}`,
      ]);
    }
    rows.push([
      'JS before the profile shows',
      `${kb(gzipOf(result.bundle, b.loadedBeforeProfile))} KB gzip: ${b.loadedBeforeProfile
        .filter((f) => f.endsWith('.js'))
        .map((f) => f.replace(/-[\w-]{8}\./, '.'))
        .join(', ')}`,
    ]);
  }
  const bu = result.bundle;
  rows.push([
    'Entry JS (index.html)',
    `${kb(bu.initialJs.raw)} KB raw, ${kb(bu.initialJs.gzip)} KB gzip`,
  ]);
  rows.push([
    'Loaded on demand',
    `${kb(bu.laterJs.raw + bu.laterCss.raw)} KB raw, ${kb(bu.laterJs.gzip + bu.laterCss.gzip)} KB gzip (${bu.later.map((f) => f.file.replace(/-[\w-]{8}\./, '.')).join(', ')})`,
  ]);
  for (const s of result.rateLimit.scenarios) {
    rows.push([
      `${s.agents} agents, ${s.viewsPerMinute} views/min (requests/min of limit)`,
      s.endpoints.map(scenarioCell).join('; ') +
        (s.ceiling ? `; ceiling ${s.ceiling.agents} agents (${s.ceiling.operationId} first)` : ''),
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
  lines.push(
    '',
    'Rate-limit model assumptions:',
    ...result.rateLimit.assumptions.map((a) => `- ${a}`),
  );
  return lines.join('\n');
}
