/**
 * The inbound path inside the local workspace, against the real Zendesk stand-in: the ZIS
 * stand-in registers its OAuth client there, the flow's calls carry the connection's bearer
 * token, and a customer's texts become one ticket with their comments; the run log is served
 * at `GET /__workspace/zis/runs`.
 */
import { join } from 'node:path';
import { buildInboundBundle } from '../../../src/inbound/bundle';
import { EVENT_TYPE, jobSpecName, SOURCE_SYSTEM } from '../../../src/inbound/names';
import type { Transport } from '../../../src/transport';
import {
  createAccessToken,
  createInboundWebhook,
  createIntegration,
  installJobSpec,
  startZendeskConnection,
  uploadBundle,
} from '../../../src/zendesk/zis';
import { loadWorkspaceOptions } from '../../../dev/workspace/config';
import { handleControl } from '../../../dev/workspace/control';
import { ZENDESK_BASE_URL } from '../../../dev/workspace/proxy';
import { readManifest } from '../../../dev/workspace/settings';
import { createWorkspaceState, type WorkspaceState } from '../../../dev/workspace/state';

const KEY = 'kfz_demo';
let state: WorkspaceState;

const transport = (): Transport => ({
  async send(request) {
    const response = await state.zendeskFetch(
      new Request(`${ZENDESK_BASE_URL}${request.url}`, {
        method: request.method,
        headers: request.headers ?? {},
        ...(request.body === undefined ? {} : { body: request.body }),
      }),
    );
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k] = v));
    return { status: response.status, headers, body: await response.text() };
  },
});

beforeEach(() => {
  const options = loadWorkspaceOptions([], { KLAVIYO_API_KEY: 'pk_test_x' });
  state = createWorkspaceState(readManifest(join(options.rootDir, 'manifest.json')), options);
  state.zendesk.currentUserId = [...state.zendesk.users.values()].find(
    (u) => u.role === 'admin',
  )!.id;
});

