/**
 * The one in-memory Zendesk account behind the local workspace and the tests: every record the
 * stand-in serves (tickets, comments, users, identities, brands, groups, user and ticket fields,
 * webhooks and their invocations, triggers, automations, views, OAuth clients and tokens), the
 * signed-in session, the faults a test set, and the log of API calls. The resources in
 * `resources/` answer HTTP over it; `tickets.ts`, `users.ts`, `webhook-records.ts` and `oauth.ts`
 * hold the rules that change it.
 *
 * Secrets (webhook authentication data, OAuth tokens) live in `secrets`, never in a record the API
 * returns, so dumping the records never shows one.
 */
import { forbidden, notFound } from './errors';
import {
  makeBrand,
  makeComment,
  makeGroup,
  makeTicket,
  makeTicketField,
  makeUser,
  makeUserField,
  seedIdentities,
  via,
  type RecordContext,
} from './records';
import { demoZendeskSeed, type ZendeskSeed } from './seed';
import type {
  ZdBrand,
  ZdComment,
  ZdGroup,
  ZdIdentity,
  ZdInvocation,
  ZdOAuthClient,
  ZdOAuthToken,
  ZdRule,
  ZdTicket,
  ZdTicketField,
  ZdUser,
  ZdUserField,
  ZdWebhook,
  ZdWebhookAuthentication,
} from './types';
import type { TicketUpdate } from './ticket-update';

export interface ZendeskStateOptions {
  /** The account's URL; records' `url` fields point at it. Default `https://demo.zendesk.com`. */
  baseUrl?: string;
  /** The clock (tests pin it). */
  now?: () => Date;
  /** Page size of offset-paged lists (Zendesk: 100). */
  pageSize?: number;
}

export interface RecordedZendeskRequest {
  method: string;
  /** Path and query. */
  path: string;
  status: number;
  /** The JSON sent (webhook secrets redacted). */
  body?: unknown;
  at: string;
}

/** Faults a test sets; each fires `times` times, then is spent. */
export interface ZendeskFaults {
  /** The next API calls answer 429 with this `Retry-After` (Zendesk's rate limiter). */
  rateLimit?: { retryAfterSeconds: number; times: number; pathPattern?: RegExp };
  /** The next webhook deliveries get no answer (a timeout), so Zendesk retries them. */
  webhookDelivery?: { times: number };
  /**
   * The next matching API calls answer 500. With `afterWrite` the call does its work first and
   * only the answer is lost (the worst case for a caller that retries: the write happened).
   */
  serverError?: { times: number; pathPattern?: RegExp; method?: string; afterWrite: boolean };
}

export interface ZendeskSecrets {
  /** Webhook authentication as the admin sent it, by webhook id. */
  webhookAuth: Map<string, ZdWebhookAuthentication>;
  /** OAuth client secrets, by client id. */
  clientSecrets: Map<number, string>;
  /** Bearer tokens (the full token) → token id. */
  bearerTokens: Map<string, number>;
}

export interface ZendeskState {
  readonly baseUrl: string;
  readonly subdomain: string;
  readonly pageSize: number;
  /** The signed-in agent: author of comments and owner of `users/me`. */
  currentUserId: number;
  /** `anonymous` makes every session call answer 401, as Zendesk does without a session. */
  session: 'agent' | 'anonymous';
  readonly tickets: Map<number, ZdTicket>;
  /** Tickets deleted through the API (Zendesk keeps them 30 days, restorable; gone from lists). */
  readonly deletedTickets: Map<number, ZdTicket>;
  readonly comments: Map<number, ZdComment[]>;
  readonly users: Map<number, ZdUser>;
  readonly identities: Map<number, ZdIdentity[]>;
  readonly brands: ZdBrand[];
  readonly groups: ZdGroup[];
  readonly userFields: ZdUserField[];
  readonly ticketFields: Map<number, ZdTicketField>;
  readonly webhooks: Map<string, ZdWebhook>;
  /** Newest last. */
  readonly invocations: Map<string, ZdInvocation[]>;
  readonly triggers: Map<number, ZdRule>;
  readonly automations: Map<number, ZdRule>;
  readonly views: Map<number, ZdRule>;
  readonly oauthClients: Map<number, ZdOAuthClient>;
  readonly oauthTokens: Map<number, ZdOAuthToken>;
  readonly secrets: ZendeskSecrets;
  readonly faults: ZendeskFaults;
  /** Every API call answered, oldest first. */
  readonly requests: RecordedZendeskRequest[];
  /**
   * Called after every ticket change (API writes, agent UI, control API): what makes Zendesk run
   * its triggers. The workspace sets it; Jest harnesses may.
   */
  onTicketChange?: (update: TicketUpdate) => void;
  readonly records: RecordContext;
  now(): Date;
  nextId(): number;
  currentUser(): ZdUser;
  /** Throws 403 unless the signed-in user is an admin. */
  requireAdmin(): void;
  getTicket(id: number): ZdTicket;
  getUser(id: number): ZdUser;
  /** The webhook's authentication as the admin sent it (secret included), for delivery. */
  authenticationOf(webhookId: string): ZdWebhookAuthentication | undefined;
  /** Appends an invocation (what Zendesk records when a webhook fires). */
  addInvocation(
    webhookId: string,
    invocation: { statusCode: number; at?: string; status?: ZdInvocation['status'] },
  ): ZdInvocation;
}

