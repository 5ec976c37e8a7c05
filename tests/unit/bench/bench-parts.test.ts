import { BenchArgsError, parseBenchArgs } from '../../../scripts/bench/args';
import { initialAssets } from '../../../scripts/bench/bundle';
import {
  judgeBudgets,
  type BrowserReport,
  type SeriesMeasure,
} from '../../../scripts/bench/report';
import type { BundleReport } from '../../../scripts/bench/bundle';

describe('bench flags', () => {
  it('defaults to 5 runs, 100 ms and bench-results/latest.json', () => {
    expect(parseBenchArgs([])).toEqual({
      runs: 5,
      latencyMs: 100,
      out: 'bench-results/latest.json',
      noBrowser: false,
    });
  });

  it('reads --runs, --latency and --out in both spellings', () => {
    expect(parseBenchArgs(['--runs', '3', '--latency=250', '--out', 'x.json'])).toMatchObject({
      runs: 3,
      latencyMs: 250,
      out: 'x.json',
    });
  });

  it('refuses bad values and unknown flags with a message that says what is allowed', () => {
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/--runs must be a whole number ≥ 1/);
    expect(() => parseBenchArgs(['--latency'])).toThrow(BenchArgsError);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/Unknown option "--fast"/);
  });
});

describe('what index.html loads up front', () => {
  it('counts module scripts, modulepreloads and stylesheets, not icons or remote files', () => {
    const html = `<!doctype html><head>
      <script type="module" crossorigin src="./index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="./vendor-def.js">
      <link rel="stylesheet" href="./index-ghi.css">
      <link rel="icon" href="./logo.png">
      <script src="https://cdn.example.com/x.js"></script>
    </head>`;
    expect(initialAssets(html)).toEqual(['index-abc.js', 'vendor-def.js', 'index-ghi.css']);
  });
});

describe('budgets', () => {
  const files = (gzipKb: number): BundleReport['later'] => [
    { file: 'index-abcdefgh.js', kind: 'js', raw: 1, gzip: gzipKb * 512 },
    { file: 'mount-abcdefgh.js', kind: 'js', raw: 1, gzip: gzipKb * 512 },
  ];
  const bundle = (gzipKb: number): BundleReport => ({
    initial: files(gzipKb).slice(0, 1),
    later: [
      ...files(gzipKb).slice(1),
      { file: 'en-abcdefgh.js', kind: 'js', raw: 1, gzip: 0 },
      { file: 'SetupRoot-abcdefgh.js', kind: 'js', raw: 1, gzip: 10 },
    ],
    initialJs: { raw: 1, gzip: gzipKb * 512 },
    initialCss: { raw: 0, gzip: 0 },
    laterJs: { raw: 1, gzip: gzipKb * 512 },
    laterCss: { raw: 0, gzip: 0 },
  });
  const t = (ms: number) => ({ runs: [ms], median: ms });
  const series = (over: Partial<SeriesMeasure> = {}): SeriesMeasure => ({
    runs: 1,
    cpuRate: 1,
    linked: false,
    firstRequestAfterRequester: t(3),
    profileAfterRequester: t(150),
    threadAfterRequester: t(250),
    profileFromStart: t(400),
    longestTaskMs: 30,
    longTasks: [],
    requests: { 'GET /api/profiles': 1, 'GET /api/events': 1 },
    profileEventsSpreadMs: t(100),
    ...over,
  });
  const linked = series({
    linked: true,
    threadAfterRequester: t(150),
    requests: { 'GET /api/profiles/{id}': 1, 'GET /api/events': 1 },
    profileEventsSpreadMs: t(2),
  });
  const browser = (over: Partial<BrowserReport> = {}): BrowserReport => ({
    ticket: 101,
    cold: series(),
    linked,
    cold4x: series({ cpuRate: 4 }),
    linked4x: { ...linked, cpuRate: 4 },
    scaffold: { nameFromStart: t(300), jsGzip: 1 },
    warm: { profileVisible: t(20), threadVisible: t(20), requests: {} },
    perReply: null,
    threadMessages: 50,
    loadedBeforeProfile: ['index-abcdefgh.js', 'mount-abcdefgh.js', 'en-abcdefgh.js'],
    loadedInSidebar: ['index-abcdefgh.js', 'mount-abcdefgh.js', 'en-abcdefgh.js'],
    throttled: null,
    notes: [],
    ...over,
  });

  it('passes a fast, frugal app on every budget', () => {
    const budgets = judgeBudgets(100, bundle(100), browser());
    expect(budgets.filter((b) => b.pass !== true).map((b) => b.name)).toEqual([
      // No rate-limit scenarios were given.
      '1,000 agents, a ticket a minute each: every endpoint within its limit',
    ]);
  });

  it('fails each budget the app breaks, in ratio to the round trip', () => {
    const bad = judgeBudgets(
      100,
      bundle(130),
      browser({
        cold: series({
          firstRequestAfterRequester: t(61),
          profileAfterRequester: t(161),
          threadAfterRequester: t(261),
          profileFromStart: t(431),
          longestTaskMs: 88,
        }),
        linked: { ...linked, threadAfterRequester: t(161), requests: { 'GET /api/profiles': 1 } },
        warm: { profileVisible: t(20), threadVisible: t(20), requests: { 'GET /api/events': 1 } },
        loadedInSidebar: ['en-abcdefgh.js', 'es-abcdefgh.js', 'SetupRoot-abcdefgh.js'],
      }),
    );
    expect(bad.filter((b) => b.pass === true).map((b) => b.name)).toEqual([]);
    // The same figures pass with a slower round trip: the budgets are ratios to it.
    const slow = judgeBudgets(
      300,
      bundle(100),
      browser({ cold: series({ profileAfterRequester: t(355) }) }),
    );
    expect(slow.find((b) => b.name.startsWith('profile visible'))!.pass).toBe(true);
  });

  it('says "not measured" instead of passing when the browser part did not run', () => {
    const budgets = judgeBudgets(100, bundle(1), null);
    expect(budgets.every((b) => b.pass === null)).toBe(true);
    expect(new Set(budgets.map((b) => b.measured.startsWith('not ')))).toEqual(new Set([true]));
  });
});
