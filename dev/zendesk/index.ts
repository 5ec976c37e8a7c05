/**
 * The Zendesk stand-in: one in-memory account (state.ts), its REST API as MSW handlers
 * (handlers.ts, a file per resource under resources/), the ticket and user rules (tickets.ts,
 * users.ts), OAuth clients and tokens (oauth.ts), and the trigger engine (triggers/).
 */
export { createZendeskState, type ZendeskState, type ZendeskStateOptions } from './state';
export { zendeskHandlers } from './handlers';
export { VIA_HEADER } from './http';
export { createTicket, updateTicket, ticketsByExternalId, type Actor } from './tickets';
export { createOrUpdateUser, updateUser } from './users';
export { createOAuthClient, issueOAuthToken, revokeOAuthToken, verifyBearerToken } from './oauth';
export { fireTicketTriggers, type Deliver, type OutgoingRequest } from './triggers/run';
export { liquidTicket } from './triggers/placeholders';
export type { TicketUpdate } from './ticket-update';
export { demoZendeskSeed, DEMO_AGENT_ID, DEMO_REQUESTERS, type ZendeskSeed } from './seed';

import type { ZendeskState } from './state';

const ADMIN_RESOURCES =
  /^\/api\/v2\/(webhooks|triggers|automations|views|user_fields|ticket_fields|oauth)(\/|\.json|$)/;

/** The writes an admin made to the account's configuration (webhooks, rules, fields, OAuth). */
export function adminWrites(state: ZendeskState): ZendeskState['requests'] {
  return state.requests.filter(
    (r) => r.method !== 'GET' && ADMIN_RESOURCES.test(r.path.split('?')[0]!),
  );
}
