/**
 * The whole loop as Zendesk would run it: provisioning → a ticket is created or closed → the
 * trigger's body rendered by Liquid → sent with the webhook's key → the Klaviyo stand-in records
 * the event (or refuses it) → the invocation is listed with its status.
 */
import { klaviyoHandlers, createKlaviyoStore, demoKlaviyoSeed } from '../../../dev/klaviyo';
import { fireTicketTriggers, type Deliver, type TicketUpdate } from '../../../dev/zendesk';
import { before } from '../../../dev/zendesk/ticket-update';
import type { ZdTicket } from '../../../dev/zendesk/types';
import { defaultConfig } from '../../../src/metrics/config';
import { provision } from '../../../src/metrics/provision';
import { TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';
import { server, withZendeskServer, zendeskHarness } from './harness';

withZendeskServer();

const deliver: Deliver = async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  return response.status;
};

/** The update Zendesk's triggers see: made through the API by the demo admin. */
function change(
  kind: TicketUpdate['kind'],
  ticket: ZdTicket,
  previousStatus?: string,
): TicketUpdate {
  return {
    kind,
    ticket,
    before:
      kind === 'Create' ? null : { ...before(ticket), status: previousStatus ?? ticket.status },
    comment: null,
    comments: [],
    via: 'api',
    updater: { id: 1, role: 'admin' },
  };
}

function setUp() {
  const harness = zendeskHarness();
  const klaviyo = createKlaviyoStore(demoKlaviyoSeed());
  server.use(...klaviyoHandlers(klaviyo, { apiKey: TEST_KLAVIYO_KEY }));
  return { ...harness, klaviyo };
}

describe('the provisioned triggers, fired as Zendesk fires them', () => {
  it('records Opened Ticket when a ticket is created and Resolved Ticket when it is closed', async () => {
    const { admin, store, transport, klaviyo } = setUp();
    await provision(
      transport,
      { ...defaultConfig('sms'), enabled: true },
      { apiKey: TEST_KLAVIYO_KEY },
    );
    const ticket = store.getTicket(101);

    const opened = await fireTicketTriggers(admin, change('Create', ticket), deliver);
    expect(opened.map((i) => i.latest_status_code)).toEqual([202]);

    const closed = { ...ticket, status: 'closed' as const };
    const resolved = await fireTicketTriggers(admin, change('Change', closed, 'solved'), deliver);
    expect(resolved.map((i) => i.latest_status_code)).toEqual([202]);

    expect(klaviyo.createdEvents.map((e) => [e.metricName, e.uniqueId])).toEqual([
      ['Opened Ticket', 'zendesk-101-opened'],
      ['Resolved Ticket', 'zendesk-101-resolved'],
    ]);
    expect(klaviyo.createdEvents[0]!.properties).toMatchObject({
      Ticket_id: 101,
      Subject: ticket.subject,
    });
  });

  it('still sends valid JSON for a subject full of quotes, backslashes and new lines', async () => {
    const { admin, store, transport, klaviyo } = setUp();
    await provision(
      transport,
      { ...defaultConfig('sms'), enabled: true },
      { apiKey: TEST_KLAVIYO_KEY },
    );
    const ticket = { ...store.getTicket(103), subject: 'STOP "now"\\\nplease\t🙏' };
    const [invocation] = await fireTicketTriggers(admin, change('Create', ticket), deliver);
    expect(invocation!.latest_status_code).toBe(202);
    expect(klaviyo.createdEvents[0]!.properties.Subject).toBe('STOP "now"\\\nplease\t🙏');
  });

  it('does not fire for a brand the admin left out', async () => {
    const { admin, store, transport, klaviyo } = setUp();
    await provision(
      transport,
      { ...defaultConfig('sms'), enabled: true, brandIds: [2] },
      { apiKey: TEST_KLAVIYO_KEY },
    );
    const ticket = { ...store.getTicket(101), brand_id: 1 };
    expect(await fireTicketTriggers(admin, change('Create', ticket), deliver)).toEqual([]);
    expect(klaviyo.createdEvents).toEqual([]);
  });

  it('shows a 401 invocation when the webhook holds a wrong key', async () => {
    const { admin, store, transport } = setUp();
    await provision(
      transport,
      { ...defaultConfig('sms'), enabled: true },
      { apiKey: 'pk_test_wrong_key_for_klaviyo' },
    );
    const ticket = store.getTicket(102);
    const [invocation] = await fireTicketTriggers(admin, change('Create', ticket), deliver);
    expect(invocation!.latest_status_code).toBe(401);
    expect(invocation!.status).toBe('failed');
  });
});
