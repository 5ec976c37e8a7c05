import { act, render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { bootstrapZaf } from '../../../src/zaf/bootstrap';
import { ZafProvider } from '../../../src/zaf/context';
import { requesterFromUser } from '../../../src/zaf/hooks/requester';
import { useAutoResize } from '../../../src/zaf/hooks/useAutoResize';
import { useRequester } from '../../../src/zaf/hooks/useRequester';
import { createFakeZafClient, type FakeZafOptions } from '../../support/fakeZafClient';

async function mount(ui: React.ReactElement, options: FakeZafOptions) {
  const client = createFakeZafClient(options);
  const zaf = await bootstrapZaf(client);
  const view = render(<ZafProvider value={zaf}>{ui}</ZafProvider>);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { client, view };
}

function RequesterProbe() {
  const state = useRequester();
  return <output data-testid="requester">{JSON.stringify(state)}</output>;
}

function shown() {
  return JSON.parse(screen.getByTestId('requester').textContent ?? '{}');
}

describe('useRequester', () => {
  it('reads the ticket requester with its linked Klaviyo profile id', async () => {
    await mount(<RequesterProbe />, {
      data: {
        ticket: {
          id: 101,
          tags: ['sms'],
          brand: { id: 1, name: 'Acme' },
          requester: {
            id: 1101,
            name: 'Maria Garcia',
            email: 'maria.garcia@example.com',
            phone: '+14155550101',
            userFields: { klaviyo_profile_id: '01DEMOMARIA000000000000000' },
          },
        },
      },
    });
    await waitFor(() => expect(shown().status).toBe('ready'));
    expect(shown().requester).toEqual({
      id: 1101,
      name: 'Maria Garcia',
      email: 'maria.garcia@example.com',
      phone: '+14155550101',
      linkedProfileId: '01DEMOMARIA000000000000000',
    });
    expect(shown().ticket).toEqual({ id: 101, tags: ['sms'], brand: { id: 1, name: 'Acme' } });
  });

  it('reads it again when Zendesk says the requester changed', async () => {
    const { client } = await mount(<RequesterProbe />, {
      data: {
        ticket: { id: 7, tags: [], requester: { id: 1, name: 'A', email: 'a@example.com' } },
      },
    });
    await waitFor(() => expect(shown().requester?.email).toBe('a@example.com'));
    (client.data.ticket as { requester: unknown }).requester = {
      id: 2,
      name: 'B',
      email: 'b@example.com',
    };
    await act(async () => {
      await client.emit('ticket.requester.id.changed');
    });
    await waitFor(() => expect(shown().requester?.email).toBe('b@example.com'));
  });

  it('reads the user in the user sidebar and follows user.email.changed', async () => {
    const { client } = await mount(<RequesterProbe />, {
      context: { location: 'user_sidebar' },
      data: { user: { id: 5, name: 'C', email: 'c@example.com' } },
    });
    await waitFor(() => expect(shown().requester?.id).toBe(5));
    client.data.user = { id: 5, name: 'C', email: 'c2@example.com' };
    await act(async () => {
      await client.emit('user.email.changed');
    });
    await waitFor(() => expect(shown().requester?.email).toBe('c2@example.com'));
  });

  it('reports a new ticket without a requester', async () => {
    await mount(<RequesterProbe />, {
      context: { location: 'new_ticket_sidebar' },
      data: { ticket: { id: null, tags: [] } },
    });
    await waitFor(() => expect(shown().status).toBe('none'));
  });
});

describe('requesterFromUser', () => {
  it('falls back to email and phone identities when the primary ones are missing', () => {
    expect(
      requesterFromUser({
        id: 3,
        name: '+82 10-5550-1234',
        email: null,
        identities: [
          { type: 'twitter', value: '@x' },
          { type: 'phone_number', value: '+82 10-5550-1234' },
          { type: 'email', value: 'second@example.com' },
        ],
      }),
    ).toEqual({
      id: 3,
      name: '+82 10-5550-1234',
      email: 'second@example.com',
      phone: '+82 10-5550-1234',
      linkedProfileId: null,
    });
  });

  it('takes the linked id from snake_case user fields or the customField path', () => {
    expect(
      requesterFromUser({
        id: 1,
        name: 'x',
        email: null,
        user_fields: { klaviyo_profile_id: ' P1 ' },
      } as never)?.linkedProfileId,
    ).toBe('P1');
    expect(requesterFromUser({ id: 1, name: 'x', email: null }, 'P2')?.linkedProfileId).toBe('P2');
    expect(requesterFromUser({ id: 1, name: 'x', email: null }, '')?.linkedProfileId).toBeNull();
  });
});

describe('useAutoResize', () => {
  const observers: Array<() => void> = [];
  let height = 0;
  const realRO = window.ResizeObserver;
  const realRect = HTMLElement.prototype.getBoundingClientRect;

  beforeEach(() => {
    observers.length = 0;
    height = 300;
    window.ResizeObserver = class {
      constructor(private cb: () => void) {}
      observe() {
        observers.push(this.cb);
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    HTMLElement.prototype.getBoundingClientRect = function () {
      return {
        height,
        width: 320,
        top: 0,
        left: 0,
        right: 320,
        bottom: height,
        x: 0,
        y: 0,
        toJSON() {},
      };
    };
  });
  afterEach(() => {
    window.ResizeObserver = realRO;
    HTMLElement.prototype.getBoundingClientRect = realRect;
  });

  function Sized() {
    const ref = useRef<HTMLDivElement>(null);
    useAutoResize(ref);
    return <div ref={ref}>content</div>;
  }

  const resizes = (client: { invocations: Array<{ name: string; args: unknown[] }> }) =>
    client.invocations.filter((i) => i.name === 'resize').map((i) => i.args[0]);

  it('sizes the iframe to its content, again when the content grows, and not for no change', async () => {
    const { client } = await mount(<Sized />, {});
    await waitFor(() => expect(resizes(client)).toEqual([{ width: '100%', height: '300px' }]));
    expect(document.body.style.overflow).toBe('hidden');

    height = 512.4;
    act(() => observers.forEach((cb) => cb()));
    await waitFor(() => expect(resizes(client)).toHaveLength(2));
    expect(resizes(client)[1]).toEqual({ width: '100%', height: '513px' });

    act(() => observers.forEach((cb) => cb()));
    await new Promise((r) => setTimeout(r, 50));
    expect(resizes(client)).toHaveLength(2);
  });

  it('asks at most once per frame however often the size changes', async () => {
    const { client } = await mount(<Sized />, {});
    await waitFor(() => expect(resizes(client)).toHaveLength(1));
    act(() => {
      for (let i = 0; i < 10; i++) {
        height = 400 + i;
        observers.forEach((cb) => cb());
      }
    });
    await waitFor(() => expect(resizes(client)).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(resizes(client)).toEqual([
      { width: '100%', height: '300px' },
      { width: '100%', height: '409px' },
    ]);
  });
});
