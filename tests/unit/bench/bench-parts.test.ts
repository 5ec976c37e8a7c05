import { BenchArgsError, parseBenchArgs } from '../../../scripts/bench/args';
import { initialAssets } from '../../../scripts/bench/bundle';
import { judgeBudgets, type BrowserReport } from '../../../scripts/bench/report';
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
  const bundle = (gzip: number): BundleReport => ({
    initial: [],
    later: [],
    initialJs: { raw: gzip * 3, gzip },
    initialCss: { raw: 0, gzip: 0 },
    laterJs: { raw: 0, gzip: 0 },
    laterCss: { raw: 0, gzip: 0 },
  });
  const browser = (over: Partial<BrowserReport>): BrowserReport => ({
    ticket: 101,
    coldPhases: null,
    cold: {
      profileVisible: { runs: [300], median: 300 },
      threadVisible: { runs: [400], median: 400 },
      requests: { 'GET /api/profiles': 1, 'GET /api/events': 1 },
    },
    warm: {
      profileVisible: { runs: [20], median: 20 },
      threadVisible: { runs: [20], median: 20 },
      requests: {},
    },
    perReply: null,
    longTasksMs: [],
    longTaskDetail: [],
    threadMessages: 50,
    loadedBeforeProfile: { files: [], rawBytes: 0 },
    throttled: null,
    notes: [],
    ...over,
  });

  it('passes a fast, frugal app and fails each budget it breaks', () => {
    const good = judgeBudgets(100, bundle(100 * 1024), browser({}));
    expect(good.map((b) => b.pass)).toEqual([true, true, true, true, true]);

    const bad = judgeBudgets(
      100,
      bundle(151 * 1024),
      browser({
        cold: {
          profileVisible: { runs: [351], median: 351 },
          threadVisible: { runs: [500], median: 500 },
          requests: { 'GET /api/profiles': 1, 'GET /api/profiles/{id}/conversations': 1 },
        },
        warm: {
          profileVisible: { runs: [51], median: 51 },
          threadVisible: { runs: [51], median: 51 },
          requests: {},
        },
        longTasksMs: [12, 60],
      }),
    );
    expect(bad.map((b) => b.pass)).toEqual([false, false, false, false, false]);
  });

  it('says "not measured" instead of passing when the browser part did not run', () => {
    const budgets = judgeBudgets(100, bundle(1), null);
    expect(budgets.filter((b) => b.pass === null).map((b) => b.measured)).toEqual([
      'not measured',
      'not measured',
      'not measured',
      'not measured',
    ]);
  });
});
