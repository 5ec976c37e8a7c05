/** `GET /api/accounts`: the one account the key belongs to. */
import { sparse } from '../resources';
import type { Route } from './types';

export const accountRoutes: Route[] = [
  {
    name: 'accounts',
    method: 'GET',
    pattern: /^\/api\/accounts\/?$/,
    handle: ({ store, base, url }) => ({
      status: 200,
      body: {
        data: [
          {
            type: 'account',
            id: store.account.id,
            attributes: sparse(
              {
                test_account: false,
                contact_information: {
                  default_sender_name: store.account.organizationName,
                  default_sender_email: 'hello@example.com',
                  website_url: 'https://example.com',
                  organization_name: store.account.organizationName,
                  street_address: {
                    address1: '1 Main St',
                    address2: null,
                    city: 'Boston',
                    region: 'MA',
                    country: 'US',
                    zip: '02110',
                  },
                },
                industry: 'Retail',
                timezone: 'America/New_York',
                preferred_currency: 'USD',
                public_api_key: 'AbC123',
                locale: 'en-US',
              },
              url.searchParams.get('fields[account]'),
            ),
            links: { self: `${base}/api/accounts/${store.account.id}/` },
          },
        ],
        links: { self: url.toString() },
      },
    }),
  },
];
