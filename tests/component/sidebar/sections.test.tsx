import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KlaviyoError } from '../../../src/klaviyo/errors';
import { ActivitySection } from '../../../src/ui/sidebar/sections/ActivitySection';
import { ConsentSection } from '../../../src/ui/sidebar/sections/ConsentSection';
import { LocalTimeSection } from '../../../src/ui/sidebar/sections/LocalTimeSection';
import { MembershipsSection } from '../../../src/ui/sidebar/sections/MembershipsSection';
import { OrdersSection } from '../../../src/ui/sidebar/sections/OrdersSection';
import { PredictiveDisclosure } from '../../../src/ui/sidebar/sections/PredictiveDisclosure';
import { ProfileSection } from '../../../src/ui/sidebar/sections/ProfileSection';
import { ThreadSection } from '../../../src/ui/sidebar/sections/ThreadSection';
import { agent, eventFixture, messageFixture, profileFixture, renderInZaf } from './support';

const noop = () => {};

describe('profile section', () => {
  it('shows who the customer is, how they were matched and a safe link to Klaviyo', async () => {
    await renderInZaf(<ProfileSection profile={profileFixture()} matchedBy="email" />);
    expect(screen.getByTestId('profile-name')).toHaveTextContent('Maria Garcia');
    expect(screen.getByText('maria.garcia@example.com')).toBeInTheDocument();
    expect(screen.getByText('+14155550101')).toBeInTheDocument();
    expect(screen.getByText('San Francisco, CA, United States')).toBeInTheDocument();
    expect(screen.getByText('Matched by email')).toBeInTheDocument();
    expect(screen.getByText('Profile created')).toBeInTheDocument();
    expect(screen.getByText('Last activity')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /open profile in klaviyo/i });
    expect(link).toHaveAttribute(
      'href',
      'https://www.klaviyo.com/profile/01TESTPROFILE0000000000000',
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('renders hostile profile text as text, never as markup', async () => {
    const { container } = await renderInZaf(
      <ProfileSection
        profile={profileFixture({
          firstName: '<img src=x onerror=alert(1)>',
          lastName: null,
          location: null,
          email: 'a@b.co',
        })}
        matchedBy="email"
      />,
    );
    expect(screen.getByTestId('profile-name')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });
});

const PREDICTIONS = {
  historicClv: 1234.5,
  predictedClv: 250,
  totalClv: 1484.5,
  historicNumberOfOrders: 7,
  predictedNumberOfOrders: 1,
  averageOrderValue: 176,
  churnProbability: 0.12,
  expectedDateOfNextOrder: '2026-12-24T00:00:00Z',
};

describe('predictive analytics disclosure', () => {
  it('is collapsed by default, shows nothing, and asks to load when opened', async () => {
    const onToggle = jest.fn();
    await renderInZaf(
      <PredictiveDisclosure
        expanded={false}
        onToggle={onToggle}
        data={undefined}
        loading={false}
      />,
    );
    const button = screen.getByRole('button', { name: 'Show lifetime value and churn risk' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByTestId('predictive')).not.toBeInTheDocument();
    await userEvent.click(button);
    expect(onToggle).toHaveBeenCalledWith(true);
  });

  it('shows a skeleton while the figures load', async () => {
    await renderInZaf(<PredictiveDisclosure expanded onToggle={noop} data={undefined} loading />);
    const button = screen.getByRole('button', { name: 'Hide lifetime value and churn risk' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByRole('status', { name: 'Loading lifetime value and churn risk' }),
    ).toBeInTheDocument();
  });

  it('shows the figures in the agent locale once loaded', async () => {
    await renderInZaf(
      <PredictiveDisclosure expanded onToggle={noop} data={PREDICTIONS} loading={false} />,
      { data: { currentUser: agent('agent', 'sv-SE') }, locale: 'sv-SE' },
    );
    const predictive = screen.getByTestId('predictive');
    expect(within(predictive).getByText('Prediktiv analys')).toBeInTheDocument();
    // Swedish groups thousands with a non-breaking space and uses a decimal comma.
    expect(within(predictive).getByText(/1\s234,5/)).toBeInTheDocument();
    expect(within(predictive).getByText(/12\s?%/)).toBeInTheDocument();
    expect(within(predictive).getByText('Förväntad nästa order')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Dölj kundvärde och risk för kundbortfall' }),
    ).toBeInTheDocument();
  });

  it('says so when Klaviyo has no predictions for the customer', async () => {
    const { unmount } = await renderInZaf(
      <PredictiveDisclosure expanded onToggle={noop} data={null} loading={false} />,
    );
    expect(
      screen.getByText('Klaviyo has no predictions for this customer yet.'),
    ).toBeInTheDocument();
    unmount();
    await renderInZaf(
      <PredictiveDisclosure
        expanded
        onToggle={noop}
        data={{
          ...PREDICTIONS,
          historicClv: null,
          predictedClv: null,
          churnProbability: null,
          expectedDateOfNextOrder: null,
        }}
        loading={false}
      />,
    );
    expect(
      screen.getByText('Klaviyo has no predictions for this customer yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('predictive')).not.toBeInTheDocument();
  });

  it('explains a failure and offers to try again', async () => {
    const onRetry = jest.fn();
    await renderInZaf(
      <PredictiveDisclosure
        expanded
        onToggle={noop}
        data={undefined}
        loading={false}
        error={new KlaviyoError('network', 'offline')}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('consent section', () => {
  it('shows each channel as a badge and that texting is allowed', async () => {
    await renderInZaf(
      <ConsentSection
        consent={{
          smsMarketing: 'subscribed',
          smsTransactional: 'subscribed',
          emailMarketing: 'subscribed',
          canText: true,
          reason: null,
        }}
      />,
    );
    expect(screen.getByText('SMS marketing: Subscribed')).toBeInTheDocument();
    expect(screen.getByText('SMS transactional: Subscribed')).toBeInTheDocument();
    expect(screen.getByText('Email marketing: Subscribed')).toBeInTheDocument();
    expect(screen.getByTestId('can-text')).toHaveTextContent('You may text this customer.');
  });

  it('says why texting is not possible', async () => {
    await renderInZaf(
      <ConsentSection
        consent={{
          smsMarketing: 'unsubscribed',
          smsTransactional: 'unsubscribed',
          emailMarketing: 'unsubscribed',
          canText: false,
          reason: 'unsubscribed',
        }}
      />,
    );
    expect(screen.getByText('SMS marketing: Unsubscribed')).toBeInTheDocument();
    expect(screen.getByTestId('can-text')).toHaveTextContent(/they unsubscribed from SMS/);
  });
});

describe('local time section', () => {
  it('shows the customer clock in their zone', async () => {
    await renderInZaf(
      <LocalTimeSection
        status={{
          timezone: 'Asia/Seoul',
          source: 'profile',
          now: new Date('2026-11-20T03:30:00Z'),
          inWindow: true,
          opensAt: null,
        }}
        window={{ start: 8, end: 20 }}
      />,
    );
    expect(screen.getByTestId('local-time')).toHaveTextContent('12:30 PM (Asia/Seoul)');
    expect(screen.queryByText('Outside texting hours')).not.toBeInTheDocument();
  });

  it('warns outside the texting window and says when it opens', async () => {
    await renderInZaf(
      <LocalTimeSection
        status={{
          timezone: 'America/New_York',
          source: 'profile',
          now: new Date('2026-11-20T04:00:00Z'),
          inWindow: false,
          opensAt: new Date('2026-11-20T13:00:00Z'),
        }}
        window={{ start: 8, end: 20 }}
      />,
    );
    expect(screen.getByTestId('local-time')).toHaveTextContent('11:00 PM (America/New_York)');
    expect(screen.getByText('Outside texting hours')).toBeInTheDocument();
    expect(screen.getByText(/Texting hours are 8:00 AM–8:00 PM/)).toBeInTheDocument();
    expect(screen.getByText(/It opens at 8:00 AM their time/)).toBeInTheDocument();
  });
});

describe('SMS thread section', () => {
  const messages = [
    messageFixture({
      id: 'a',
      direction: 'inbound',
      text: 'Where is my order?',
      datetime: '2026-11-20T10:00:00Z',
    }),
    messageFixture({
      id: 'b',
      direction: 'outbound',
      status: 'delivered',
      text: 'Big sale today!',
      datetime: '2026-11-20T10:05:00Z',
      source: { type: 'campaign', name: 'Black Friday' },
    }),
    messageFixture({
      id: 'c',
      direction: 'outbound',
      status: 'failed',
      text: 'Your parcel ships tomorrow',
      datetime: '2026-11-20T10:06:00Z',
      failureReason: 'Carrier rejected',
      source: { type: 'flow', name: 'Shipping updates' },
    }),
    messageFixture({
      id: 'd',
      direction: 'inbound',
      text: null,
      hasMedia: true,
      datetime: '2026-11-20T10:07:00Z',
    }),
    messageFixture({
      id: 'e',
      direction: 'inbound',
      text: 'x'.repeat(400),
      datetime: '2026-11-20T10:08:00Z',
    }),
  ];

  it("puts the customer's texts on one side and ours on the other, with labels and failures", async () => {
    await renderInZaf(
      <ThreadSection
        messages={messages}
        loading={false}
        hasOlder={false}
        loadingOlder={false}
        onLoadOlder={noop}
      />,
    );
    const items = screen.getAllByTestId('thread-message');
    expect(items.map((i) => i.getAttribute('data-direction'))).toEqual([
      'inbound',
      'outbound',
      'outbound',
      'inbound',
      'inbound',
    ]);
    expect(within(items[0]!).getByText(/Customer wrote:/)).toBeInTheDocument();
    expect(within(items[1]!).getByText(/We wrote:/)).toBeInTheDocument();
    expect(within(items[1]!).getByText('Campaign: Black Friday')).toBeInTheDocument();
    expect(within(items[2]!).getByText('Flow: Shipping updates')).toBeInTheDocument();
    expect(within(items[2]!).getByText('Not delivered: Carrier rejected')).toBeInTheDocument();
    expect(within(items[3]!).getByText('Text not available')).toBeInTheDocument();
    expect(within(items[3]!).getByText('Image not shown')).toBeInTheDocument();
    expect(
      within(items[0]!).getByText('Nov 20, 2026, 10:00 AM', { exact: false }),
    ).toBeInTheDocument();
  });

  it('offers older messages and asks for them', async () => {
    const onLoadOlder = jest.fn();
    await renderInZaf(
      <ThreadSection
        messages={messages}
        loading={false}
        hasOlder
        loadingOlder={false}
        onLoadOlder={onLoadOlder}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
  });

  it('shows skeletons while loading, a quiet line when empty, an error with retry on failure', async () => {
    const view = await renderInZaf(
      <ThreadSection
        messages={undefined}
        loading
        hasOlder={false}
        loadingOlder={false}
        onLoadOlder={noop}
      />,
    );
    expect(
      screen.getByRole('status', { name: 'Loading the SMS conversation' }),
    ).toBeInTheDocument();
    view.unmount();

    const empty = await renderInZaf(
      <ThreadSection
        messages={[]}
        loading={false}
        hasOlder={false}
        loadingOlder={false}
        onLoadOlder={noop}
      />,
    );
    expect(screen.getByText('No text messages with this customer yet.')).toBeInTheDocument();
    empty.unmount();

    const onRetry = jest.fn();
    await renderInZaf(
      <ThreadSection
        messages={undefined}
        loading={false}
        error={new KlaviyoError('server', 'boom', 503)}
        onRetry={onRetry}
        hasOlder={false}
        loadingOlder={false}
        onLoadOlder={noop}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Klaviyo had a problem');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });
});

describe('activity section', () => {
  const events = [
    eventFixture('Opened Email', '2026-11-20T09:00:00Z', {
      Subject: 'Your order shipped',
      'Campaign Name': 'Shipping',
    }),
    eventFixture('Viewed Product', '2026-11-19T09:00:00Z', {
      ProductName: 'Rain jacket',
      Price: 89,
    }),
    eventFixture('Placed Order', '2026-11-18T09:00:00Z', {
      $value: 120,
      ItemNames: ['Rain jacket', 'Socks'],
    }),
  ];

  it('lists events with time and key properties and filters them by metric', async () => {
    await renderInZaf(
      <ActivitySection
        events={events}
        loading={false}
        hasMore={false}
        loadingMore={false}
        onLoadMore={noop}
      />,
    );
    expect(screen.getAllByTestId('activity-event')).toHaveLength(3);
    expect(screen.getByText('Your order shipped')).toBeInTheDocument();
    expect(screen.getByText('Rain jacket')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Show'), 'Viewed Product');
    const shown = screen.getAllByTestId('activity-event');
    expect(shown).toHaveLength(1);
    expect(shown[0]).toHaveTextContent('Viewed Product');
  });

  it('shows a clear empty state', async () => {
    await renderInZaf(
      <ActivitySection
        events={[]}
        loading={false}
        hasMore={false}
        loadingMore={false}
        onLoadMore={noop}
      />,
    );
    expect(screen.getByText('No recent activity.')).toBeInTheDocument();
  });
});

describe('orders section', () => {
  it('shows value in the order currency, the items and the date', async () => {
    await renderInZaf(
      <OrdersSection
        orders={[
          eventFixture('Placed Order', '2026-11-18T09:00:00Z', {
            $value: 120.5,
            $currency_code: 'EUR',
            Items: [{ ProductName: 'Rain jacket', Quantity: 2 }, { ProductName: 'Socks' }],
          }),
          eventFixture('Placed Order', '2026-10-01T09:00:00Z', { $value: 35, ItemNames: ['Hat'] }),
        ]}
        loading={false}
      />,
    );
    const orders = screen.getAllByTestId('order');
    expect(orders[0]).toHaveTextContent('€120.50');
    expect(orders[0]).toHaveTextContent('Items (2): Rain jacket × 2, Socks');
    expect(orders[0]).toHaveTextContent('Nov 18, 2026');
    expect(orders[1]).toHaveTextContent('35.00');
    expect(orders[1]).toHaveTextContent('Items (1): Hat');
  });

  it('says when there are no orders', async () => {
    await renderInZaf(<OrdersSection orders={[]} loading={false} />);
    expect(screen.getByText('No recent orders.')).toBeInTheDocument();
  });
});

describe('lists and segments section', () => {
  it('is collapsed by default and asks to load when opened', async () => {
    const onToggle = jest.fn();
    await renderInZaf(
      <MembershipsSection
        expanded={false}
        onToggle={onToggle}
        memberships={undefined}
        loading={false}
      />,
    );
    const header = screen.getByRole('button', { name: 'Lists and segments' });
    expect(header).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(header);
    expect(onToggle).toHaveBeenCalledWith(true);
  });

  it('shows lists and segments when open', async () => {
    await renderInZaf(
      <MembershipsSection
        expanded
        onToggle={noop}
        memberships={{ lists: [{ id: 'l', name: 'Newsletter' }], segments: [] }}
        loading={false}
      />,
    );
    expect(screen.getByText('Newsletter')).toBeInTheDocument();
    expect(screen.getByText('Not in any segment.')).toBeInTheDocument();
  });
});
