import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import manifest from '../../../manifest.json';
import type { ManifestParameter } from '../../../dev/zaf-proxy/rules';
import { proxyRequest, type ProxyContext } from '../../../dev/workspace/proxy';

const KEY = 'pk_test_never_in_the_browser';
const PLACEHOLDER = 'Klaviyo-API-Key {{setting.klaviyo_api_key}}';

let dir: string;
let seen: Request[];
let klaviyoAnswer: () => Response;

function context(overrides: Partial<ProxyContext> = {}): ProxyContext {
  return {
    settings: () => ({ klaviyo_api_key: KEY, reply_mode: 'conversations' }),
    parameters: manifest.parameters as ManifestParameter[],
    domainWhitelist: manifest.domainWhitelist,
    zendesk: async (request) => {
      seen.push(request);
      return Response.json({ user: { id: 1 } });
    },
    klaviyo: async (request) => {
      seen.push(request);
      return klaviyoAnswer();
    },
    klaviyoUpstream: null,
    recordFile: join(dir, 'klaviyo.jsonl'),
    log: [],
    ...overrides,
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workspace-proxy-'));
  seen = [];
  klaviyoAnswer = () => Response.json({ data: [] }, { headers: { 'Retry-After': '3' } });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const accounts = {
  url: 'https://a.klaviyo.com/api/accounts',
  headers: { Authorization: PLACEHOLDER, revision: '2026-07-15' },
};

describe('the workspace’s emulated ZAF proxy', () => {
  it('sends the key upstream for a secure request, and never writes it to its log or record file', async () => {
    const ctx = context();
    const answer = await proxyRequest(ctx, { ...accounts, secure: true });
    expect(answer.status).toBe(200);
    expect(answer.headers['retry-after']).toBe('3');
    expect(seen[0]!.headers.get('authorization')).toBe(`Klaviyo-API-Key ${KEY}`);
    const recorded = readFileSync(join(dir, 'klaviyo.jsonl'), 'utf8');
    expect(recorded).not.toContain(KEY);
    expect(JSON.parse(recorded.trim())).toMatchObject({
      method: 'GET',
      url: 'https://a.klaviyo.com/api/accounts',
      headers: { Authorization: 'Klaviyo-API-Key [redacted]', revision: '2026-07-15' },
      status: 200,
    });
    expect(JSON.stringify(ctx.log)).not.toContain(KEY);
  });

  it('never writes a webhook key the setup page sends to Zendesk to its log', async () => {
    const WEBHOOK_KEY = 'pk_test_webhook_key_never_shown';
    const ctx = context();
    await proxyRequest(ctx, {
      url: '/api/v2/webhooks',
      type: 'POST',
      contentType: 'application/json',
      data: JSON.stringify({
        webhook: {
          name: 'Klaviyo: ticket metrics',
          authentication: {
            type: 'api_key',
            add_position: 'header',
            data: { name: 'Authorization', value: `Klaviyo-API-Key ${WEBHOOK_KEY}` },
          },
        },
      }),
    });
    expect(seen).toHaveLength(1);
    expect(await seen[0]!.text()).toContain(WEBHOOK_KEY);
    expect(ctx.log).toHaveLength(1);
    expect(JSON.stringify(ctx.log)).not.toContain(WEBHOOK_KEY);
  });

  it('leaves the placeholder literal in a request without secure: true', async () => {
    klaviyoAnswer = () => Response.json({ errors: [{ status: 401 }] }, { status: 401 });
    const answer = await proxyRequest(context(), accounts);
    expect(seen[0]!.headers.get('authorization')).toBe(PLACEHOLDER);
    expect(answer.status).toBe(401);
  });

  it('leaves the placeholder literal in a cors: true request, which Zendesk sends from the browser, not its proxy', async () => {
    klaviyoAnswer = () => Response.json({ errors: [{ status: 401 }] }, { status: 401 });
    const answer = await proxyRequest(context(), { ...accounts, secure: true, cors: true });
    expect(seen[0]!.headers.get('authorization')).toBe(PLACEHOLDER);
    expect(answer.status).toBe(401);
  });

  it('refuses a secure request to a host outside domainWhitelist without sending anything', async () => {
    const ctx = context();
    const answer = await proxyRequest(ctx, {
      url: 'https://evil.example.com/steal',
      headers: { Authorization: PLACEHOLDER },
      secure: true,
    });
    expect(answer).toMatchObject({ status: 403, failure: 'refused' });
    expect(JSON.parse(answer.responseText).error).toContain('evil.example.com');
    expect(seen).toHaveLength(0);
    expect(ctx.log[0]).toMatchObject({ target: 'refused', status: 403 });
  });

  it('sends relative URLs to the Zendesk account as the agent', async () => {
    const answer = await proxyRequest(context(), '/api/v2/users/me.json');
    expect(seen[0]!.url).toBe('https://demo.zendesk.com/api/v2/users/me.json');
    expect(answer.status).toBe(200);
  });

  it('reports a dropped Klaviyo connection as a network failure (status 0)', async () => {
    klaviyoAnswer = () => Response.error();
    const answer = await proxyRequest(context(), { ...accounts, secure: true });
    expect(answer).toMatchObject({ status: 0, failure: 'network' });
  });
});
