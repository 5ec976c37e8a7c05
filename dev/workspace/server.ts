/**
 * The local workspace server (plain node:http). Two origins on one port, as in Zendesk where the
 * app's iframe is cross-origin to the agent interface:
 *
 *   http://localhost:PORT/         the agent workspace (host page), its Zendesk API (/api/v2/...),
 *                                  the emulated ZAF request proxy (/__zaf/request) and the control
 *                                  API (/__workspace/*)
 *   http://127.0.0.1:PORT/app/...  the built app (dist/), loaded in the sidebar iframe
 *
 * It listens on the loopback interface only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ZafRequestOptions } from '../../src/zaf/types';
import type { WorkspaceOptions } from './config';
import { handleControl } from './control';
import { bundleHost, type HostAssets } from './host-bundle';
import { hostPage } from './html';
import { APP_ID, INSTALLATION_ID } from './installations';
import { proxyRequest, ZENDESK_BASE_URL } from './proxy';
import { publicSettings, readManifest } from './settings';
import { createWorkspaceState, type WorkspaceState } from './state';

export interface WorkspaceServer {
  /** The agent workspace: open this. */
  url: string;
  port: number;
  hostOrigin: string;
  appOrigin: string;
  state: WorkspaceState;
  close(): Promise<void>;
}

/** Ids Zendesk would give the installed app; stable so screenshots and tests can rely on them. */

const MAX_BODY = 5 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, status, JSON.stringify(body, null, 2), {
    'Content-Type': 'application/json; charset=utf-8',
  });
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

