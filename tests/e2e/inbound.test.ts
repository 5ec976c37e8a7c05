/**
 * Inbound SMS installed from the setup page in Chromium, as an admin would (the consent pop-up
 * included), then customers' texts through the Klaviyo stand-in's flow and the ZIS stand-in's
 * runner: a new ticket, a comment on it, a keyword that makes nothing, a Zendesk 500 mid-run
 * that still leaves one comment, solved and closed tickets, HELP, forged ingest credentials, the
 * guided test on the page, and Remove.
 */
import type { Frame } from 'playwright-core';
import { appFrame } from './support/browser';
import { browserSuite } from './support/suite';

jest.setTimeout(180_000);

const MARIA = '+14155550101';
const INBOUND_TAG = 'klaviyo_sms_inbound';

interface WorkspaceTicket {
  id: number;
  status: string;
  tags: string[];
  external_id: string | null;
  comments: Array<{ body: string; public: boolean }>;
}

const suite = browserSuite({ viewport: { width: 1280, height: 1200 } });

async function openSetup(): Promise<Frame> {
  await suite.page.goto(`${suite.workspace.hostOrigin}/?nav=klaviyo`);
  const frame = await appFrame(suite.page, { location: 'nav_bar' });
  await frame.getByTestId('inbound-status').waitFor({ timeout: 20_000 });
  return frame;
}

const inboundTickets = async () =>
  (
    await suite.workspace.control.get<{ tickets: WorkspaceTicket[] }>('/zendesk/tickets')
  ).tickets.filter((t) => t.tags.includes(INBOUND_TAG));

const text = (from: string, body: string) =>
  suite.workspace.control.post<{ event_id: string }>('/klaviyo/inbound-sms', { from, text: body });

/** Install from the page: Zendesk's consent page opens in a pop-up, the admin allows, Install goes on. */
async function installFromPage(frame: Frame): Promise<void> {
  const section = frame.getByTestId('inbound-section');
  await section.getByText('Install will:').waitFor();
  await frame.getByRole('button', { name: 'Install', exact: true }).click();
  const consent = frame.getByTestId('inbound-consent');
  await consent.waitFor({ timeout: 20_000 });
  const [popup] = await Promise.all([
    suite.page.waitForEvent('popup'),
    frame.getByRole('button', { name: 'Allow access in Zendesk' }).click(),
  ]);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await frame.getByText('Installed. What was created or changed:').waitFor({ timeout: 30_000 });
}

