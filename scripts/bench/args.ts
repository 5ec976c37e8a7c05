/** `npm run bench` flags: --runs N (5), --latency MS (100), --out FILE (bench-results/latest.json). */

export interface BenchArgs {
  runs: number;
  latencyMs: number;
  out: string;
  /** Skip the browser measurements (bundle and rate-limit model only). */
  noBrowser: boolean;
}

export class BenchArgsError extends Error {
  override readonly name = 'BenchArgsError';
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    runs: 5,
    latencyMs: 100,
    out: 'bench-results/latest.json',
    noBrowser: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [name, inline] = raw.includes('=')
      ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)]
      : [raw, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new BenchArgsError(`${name} needs a value.`);
      return v;
    };
    const whole = (v: string, min: number) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) {
        throw new BenchArgsError(`${name} must be a whole number ≥ ${min}, not "${v}".`);
      }
      return n;
    };
    switch (name) {
      case '--runs':
        args.runs = whole(value(), 1);
        break;
      case '--latency':
        args.latencyMs = whole(value(), 0);
        break;
      case '--out':
        args.out = value();
        break;
      case '--no-browser':
        args.noBrowser = true;
        break;
      default:
        throw new BenchArgsError(
          `Unknown option "${raw}". Use --runs N, --latency MS, --out FILE, --no-browser.`,
        );
    }
  }
  return args;
}
