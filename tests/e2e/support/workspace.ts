/**
 * Starts the local workspace for end-to-end tests, as `npm start` does (a child process running
 * dev/start.ts through tsx, on a free port), and drives its control API. dist/ must be built
 * (`npm test` and `npm run test:e2e` build first).
 */
import type { ExtraSeed } from '../../../dev/workspace/state';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRoot } from '../../../dev/workspace/config';

export interface StartOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Extra environment: KLAVIYO_UPSTREAM, KLAVIYO_LATENCY_MS, ZAF_SETTINGS, … */
  env?: Record<string, string>;
  /** How long to wait for the server to say it is ready. */
  timeoutMs?: number;
}

export interface Workspace {
  /** The agent workspace, e.g. http://localhost:41234/ */
  url: string;
  hostOrigin: string;
  appOrigin: string;
  /** `?ticket=101` etc. on the workspace URL. */
  ticketUrl(id: number | string): string;
  control: WorkspaceControl;
  stop(): Promise<void>;
  /** Everything the server printed (for failure messages). */
  output(): string;
}

export interface WorkspaceControl {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  delete<T = unknown>(path: string): Promise<T>;
  reset(): Promise<void>;
  /** Adds records to the demo data, kept across resets (see dev/README.md, `POST /seed`). */
  seed(seed: ExtraSeed): Promise<void>;
  setSettings(settings: Record<string, unknown>): Promise<void>;
  setKlaviyoLatency(ms: number): Promise<void>;
  addKlaviyoFault(fault: Record<string, unknown>): Promise<void>;
  klaviyoRequests(): Promise<KlaviyoRequest[]>;
  proxyRequests(): Promise<ProxyRequest[]>;
  ticket(id: number): Promise<{ ticket: Record<string, unknown>; comments: ZendeskComment[] }>;
}

export interface KlaviyoRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

export interface ProxyRequest {
  method: string;
  url: string;
  secure: boolean;
  target: 'zendesk' | 'klaviyo' | 'other' | 'refused';
  status: number;
  headers: Record<string, string>;
  refusal?: string;
}

export interface ZendeskComment {
  id: number;
  body: string;
  public: boolean;
  author_id: number;
}

const READY = /Local Zendesk workspace: (http:\/\/localhost:\d+\/)/;

export async function startWorkspace(options: StartOptions = {}): Promise<Workspace> {
  const root = findRoot();
  if (!existsSync(join(root, 'dist', 'assets', 'index.html'))) {
    throw new Error('dist/ is not built: run `npm run build` before the end-to-end tests.');
  }
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join('dev', 'start.ts'), '--port', String(options.port ?? 0)],
    {
      cwd: root,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The workspace did not start in time. Output:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const onData = () => {
      const m = READY.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`The workspace exited (code ${code}) before it was ready. Output:\n${output}`),
      );
    });
  });
  const hostOrigin = url.replace(/\/$/, '');
  const appOrigin = hostOrigin.replace('localhost', '127.0.0.1');

  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${hostOrigin}/__workspace${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T;
    if (!response.ok) {
      throw new Error(
        `${method} /__workspace${path} → ${response.status}: ${JSON.stringify(json)}`,
      );
    }
    return json;
  };
  const control: WorkspaceControl = {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    delete: (path) => call('DELETE', path),
    reset: async () => void (await call('POST', '/reset', {})),
    seed: async (seed) => void (await call('POST', '/seed', seed)),
    setSettings: async (settings) => void (await call('POST', '/settings', settings)),
    setKlaviyoLatency: async (ms) => void (await call('POST', '/klaviyo/latency', { ms })),
    addKlaviyoFault: async (fault) => void (await call('POST', '/klaviyo/faults', fault)),
    klaviyoRequests: async () =>
      (await call<{ requests: KlaviyoRequest[] }>('GET', '/klaviyo/requests')).requests,
    proxyRequests: async () =>
      (await call<{ requests: ProxyRequest[] }>('GET', '/proxy/requests')).requests,
    ticket: (id) => call('GET', `/zendesk/tickets/${id}`),
  };

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    hostOrigin,
    appOrigin,
    ticketUrl: (id) => `${hostOrigin}/?ticket=${id}`,
    control,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
