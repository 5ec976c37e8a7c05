import type { HttpRequest, HttpResponse, Transport } from '../../../src/transport';
import { startSidebarData } from '../../../src/ui/sidebar/headstart';
import { bootstrapZaf } from '../../../src/zaf/bootstrap';
import { createFakeZafClient } from '../../support/fakeZafClient';

const MARIA = '01DEMOMARIA000000000000000';
const requester = {
  id: 1101,
  name: 'Maria Garcia',
  email: 'maria.garcia@example.com',
  phone: '+14155550101',
};
const onTicket = () => createFakeZafClient({ data: { 'ticket.requester': requester } });

function countingGets(client: ReturnType<typeof createFakeZafClient>) {
  const calls: Array<string | string[]> = [];
  const get = client.get.bind(client);
  client.get = (paths) => {
    calls.push(paths);
    return get(paths);
  };
  return calls;
}

/** Records what leaves for Klaviyo; answers nothing (the test is about when requests leave). */
function recordingTransport(): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    send: (request) => {
      sent.push(request);
      return new Promise<HttpResponse>(() => undefined);
    },
  };
}

describe('bootstrap', () => {
  it('reads the agent and the ticket requester in one get, one round trip to the host', async () => {
    const client = onTicket();
    const gets = countingGets(client);
    const zaf = await bootstrapZaf(client);
    expect(gets).toHaveLength(1);
    expect(gets[0]).toEqual(expect.arrayContaining(['currentUser', 'ticket.requester']));
    expect(zaf.firstRead?.result['ticket.requester']).toBeDefined();
    expect(zaf.firstRead?.stale).toBe(false);
  });

  it('marks that read stale when Zendesk says the requester changed before the sidebar mounts', async () => {
    const client = onTicket();
    const zaf = await bootstrapZaf(client);
    await client.emit('ticket.requester.id.changed');
    expect(zaf.firstRead?.stale).toBe(true);
  });

  it('reads only the agent on the setup page', async () => {
    const client = createFakeZafClient({ context: { location: 'nav_bar' } });
    const gets = countingGets(client);
    const zaf = await bootstrapZaf(client);
    expect(gets).toEqual([['currentUser']]);
    expect(zaf.firstRead).toBeUndefined();
  });
});

describe('the head start', () => {
  const klaviyoPaths = (sent: HttpRequest[]) =>
    sent.map((r) => `${r.method} ${new URL(r.url).pathname}`).sort();

  it('sends the profile lookup the moment the requester is known, before any UI', async () => {
    const zaf = await bootstrapZaf(onTicket());
    const transport = recordingTransport();
    startSidebarData({ ...zaf, transport });
    await Promise.resolve();
    expect(klaviyoPaths(transport.sent)).toEqual(['GET /api/profiles']);
    expect(transport.sent[0]!.secure).toBe(true);
  });

  it('asks for a linked profile and its events together, without a profile search', async () => {
    const client = onTicket();
    const zaf = await bootstrapZaf(client);
    const result = {
      ...zaf.firstRead!.result,
      'ticket.requester.customField:klaviyo_profile_id': MARIA,
    };
    const transport = recordingTransport();
    startSidebarData({ ...zaf, transport, firstRead: { result, stale: false } });
    await Promise.resolve();
    expect(klaviyoPaths(transport.sent)).toEqual(['GET /api/events', `GET /api/profiles/${MARIA}`]);
  });
});