export async function startWorkspaceServer(options: WorkspaceOptions): Promise<WorkspaceServer> {
  const manifest = readManifest(join(options.rootDir, 'manifest.json'));
  const state = createWorkspaceState(manifest, options);
  const distDir = join(options.rootDir, 'dist');
  const assets: HostAssets = await bundleHost(options.rootDir);
  let hostOrigin = '';
  let appOrigin = '';
  let port = 0;

  const proxyContext = {
    settings: () => state.settings,
    parameters: manifest.parameters,
    domainWhitelist: manifest.domainWhitelist,
    zendesk: (request: Request) => state.zendeskFetch(request),
    klaviyo: (request: Request) => state.klaviyoFetch(request),
    klaviyoUpstream: options.klaviyoUpstream,
    recordFile: options.recordFile,
    log: state.proxyLog,
  };

  function hostConfig() {
    return {
      hostOrigin,
      appOrigin,
      subdomain: state.zendesk.subdomain,
      distReady: existsSync(join(distDir, 'assets', 'index.html')),
      saveHookTimeoutMs: state.saveHookTimeoutMs,
      klaviyo: options.klaviyoUpstream ?? 'built-in stand-in',
      app: {
        appId: APP_ID,
        installationId: INSTALLATION_ID,
        name: manifest.name,
        version: manifest.version,
        // Zendesk sends non-secure settings only, plus the installation's title.
        settings: { title: manifest.name, ...publicSettings(state.settings, manifest.parameters) },
        locations: Object.fromEntries(
          Object.entries(manifest.location.support).map(([name, l]) => [
            name,
            { url: `${appOrigin}/app/${l.url}`, flexible: l.flexible !== false },
          ]),
        ),
      },
    };
  }

  function serveDist(res: ServerResponse, pathname: string) {
    const relative = decodeURIComponent(pathname.slice('/app/'.length));
    const file = normalize(join(distDir, relative));
    if (!file.startsWith(distDir + sep)) throw new HttpError(404, 'Not found');
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (!existsSync(join(distDir, 'assets', 'index.html'))) {
        throw new HttpError(404, 'dist/ is not built: run `npm run build` (npm start does it).');
      }
      throw new HttpError(404, `Not found in dist/: ${relative}`);
    }
    send(res, 200, readFileSync(file), {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    });
  }

  async function serveZendeskApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const hasBody = !['GET', 'HEAD'].includes(req.method ?? 'GET');
    const body = hasBody ? await readBody(req) : undefined;
    const headers = new Headers();
    const type = req.headers['content-type'];
    if (type) headers.set('Content-Type', type);
    // The agent interface's own calls: Zendesk records their changes as made `via` the web.
    const response = await state.zendeskFetch(
      new Request(`${ZENDESK_BASE_URL}${url.pathname}${url.search}`, {
        method: req.method ?? 'GET',
        headers,
        ...(hasBody ? { body } : {}),
      }),
      'web',
    );
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!['content-length', 'transfer-encoding', 'connection'].includes(key)) out[key] = value;
    });
    send(res, response.status, Buffer.from(await response.arrayBuffer()), out);
  }

  /** Only the host page (or a non-browser client) may use the proxy and the control API. */
  function checkCaller(req: IncomingMessage) {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== hostOrigin) {
      throw new HttpError(403, `Requests from ${origin} are not accepted here.`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    const url = new URL(req.url ?? '/', `http://${hostHeader || 'localhost'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const onAppOrigin = url.hostname === '127.0.0.1';
    const path = url.pathname;

    if (onAppOrigin) {
      if (path.startsWith('/app/') && (method === 'GET' || method === 'HEAD')) {
        serveDist(res, path);
        return;
      }
      if (path === '/' || path === '') {
        send(res, 302, '', { Location: `${hostOrigin}/` });
        return;
      }
      throw new HttpError(404, 'Not found (the app origin serves /app/ only).');
    }

    if (path.startsWith('/__workspace')) {
      checkCaller(req);
      const answer = await handleControl(state, method, path.slice('/__workspace'.length), () =>
        readJsonBody(req),
      );
      sendJson(res, answer.status, answer.body);
      return;
    }
    if (path === '/__zaf/request') {
      checkCaller(req);
      if (method !== 'POST') throw new HttpError(405, 'POST only');
      if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
        throw new HttpError(415, 'Content-Type must be application/json');
      }
      const body = (await readJsonBody(req)) as { options?: ZafRequestOptions | string };
      if (!body || (typeof body.options !== 'string' && typeof body.options?.url !== 'string')) {
        throw new HttpError(400, 'Expected {"options": {"url": ...}}');
      }
      sendJson(res, 200, await proxyRequest(proxyContext, body.options));
      return;
    }
    if (path === '/__host/config') {
      sendJson(res, 200, hostConfig());
      return;
    }
    if (path === '/__host/host.js') {
      send(res, 200, assets.script, { 'Content-Type': CONTENT_TYPES['.js']! });
      return;
    }
    if (path === '/__host/host.css') {
      send(res, 200, assets.css, { 'Content-Type': CONTENT_TYPES['.css']! });
      return;
    }
    if (path.startsWith('/api/')) {
      checkCaller(req);
      await serveZendeskApi(req, res, url);
      return;
    }
    if (path.startsWith('/app/')) {
      throw new HttpError(
        404,
        `The app is served from ${appOrigin}/app/ (another origin, as in Zendesk).`,
      );
    }
    if (path === '/favicon.ico') {
      send(res, 204, '');
      return;
    }
    if (method === 'GET' && (path === '/' || path.startsWith('/agent'))) {
      if (url.origin !== hostOrigin) {
        send(res, 302, '', { Location: `${hostOrigin}${path}${url.search}` });
        return;
      }
      send(res, 200, hostPage(), { 'Content-Type': CONTENT_TYPES['.html']! });
      return;
    }
    throw new HttpError(404, 'Not found');
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error('workspace:', error);
      if (!res.headersSent) sendJson(res, status, { error: message });
      else res.end();
    });
  };

  const servers: Server[] = [createServer(onRequest)];
  port = await listen(servers[0]!, options.port, '127.0.0.1');
  // `localhost` may resolve to ::1 first: answer there too when the system has IPv6 loopback.
  const v6 = createServer(onRequest);
  try {
    await listen(v6, port, '::1');
    servers.push(v6);
  } catch {
    // no IPv6 loopback, or the port is taken there: browsers fall back to 127.0.0.1
  }
  hostOrigin = `http://localhost:${port}`;
  appOrigin = `http://127.0.0.1:${port}`;

  return {
    url: `${hostOrigin}/`,
    port,
    hostOrigin,
    appOrigin,
    state,
    async close() {
      await Promise.all(servers.map(closeServer));
    },
  };
}