async function installZendeskSide() {
  const t = transport();
  const client = await createIntegration(t, KEY, 'test');
  const start = await startZendeskConnection(t, KEY, 'demo', `${ZENDESK_BASE_URL}/agent`);
  const flowToken = new URL(start.redirectUrl, ZENDESK_BASE_URL).searchParams.get('flow_token')!;
  await state.zendeskFetch(
    new Request(`${ZENDESK_BASE_URL}/api/services/zis/connections/oauth/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ flow_token: flowToken, decision: 'allow' }).toString(),
      redirect: 'manual',
    }),
  );
  const bundle = buildInboundBundle({
    key: KEY,
    smsTag: 'sms',
    mapping: { numbers: [], defaultBrandId: null },
    words: { subjectPrefix: 'SMS from', imageNotice: '[image]', unknownName: 'SMS customer' },
  });
  await uploadBundle(t, KEY, bundle);
  await installJobSpec(t, jobSpecName(KEY));
  const token = await createAccessToken(t, client!.id);
  const hook = await createInboundWebhook(t, KEY, token, SOURCE_SYSTEM, EVENT_TYPE);
  return (text: string) =>
    state.zendeskFetch(
      new Request(`${ZENDESK_BASE_URL}${hook.path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Basic ${Buffer.from(`${hook.username}:${hook.password}`).toString('base64')}`,
        },
        body: JSON.stringify({
          v: '1',
          profile_id: '01HNEWPROFILE',
          phone: '+14155550199',
          email: '',
          first_name: 'Noa',
          last_name: 'Levi',
          to: '',
          media_url: '',
          text,
        }),
      }),
    );
}

const smsTickets = () =>
  [...state.zendesk.tickets.values()].filter((t) => t.external_id === 'klaviyo-sms:01HNEWPROFILE');

describe('inbound SMS in the workspace', () => {
  it('turns a first and a second text into one ticket by the customer, with both as public comments', async () => {
    const ingest = await installZendeskSide();
    expect((await ingest('Hi, my parcel is late')).status).toBe(200);
    expect((await ingest('Any news? "order" #12')).status).toBe(200);

    const runs = (await handleControl(state, 'GET', '/zis/runs', async () => ({}))).body as {
      runs: Array<{ outcome: string; message: string; error: string | null }>;
    };
    expect(runs.runs.map((r) => [r.outcome, r.message, r.error])).toEqual([
      ['succeeded', 'Ticket created from the text', null],
      ['succeeded', 'Text added to the open SMS ticket', null],
    ]);
    const [ticket] = smsTickets();
    expect(smsTickets()).toHaveLength(1);
    expect(ticket!.tags).toEqual(expect.arrayContaining(['sms', 'klaviyo_sms_inbound']));
    const requester = state.zendesk.users.get(ticket!.requester_id)!;
    expect(requester.name).toBe('Noa Levi');
    const comments = state.zendesk.comments.get(ticket!.id)!;
    expect(comments.map((c) => [c.body, c.public, c.author_id])).toEqual([
      ['Hi, my parcel is late', true, requester.id],
      ['Any news? "order" #12', true, requester.id],
    ]);
  });

  it('files two texts sent at the same moment from a new number into one ticket, each text once', async () => {
    const ingest = await installZendeskSide();
    await Promise.all([ingest('first at once'), ingest('second at once')]);
    const tickets = smsTickets();
    expect(tickets).toHaveLength(1);
    const requester = state.zendesk.users.get(tickets[0]!.requester_id)!;
    const comments = state.zendesk.comments.get(tickets[0]!.id)!;
    expect(comments.map((c) => [c.body, c.public, c.author_id]).sort()).toEqual([
      ['first at once', true, requester.id],
      ['second at once', true, requester.id],
    ]);
    // Both runs looked before either created (ZIS has no lock): the younger ticket was folded in.
    expect(state.zendesk.deletedTickets.size).toBe(1);
    const runs = (await handleControl(state, 'GET', '/zis/runs', async () => ({}))).body as {
      runs: Array<{ outcome: string; message: string }>;
    };
    expect(runs.runs.map((r) => r.message).sort()).toEqual([
      'Text added to the SMS ticket another text opened at the same moment',
      'Ticket created from the text',
    ]);
  });

  it('still ends with one ticket and each text once when Zendesk throttles the twin’s deletion', async () => {
    const ingest = await installZendeskSide();
    state.zendesk.faults.rateLimit = {
      retryAfterSeconds: 1,
      times: 1,
      pathPattern: /\/tickets\/\d+\.json$/,
    };
    await Promise.all([ingest('first at once'), ingest('second at once')]);
    const tickets = smsTickets();
    expect(tickets).toHaveLength(1);
    const bodies = state.zendesk.comments.get(tickets[0]!.id)!.map((c) => c.body);
    expect(bodies.sort()).toEqual(['first at once', 'second at once']);
    expect(state.zendesk.faults.rateLimit.times).toBe(0);
  });

  it('adds a text once when Zendesk wrote the comment but answered 500, and ZIS reran the flow', async () => {
    const ingest = await installZendeskSide();
    await ingest('Hi, my parcel is late');
    state.zendesk.faults.serverError = {
      times: 1,
      method: 'PUT',
      pathPattern: /\/tickets\/\d+\.json$/,
      afterWrite: true,
    };
    expect((await ingest('Any news?')).status).toBe(200);
    const [ticket] = smsTickets();
    expect(state.zendesk.comments.get(ticket!.id)!.map((c) => c.body)).toEqual([
      'Hi, my parcel is late',
      'Any news?',
    ]);
    const runs = (await handleControl(state, 'GET', '/zis/runs', async () => ({}))).body as {
      runs: Array<{ outcome: string; message: string; attempts?: unknown }>;
    };
    expect(runs.runs.at(-1)!.message).toBe(
      'Skipped: this text is already the ticket’s newest comment (a rerun)',
    );
  });

  it('adds the same words again once the customer texts them after the rerun window', async () => {
    const ingest = await installZendeskSide();
    await ingest('ok');
    await ingest('ok');
    const [ticket] = smsTickets();
    const comments = state.zendesk.comments.get(ticket!.id)!;
    expect(comments.map((c) => c.body)).toEqual(['ok']);
    const before = new Date(Date.now() - 301_000).toISOString();
    comments[0]!.created_at = before;
    ticket!.created_at = before;
    await ingest('ok');
    expect(state.zendesk.comments.get(ticket!.id)!.map((c) => c.body)).toEqual(['ok', 'ok']);
  });
});