const DEFAULT_BASE = 'https://demo.zendesk.com';

export function createZendeskState(
  seed: ZendeskSeed = demoZendeskSeed(),
  options: ZendeskStateOptions = {},
): ZendeskState {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE).replace(/\/$/, '');
  const clock = options.now ?? (() => new Date());
  let sequence = 9_000_000;
  const records: RecordContext = {
    api: (path) => `${baseUrl}/api/v2/${path}.json`,
    nextId: () => ++sequence,
    at: (minutesAgo = 0) => new Date(clock().getTime() - minutesAgo * 60_000).toISOString(),
    createdAt: new Date(clock().getTime() - 90 * 24 * 3600_000).toISOString(),
  };
  const userFields = seed.userFields.map((f, i) => makeUserField(records, f, i));

  const state: ZendeskState = {
    baseUrl,
    subdomain: seed.subdomain,
    pageSize: options.pageSize ?? 100,
    currentUserId: seed.currentUserId,
    session: 'agent',
    tickets: new Map(),
    deletedTickets: new Map(),
    comments: new Map(),
    users: new Map(),
    identities: new Map(),
    brands: seed.brands.map((b) => makeBrand(records, b)),
    groups: seed.groups.map((g) => makeGroup(records, g)),
    userFields,
    ticketFields: new Map(seed.ticketFields.map((f) => [f.id, makeTicketField(records, f)])),
    webhooks: new Map(),
    invocations: new Map(),
    triggers: new Map(),
    automations: new Map(),
    views: new Map(),
    oauthClients: new Map(),
    oauthTokens: new Map(),
    secrets: { webhookAuth: new Map(), clientSecrets: new Map(), bearerTokens: new Map() },
    faults: {},
    requests: [],
    records,
    now: clock,
    nextId: records.nextId,
    currentUser: () => state.getUser(state.currentUserId),
    requireAdmin() {
      if (state.currentUser().role !== 'admin') throw forbidden();
    },
    getTicket(id) {
      const ticket = state.tickets.get(id);
      if (!ticket) throw notFound();
      return ticket;
    },
    getUser(id) {
      const user = state.users.get(id);
      if (!user) throw notFound();
      return user;
    },
    authenticationOf: (webhookId) => state.secrets.webhookAuth.get(webhookId),
    addInvocation(webhookId, { statusCode, at, status }) {
      const list = state.invocations.get(webhookId) ?? [];
      const completed =
        at ??
        clock()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z');
      const outcome = statusCode >= 200 && statusCode < 300 ? 'success' : 'failed';
      const invocation: ZdInvocation = {
        id: `01INV${String(list.length + 1).padStart(6, '0')}${webhookId.slice(-8)}`,
        latest_completed_at: completed,
        status: status ?? outcome,
        latest_status_code: statusCode,
      };
      list.push(invocation);
      state.invocations.set(webhookId, list);
      return invocation;
    },
  };

  for (const u of seed.users) {
    state.users.set(u.id, makeUser(records, u, userFields));
    state.identities.set(u.id, seedIdentities(records, u));
  }
  for (const t of seed.tickets) {
    const list = t.comments.map((c) =>
      makeComment(
        records,
        {
          body: c.body,
          public: c.public ?? true,
          authorId: c.authorId,
          channel: c.channel ?? 'web',
        },
        records.at(c.minutesAgo),
      ),
    );
    const ticket = makeTicket(records, {
      id: t.id,
      subject: t.subject,
      status: t.status,
      requesterId: t.requesterId,
      submitterId: t.requesterId,
      brandId: t.brandId,
      groupId: t.groupId ?? null,
      assigneeId: t.assigneeId ?? null,
      priority: t.priority ?? null,
      type: t.type ?? null,
      via: via(t.channel ?? 'web'),
      externalId: t.externalId ?? null,
      isPublic: true,
      createdAt: list[0]?.created_at ?? records.createdAt,
    });
    ticket.description = list[0]?.body ?? '';
    ticket.updated_at = list[list.length - 1]?.created_at ?? records.createdAt;
    ticket.tags = [...(t.tags ?? [])];
    state.tickets.set(t.id, ticket);
    state.comments.set(t.id, list);
  }
  return state;
}
