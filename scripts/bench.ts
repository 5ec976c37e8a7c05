/**
 * `npm run bench` (after `npm run build`): speed and rate-limit figures for the built app.
 *
 *   --runs N        cold/warm runs per measure (default 5; the median is reported)
 *   --latency MS    Klaviyo stand-in round trip (default 100)
 *   --out FILE      JSON result (default bench-results/latest.json); a markdown table goes beside it
 *   --no-browser    only the bundle sizes and the rate-limit model
 *
 * Prints a table and one PASS/FAIL line per budget. Exits 0 even when a budget fails: this is a
 * measurement, not a test (the exit code is 2 only when it could not run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BenchArgsError, parseBenchArgs } from './bench/args';
import { measureBundle } from './bench/bundle';
import {
  defaultTeamModel,
  loadLimits,
  modelAssumptions,
  simulate,
  throttlePolicy,
} from './bench/ratelimit';
import { budgetLines, judgeBudgets, markdownTable, type BenchResult } from './bench/report';
import { measureInBrowser } from './bench/browser';
import { buildScaffold } from './bench/scaffold';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  const assets = join(root, 'dist', 'assets');
  if (!existsSync(join(assets, 'index.html'))) {
    throw new Error(
      'dist/assets/index.html is missing: run `npm run build` first (npm run bench does).',
    );
  }

  console.log(`Bundle: measuring ${assets}`);
  const bundle = measureBundle(assets);

  const limitsFile = resolve(root, '..', 'shared', 'klaviyo-openapi', 'README.md');
  const limits = loadLimits(existsSync(limitsFile) ? readFileSync(limitsFile, 'utf8') : null);
  if (limits.note) console.log(`Rate limits: ${limits.note}`);

  let browser = null;
  if (!args.noBrowser) {
    console.log(
      `Browser: ${args.runs} runs, Klaviyo round trip ${args.latencyMs} ms (headless Chromium)…`,
    );
    const scaffold = await buildScaffold(root);
    browser = await measureInBrowser({ runs: args.runs, latencyMs: args.latencyMs, scaffold });
  }
  // The model follows what the app did: when a warm view still sent requests, revisits cost.
  const warmRequests = browser
    ? Object.values(browser.warm.requests).reduce((a, b) => a + b, 0)
    : 0;
  const revisitsRefetch = warmRequests > 0;
  const modelNote = revisitsRefetch
    ? `a warm view sent ${warmRequests} Klaviyo request(s) in the browser, so the model counts every revisit as a full view`
    : null;
  // A reply that did not look the conversation up (its id remembered) costs one call, not two.
  const lookups = browser?.perReply
    ? (browser.perReply['GET /api/profiles/{id}/conversations'] ?? 0)
    : defaultTeamModel(1).conversationLookupShare;
  const model = (agents: number) => ({
    ...defaultTeamModel(agents),
    revisitsRefetch,
    conversationLookupShare: lookups,
  });
  const scenarios = [50, 200, 1000].map((agents) => simulate(model(agents), limits.limits));

  // The machine's load over the last 5 minutes: timings from a busy machine are not comparable.
  const machine = { cores: cpus().length, loadAverage5m: Math.round(loadavg()[1]! * 10) / 10 };
  const result: BenchResult = {
    machine,
    commit: git(['rev-parse', 'HEAD']),
    dirty: (git(['status', '--porcelain']) ?? '') !== '',
    timestamp: new Date().toISOString(),
    latencyMs: args.latencyMs,
    runs: args.runs,
    bundle,
    browser,
    rateLimit: {
      limitsSource: limits.source,
      limitsNote: limits.note,
      scenarios,
      throttle: throttlePolicy(),
      assumptions: modelAssumptions(model(1000)),
      note: modelNote,
    },
    budgets: judgeBudgets(args.latencyMs, bundle, browser, scenarios),
  };

  const out = resolve(root, args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  const table = markdownTable(result);
  const tableFile = out.replace(/\.json$/, '') + '.md';
  writeFileSync(tableFile, `${table}\n`);

  console.log('');
  console.log(table);
  console.log('');
  console.log(
    'Rate-limit budget per endpoint (requests per minute vs limit, busiest second vs burst):',
  );
  for (const s of scenarios) {
    console.log(
      `  ${s.agents} agents (${Math.round(s.linkedShare * 100)}% of views linked; ceiling ${s.ceiling ? `${s.ceiling.agents} agents, ${s.ceiling.operationId} first` : 'none'}):`,
    );
    for (const e of s.endpoints) {
      console.log(
        `    ${e.route.padEnd(42)} ${String(e.perMinute).padStart(7)}/min of ${String(e.steadyLimitPerMinute).padStart(5)} (headroom ${e.steadyHeadroomPct}%), peak ${e.peakPerSecond}/s of ${e.burstLimitPerSecond}/s, serves ≤ ${e.maxAgents} agents`,
      );
    }
  }
  console.log(`  When throttled: ${result.rateLimit.throttle.summary}`);
  if (browser?.notes.length) {
    console.log('');
    for (const note of browser.notes) console.log(`Note: ${note}`);
  }
  console.log('');
  for (const line of budgetLines(result.budgets)) console.log(line);
  console.log('');
  console.log(`Wrote ${out} and ${tableFile}`);
}

main().catch((error: unknown) => {
  if (error instanceof BenchArgsError) console.error(error.message);
  else console.error(error);
  process.exitCode = 2;
});
