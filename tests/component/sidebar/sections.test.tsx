import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { KlaviyoError } from '../../../src/klaviyo/errors';
import { ActivitySection } from '../../../src/ui/sidebar/sections/ActivitySection';
import { ConsentSection } from '../../../src/ui/sidebar/sections/ConsentSection';
import { LocalTimeSection } from '../../../src/ui/sidebar/sections/LocalTimeSection';
import { MembershipsSection } from '../../../src/ui/sidebar/sections/MembershipsSection';
import { OrdersSection } from '../../../src/ui/sidebar/sections/OrdersSection';
import { PredictiveDisclosure } from '../../../src/ui/sidebar/sections/PredictiveDisclosure';
import { ProfileSection } from '../../../src/ui/sidebar/sections/ProfileSection';
import { THREAD_FIRST_SHOWN, THREAD_STEP } from '../../../src/ui/sidebar/parts/useThreadWindow';
import { ThreadSection } from '../../../src/ui/sidebar/sections/ThreadSection';
import type { ThreadMessage } from '../../../src/sms/model';
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
    expect(screen.queryByTestId('outside-texting-hours')).not.toBeInTheDocument();
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
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Outside texting hours\. Texting hours are 8:00 AM–8:00 PM in the customer's time\. It opens at 8:00 AM their time/,
    );
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

  function conversation(count: number): ThreadMessage[] {
    return Array.from({ length: count }, (_, i) =>
      messageFixture({
        id: `m${i}`,
        direction: i % 2 === 0 ? 'inbound' : 'outbound',
        status: i % 2 === 0 ? 'received' : 'delivered',
        text: `Message number ${i}`,
        datetime: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
      }),
    );
  }

  /** jsdom lays nothing out: the log region is 280 px high, each message `perMessage` px. */
  function layOut(perMessage = 100) {
    jest.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      if (this.dataset['testid'] !== 'thread-log') return 0;
      return this.querySelectorAll('[data-testid="thread-message"]').length * perMessage;
    });
    jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.dataset['testid'] === 'thread-log' ? 280 : 0;
    });
  }
  afterEach(() => jest.restoreAllMocks());

  function thread(all: ThreadMessage[], hasOlder = false) {
    return (
      <ThreadSection
        messages={all}
        loading={false}
        hasOlder={hasOlder}
        loadingOlder={false}
        onLoadOlder={noop}
      />
    );
  }

  it('is a labelled log region that announces new messages politely', async () => {
    await renderInZaf(thread(conversation(3)));
    const log = screen.getByRole('log', { name: 'SMS conversation, newest at the bottom' });
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(within(log).getAllByTestId('thread-message')).toHaveLength(3);
  });

  it('opens at the latest message, newest at the bottom, showing only the latest few', async () => {
    layOut();
    await renderInZaf(thread(conversation(30)));
    const items = screen.getAllByTestId('thread-message');
    expect(items).toHaveLength(THREAD_FIRST_SHOWN);
    expect(items[items.length - 1]).toHaveTextContent('Message number 29');
    expect(items[0]).toHaveTextContent(`Message number ${30 - THREAD_FIRST_SHOWN}`);
    expect(screen.getByTestId('thread-log').scrollTop).toBe(THREAD_FIRST_SHOWN * 100);
  });

  it('adds earlier messages when the agent scrolls to the top, keeping what they were reading in place', async () => {
    layOut();
    await renderInZaf(thread(conversation(30)));
    const log = screen.getByTestId('thread-log');
    // The agent reads from the top of what is shown.
    log.scrollTop = 0;
    fireEvent.scroll(log);
    expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN + THREAD_STEP);
    // What was added above pushes the view down by as much: the same message stays in view.
    expect(log.scrollTop).toBe(THREAD_STEP * 100);
  });

  it('follows a new message at the bottom, and never drags an agent who scrolled up', async () => {
    layOut();
    let push: (message: ThreadMessage) => void = noop;
    function Live() {
      const [all, setAll] = useState(conversation(12));
      push = (message) => setAll((current) => [...current, message]);
      return thread(all);
    }
    await renderInZaf(<Live />);
    const log = screen.getByTestId('thread-log');
    expect(log.scrollTop).toBe(THREAD_FIRST_SHOWN * 100);
    act(() => push(messageFixture({ id: 'new', direction: 'inbound', text: 'One more thing' })));
    expect(log.scrollTop).toBe((THREAD_FIRST_SHOWN + 1) * 100);

    // Scrolled up to read (not to the very top): a new text does not move the view.
    log.scrollTop = 300;
    fireEvent.scroll(log);
    act(() => push(messageFixture({ id: 'later', direction: 'inbound', text: 'Hello?' })));
    expect(log.scrollTop).toBe(300);
    expect(screen.getAllByTestId('thread-message').at(-1)).toHaveTextContent('Hello?');
  });

  it("says which campaign or flow a customer's text answers", async () => {
    const reply = {
      ...messageFixture({
        id: 'r',
        direction: 'inbound',
        text: 'Does the code work on sale items?',
      }),
      repliesTo: { type: 'campaign' as const, name: 'Summer Sale SMS' },
    };
    await renderInZaf(thread([reply]));
    expect(screen.getByTestId('thread-reply-to')).toHaveTextContent('Reply to Summer Sale SMS');
  });

  it('offers "Show earlier" for what is held and "Load older messages" past it', async () => {
    const onLoadOlder = jest.fn();
    await renderInZaf(
      <ThreadSection
        messages={conversation(THREAD_FIRST_SHOWN + 3)}
        loading={false}
        hasOlder
        loadingOlder={false}
        onLoadOlder={onLoadOlder}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Load older messages' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show earlier messages (3 more)' }));
    expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN + 3);
    await userEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
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
    await userEvent.click(screen.getByRole('button', { name: 'Recent activity' }));
    expect(screen.getAllByTestId('activity-event')).toHaveLength(3);
    expect(screen.getByText('Your order shipped')).toBeInTheDocument();
    expect(screen.getByText('Rain jacket')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Show'), 'Viewed Product');
    const shown = screen.getAllByTestId('activity-event');
    expect(shown).toHaveLength(1);
    expect(shown[0]).toHaveTextContent('Viewed Product');
  });

  it('is one summary line, the latest event and when, until the agent opens it', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-22T09:00:00Z'), advanceTimers: true });
    await renderInZaf(
      <ActivitySection
        events={events}
        loading={false}
        hasMore={false}
        loadingMore={false}
        onLoadMore={noop}
      />,
    );
    jest.useRealTimers();
    const toggle = screen.getByRole('button', { name: 'Recent activity' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByTestId('activity-summary')).toHaveTextContent(
      'Latest: Opened Email, 2 days ago',
    );
    expect(screen.queryByTestId('activity-event')).not.toBeInTheDocument();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.queryByTestId('activity-summary')).not.toBeInTheDocument();
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
    await userEvent.click(screen.getByRole('button', { name: 'Recent orders' }));
    const orders = screen.getAllByTestId('order');
    expect(orders[0]).toHaveTextContent('€120.50');
    expect(orders[0]).toHaveTextContent('Items (2): Rain jacket × 2, Socks');
    expect(orders[0]).toHaveTextContent('Nov 18, 2026');
    expect(orders[1]).toHaveTextContent('35.00');
    expect(orders[1]).toHaveTextContent('Items (1): Hat');
  });

  it('is one summary line, the latest order and how many, until the agent opens it', async () => {
    await renderInZaf(
      <OrdersSection
        orders={[
          eventFixture('Placed Order', '2026-11-18T09:00:00Z', { $value: 72.5, Currency: 'USD' }),
          eventFixture('Placed Order', '2026-10-01T09:00:00Z', { $value: 35, Currency: 'USD' }),
        ]}
        loading={false}
      />,
    );
    expect(screen.getByRole('button', { name: 'Recent orders' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(screen.getByTestId('orders-summary')).toHaveTextContent(
      'Latest $72.50 on Nov 18, 2026 (2 in all)',
    );
    expect(screen.queryByTestId('order')).not.toBeInTheDocument();
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

  it('says in its summary line that it loads when opened, and what it holds once loaded', async () => {
    const view = await renderInZaf(
      <MembershipsSection
        expanded={false}
        onToggle={noop}
        memberships={undefined}
        loading={false}
      />,
    );
    expect(screen.getByTestId('memberships-summary')).toHaveTextContent('Loaded when you open it');
    view.unmount();
    await renderInZaf(
      <MembershipsSection
        expanded={false}
        onToggle={noop}
        memberships={{ lists: [{ id: 'l', name: 'Newsletter' }], segments: [] }}
        loading={false}
      />,
    );
    expect(screen.getByTestId('memberships-summary')).toHaveTextContent('Lists: 1 · Segments: 0');
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
