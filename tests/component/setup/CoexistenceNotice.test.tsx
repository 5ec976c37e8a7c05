import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { simulateNativeZendesk } from '../../../dev/klaviyo';
import { renderSetup, standIns, withStandIns } from './support';

withStandIns();

const metricsRead = (requests: { path: string; query: Array<[string, string]> }[]) =>
  requests.filter(
    (r) =>
      r.path === '/api/metrics' &&
      r.query.some(([k, v]) => k === 'filter' && v.includes('integration.name')),
  );

describe('the warning about Klaviyo’s own Zendesk integration', () => {
  it('says nothing on an account where that integration never ran', async () => {
    const { klaviyo } = standIns();
    await renderSetup();
    await waitFor(() => expect(metricsRead(klaviyo.requests)).toHaveLength(1));
    await act(async () => {});
    expect(screen.queryByTestId('coexistence')).not.toBeInTheDocument();
    // No metric of theirs, so no event was read either.
    expect(klaviyo.requests.filter((r) => r.path === '/api/events')).toEqual([]);
  });

  it('warns, when it sent events two days ago, what would double and which switch to untick', async () => {
    const { klaviyo } = standIns();
    simulateNativeZendesk(klaviyo, 2);
    await renderSetup();
    const alert = await screen.findByText(
      "Klaviyo's own Zendesk integration is active on this Klaviyo account",
    );
    const notice = screen.getByTestId('coexistence');
    expect(notice).toHaveAttribute('data-state', 'active');
    expect(alert).toBeVisible();
    expect(notice).toHaveTextContent('Its metrics (Opened Ticket, Resolved Ticket) last received');
    expect(notice).toHaveTextContent('Each text from a customer becomes two tickets');
    expect(notice).toHaveTextContent('Each public agent reply is texted to the customer twice');
    expect(notice).toHaveTextContent('Opened Ticket and Resolved Ticket are recorded twice');
    expect(notice).toHaveTextContent('untick Sync SMS Conversations');
  });

  it('only notes it quietly when its metrics have been silent for over a month', async () => {
    const { klaviyo } = standIns();
    simulateNativeZendesk(klaviyo, 45);
    await renderSetup();
    const notice = await screen.findByTestId('coexistence');
    expect(notice).toHaveAttribute('data-state', 'dormant');
    expect(notice).toHaveTextContent('in the last 30 days');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says the check failed, with the reason, and checks again on Retry', async () => {
    const { klaviyo } = standIns();
    simulateNativeZendesk(klaviyo, 1);
    klaviyo.faults.push({ method: 'GET', path: '/api/metrics', status: 403, times: 1 });
    const user = userEvent.setup();
    await renderSetup();
    const failed = await screen.findByText(/^Could not check whether Klaviyo's own Zendesk/);
    expect(screen.getByTestId('coexistence')).toHaveAttribute('data-state', 'unknown');
    expect(failed).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByTestId('coexistence')).toHaveAttribute('data-state', 'active'),
    );
  });
});
