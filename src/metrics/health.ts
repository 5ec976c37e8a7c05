/** What a webhook invocation's status code means for the admin. */
import type { WebhookInvocation } from '../zendesk/types';

export type InvocationMeaning =
  /** 2xx: Klaviyo accepted the event (202). */
  | 'accepted'
  /**
   * 400: Klaviyo refused the body. Every ticket text renders valid JSON (body.ts escapes every
   * control character), so the cause left is a requester with neither email nor phone.
   */
  | 'body-rejected'
  /** 401: the webhook's key is wrong or revoked. */
  | 'bad-key'
  /** 403: the key lacks the events:write scope. */
  | 'missing-scope'
  /** 429: Klaviyo throttled the account; Zendesk retries. */
  | 'throttled'
  /** 5xx: Klaviyo had a problem; Zendesk retries. */
  | 'klaviyo-down'
  /** No status: Zendesk could not reach Klaviyo (timeout, circuit breaker). */
  | 'unreachable'
  | 'other';

export function invocationMeaning(statusCode: number | null | undefined): InvocationMeaning {
  if (statusCode === null || statusCode === undefined || statusCode === 0) return 'unreachable';
  if (statusCode >= 200 && statusCode < 300) return 'accepted';
  if (statusCode === 400) return 'body-rejected';
  if (statusCode === 401) return 'bad-key';
  if (statusCode === 403) return 'missing-scope';
  if (statusCode === 429) return 'throttled';
  if (statusCode >= 500) return 'klaviyo-down';
  return 'other';
}

export interface InvocationRow {
  id: string;
  at: string;
  statusCode: number | null;
  meaning: InvocationMeaning;
  ok: boolean;
}

export function invocationRows(invocations: WebhookInvocation[]): InvocationRow[] {
  return [...invocations]
    .sort((a, b) => b.latest_completed_at.localeCompare(a.latest_completed_at))
    .map((i) => {
      const meaning = invocationMeaning(i.latest_status_code);
      return {
        id: i.id,
        at: i.latest_completed_at,
        statusCode: i.latest_status_code ?? null,
        meaning,
        ok: meaning === 'accepted',
      };
    });
}

/** The metric the setup page's "send test event" records, so real metrics stay clean. */
export const TEST_EVENT_METRIC = 'Zendesk Test Event';
