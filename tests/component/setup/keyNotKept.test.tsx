/**
 * The webhook key the admin types is sent to Zendesk and then forgotten: it is not kept in the
 * page's query cache (a mutation's variables outlive the save), where anything reading the cache
 * (devtools, a later error report) would find it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readSetup } from '../../../src/metrics/provision';
import { AppShell } from '../../../src/ui/common/AppShell';
import { MetricSyncSection } from '../../../src/ui/setup/MetricSyncSection';
import { standIns, withStandIns } from './support';

withStandIns();

const WEBHOOK_KEY = 'pk_test_webhook_only_events_write';

it('forgets the typed webhook key once Save has sent it to Zendesk', async () => {
  const { admin, transport } = standIns();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const setup = await readSetup(transport);
  const user = userEvent.setup();
  render(
    <AppShell locale="en-US">
      <QueryClientProvider client={queryClient}>
        <MetricSyncSection transport={transport} setup={setup} smsTag="sms" />
      </QueryClientProvider>
    </AppShell>,
  );
  await user.type(screen.getByLabelText('Klaviyo private API key for the webhook'), WEBHOOK_KEY);
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByTestId('provision-summary');

  const hook = [...admin.webhooks.values()][0]!;
  expect(admin.authenticationOf(hook.id)?.data?.value).toBe(`Klaviyo-API-Key ${WEBHOOK_KEY}`);
  const mutations = queryClient.getMutationCache().getAll();
  expect(mutations.length).toBeGreaterThan(0);
  expect(JSON.stringify(mutations.map((m) => m.state))).not.toContain(WEBHOOK_KEY);
});