describe('inbound SMS installed from the setup page', () => {
  it('says what it needs and that it is off, then installs with the consent pop-up and reports each part healthy', async () => {
    const frame = await openSetup();
    expect(await frame.getByTestId('inbound-status').getAttribute('data-status')).toBe(
      'not_installed',
    );
    await frame
      .getByText(/Suite Growth or above/)
      .first()
      .waitFor();
    await frame.getByText(/earlier texts are not imported/).waitFor();

    await installFromPage(frame);
    const summary = await frame.getByTestId('inbound-summary').innerText();
    expect(summary).toContain('Job spec: created');
    expect(summary).toContain('Klaviyo flow “inbound SMS to Zendesk”: created');

    await frame
      .locator('[data-testid="inbound-status"][data-status="installed"]')
      .waitFor({ timeout: 20_000 });
    const health = frame.getByTestId('inbound-health');
    expect(await health.locator('[data-ok="true"]').count()).toBe(3);
    await frame.getByText('Everything is in place: Repair would change nothing.').waitFor();

    // The ingest password was in page memory only; it is nowhere in what Zendesk or the page shows.
    const flows = await suite.workspace.control.get<{ flows: unknown[] }>('/klaviyo/flows');
    expect(flows.flows).toHaveLength(1);
    expect(await frame.content()).not.toMatch(/Basic [A-Za-z0-9+/=]{12,}/);
  });

  it('turns texts into one ticket and its comments; STOP makes nothing; a 500 from Zendesk mid-run, before or after its write, still leaves one comment', async () => {
    await installFromPage(await openSetup());

    await text(MARIA, 'Hi, where is my order? "quoted" \\ back <script>x</script> 🙂');
    let tickets = await inboundTickets();
    expect(tickets).toHaveLength(1);
    const first = tickets[0]!;
    expect(first.tags).toContain('sms');
    expect(first.comments.map((c) => c.body)).toEqual([
      'Hi, where is my order? "quoted" \\ back <script>x</script> 🙂',
    ]);
    expect(first.comments[0]!.public).toBe(true);

    await text(MARIA, 'Any news?');
    tickets = await inboundTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.comments.map((c) => c.body)).toEqual([first.comments[0]!.body, 'Any news?']);

    await text(MARIA, 'STOP');
    expect((await inboundTickets())[0]!.comments).toHaveLength(2);

    // Zendesk fails the comment with a 500, once before the write and once after it; ZIS reruns
    // the whole flow each time and the text is on the ticket once.
    await suite.workspace.control.post('/zendesk/faults', {
      serverError: { times: 1, method: 'PUT', pathPattern: '/tickets/\\d+' },
    });
    await suite.workspace.control.post('/klaviyo/inbound-sms', { from: MARIA, text: 'START' });
    await text(MARIA, 'Still there?');
    tickets = await inboundTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.comments.filter((c) => c.body === 'Still there?')).toHaveLength(1);
    const runs = await suite.workspace.control.get<{ runs: Array<{ outcome: string }> }>(
      '/zis/runs',
    );
    expect(runs.runs.some((r) => JSON.stringify(r).includes('500'))).toBe(true);

    await suite.workspace.control.post('/zendesk/faults', {
      serverError: { times: 1, method: 'PUT', pathPattern: '/tickets/\\d+', afterWrite: true },
    });
    await text(MARIA, 'Hello?');
    tickets = await inboundTickets();
    expect(tickets[0]!.comments.filter((c) => c.body === 'Hello?')).toHaveLength(1);
  });

  it('reopens a solved SMS ticket with the next text, starts a follow-up after a closed one, and files HELP', async () => {
    await installFromPage(await openSetup());
    await text(MARIA, 'First');
    const [first] = await inboundTickets();
    await suite.workspace.control.post(`/zendesk/tickets/${first!.id}/status`, {
      status: 'solved',
    });
    await text(MARIA, 'It broke again');
    let tickets = await inboundTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.status).toBe('open');
    expect(tickets[0]!.comments.at(-1)!.body).toBe('It broke again');

    await suite.workspace.control.post(`/zendesk/tickets/${first!.id}/status`, {
      status: 'closed',
    });
    await text(MARIA, 'HELP');
    tickets = await inboundTickets();
    expect(tickets).toHaveLength(2);
    const followUp = tickets.find((t) => t.id !== first!.id)!;
    expect(followUp.comments.map((c) => c.body)).toEqual(['HELP']);
  });

  it('refuses a call to the ingest URL with wrong credentials: 401 and nothing runs', async () => {
    await installFromPage(await openSetup());
    const flows = JSON.stringify(await suite.workspace.control.get('/klaviyo/flows'));
    const path = /\/api\/services\/zis\/inbound_webhooks\/generic\/ingest\/[A-Za-z0-9_-]+/.exec(
      flows,
    )?.[0];
    expect(path).toBeDefined();
    const runsBefore = (await suite.workspace.control.get<{ runs: unknown[] }>('/zis/runs')).runs;
    const answer = await fetch(`${suite.workspace.hostOrigin}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from('someone:guessed').toString('base64')}`,
      },
      body: JSON.stringify({ from: MARIA, text: 'forged' }),
    });
    expect(answer.status).toBe(401);
    expect((await suite.workspace.control.get<{ runs: unknown[] }>('/zis/runs')).runs).toEqual(
      runsBefore,
    );
    expect(await inboundTickets()).toEqual([]);
  });

  it('runs the guided test: waits for the admin’s TEST text and links to its ticket', async () => {
    const frame = await openSetup();
    await installFromPage(frame);
    const test = frame.getByTestId('inbound-test');
    await test.getByLabel('Your mobile number').fill('415 555');
    await test.getByRole('button', { name: 'Start the test' }).click();
    await test.getByText('Type the number in international format').waitFor();

    await test.getByLabel('Your mobile number').fill(MARIA);
    await test.getByRole('button', { name: 'Start the test' }).click();
    await test.getByTestId('inbound-test-waiting').waitFor();
    await text(MARIA, 'TEST');
    const ticket = (await inboundTickets())[0]!;
    await test.getByText(`Your text arrived as ticket #${ticket.id}.`).waitFor({ timeout: 20_000 });
    await test.getByRole('button', { name: `Open ticket #${ticket.id}` }).waitFor();
  });

  it('removes inbound SMS: texts no longer become tickets and the tickets made stay', async () => {
    const frame = await openSetup();
    await installFromPage(frame);
    await text(MARIA, 'Before removal');
    expect(await inboundTickets()).toHaveLength(1);

    await frame.getByRole('button', { name: 'Remove inbound SMS' }).click();
    await frame.getByText(/Tickets already made stay as they are/).waitFor();
    await frame.getByRole('button', { name: 'Remove', exact: true }).click();
    await frame.getByText('Removed. Texts no longer become tickets:').waitFor({ timeout: 30_000 });
    await frame
      .locator('[data-testid="inbound-status"][data-status="not_installed"]')
      .waitFor({ timeout: 20_000 });

    await text(MARIA, 'After removal');
    const tickets = await inboundTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.comments.map((c) => c.body)).toEqual(['Before removal']);
    expect(
      (await suite.workspace.control.get<{ flows: unknown[] }>('/klaviyo/flows')).flows,
    ).toHaveLength(0);
  });
});
