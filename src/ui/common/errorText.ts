/**
 * The app's one error-to-words policy, for the sidebar's views, the composer's send and the setup
 * page's health checks:
 *
 * 1. Our own translated sentence always leads, chosen by the kind of failure, never by parsing a
 *    service's message.
 * 2. The sentence suits the reader's role: admins learn what to fix (the key, a scope, a setting),
 *    agents whom to ask. Nothing sends an agent to a developer document.
 * 3. Klaviyo's (or Zendesk's) own words are English, unlocalised and may name internals: they are
 *    shown to admins only, after our sentence, quoted and clipped (`serviceDetail`); agents never
 *    see them.
 * 4. A rate limit says when the next try happens, as a clock time; a failure that a retry cannot
 *    mend (bad key, missing scope) offers no "Try again".
 */
import type { Formatters, Translate } from '../../i18n';
import { isKlaviyoError } from '../../klaviyo';
import type { ReplyFailure } from '../../reply/types';

/** The longest service detail shown: enough for a sentence, never a stack of JSON. */
const MAX_DETAIL = 200;

export interface ErrorText {
  title: string;
  body: string;
  /** Worth offering "Try again" (not for a bad key or a missing scope). */
  retryable: boolean;
  type: 'error' | 'warning';
}

export interface FailureText {
  title: string | null;
  body: string;
}

interface Readers {
  t: Translate;
  format: Formatters;
  isAdmin: boolean;
}

/** When a rate-limited call will be tried again, as a clock time in the agent's locale. */
export function retryTime(error: unknown, format: Formatters, since = Date.now()): string | null {
  if (!isKlaviyoError(error) || error.kind !== 'rate-limited') return null;
  const seconds = Math.max(1, error.retryAfterSeconds ?? 60);
  return format.time(new Date(since + seconds * 1000));
}

/**
 * A service's own explanation (a Klaviyo error's `detail`s, or a string the service sent), for
 * admins only (rule 3): collapsed to one line and clipped. null for agents and when there is none.
 */
export function serviceDetail(source: unknown, isAdmin: boolean): string | null {
  if (!isAdmin) return null;
  let text: string | null = null;
  if (typeof source === 'string') text = source;
  else if (isKlaviyoError(source)) {
    text = source.errors.map((e) => e.detail ?? e.title ?? '').join(' ');
  }
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  if (line === '') return null;
  const chars = Array.from(line);
  return chars.length > MAX_DETAIL ? `${chars.slice(0, MAX_DETAIL).join('')}…` : line;
}

function withDetail(t: Translate, body: string, detail: string | null): string {
  return detail ? `${body} ${t('sidebar.errors.klaviyo_said', { detail })}` : body;
}

/** What to tell the reader about a failed Klaviyo read in the sidebar. */
export function errorText(
  error: unknown,
  { t, format, isAdmin, since }: Readers & { since?: number },
): ErrorText {
  if (isKlaviyoError(error)) {
    switch (error.kind) {
      case 'bad-key':
        return {
          title: t('sidebar.errors.bad_key_title'),
          body: isAdmin ? t('sidebar.errors.bad_key_admin') : t('sidebar.errors.bad_key_agent'),
          retryable: false,
          type: 'error',
        };
      case 'missing-scope': {
        const scope = error.scope ?? '?';
        return {
          title: t('sidebar.errors.missing_scope_title'),
          body: isAdmin
            ? t('sidebar.errors.missing_scope_admin', { scope })
            : t('sidebar.errors.missing_scope_agent', { scope }),
          retryable: false,
          type: 'error',
        };
      }
      case 'rate-limited':
        return {
          title: t('sidebar.errors.rate_limited_title'),
          body: t('sidebar.errors.rate_limited', { time: retryTime(error, format, since) ?? '' }),
          retryable: false,
          type: 'warning',
        };
      case 'network':
        return {
          title: t('sidebar.errors.network_title'),
          body: t('sidebar.errors.network'),
          retryable: true,
          type: 'error',
        };
      case 'server':
        return {
          title: t('sidebar.errors.server_title'),
          body: t('sidebar.errors.server'),
          retryable: true,
          type: 'error',
        };
      default:
        break;
    }
  }
  return {
    title: t('sidebar.errors.generic_title'),
    body: withDetail(t, t('common.unexpected_error'), serviceDetail(error, isAdmin)),
    retryable: true,
    type: 'error',
  };
}

/** What to tell the agent about a failed send, for the composer and the save bridge. */
export function failureText(failure: ReplyFailure, { t, format, isAdmin }: Readers): FailureText {
  switch (failure.kind) {
    case 'conversations-unavailable':
      return {
        title: t('composer.failure.conversations_title'),
        body: isAdmin
          ? t('composer.failure.conversations_admin')
          : t('composer.failure.conversations_agent'),
      };
    case 'no-conversation':
      return { title: null, body: t('composer.failure.no_conversation') };
    case 'uncertain':
      return {
        title: t('composer.failure.uncertain_title'),
        body: failure.checkedAt
          ? t('composer.failure.uncertain_not_found', { time: format.time(failure.checkedAt) })
          : t('composer.failure.uncertain'),
      };
    case 'rate-limited':
      return {
        title: null,
        body: t('composer.failure.rate_limited', { time: format.time(failure.retryAt) }),
      };
    case 'network':
      return { title: null, body: t('composer.failure.network') };
    case 'server':
      return { title: null, body: t('composer.failure.server') };
    case 'bad-key':
      return { title: null, body: t('composer.failure.bad_key') };
    case 'missing-scope':
      return {
        title: null,
        body: failure.scope
          ? t('composer.failure.missing_scope', { scope: failure.scope })
          : t('composer.failure.missing_scope_unknown'),
      };
    case 'refused':
      return {
        title: null,
        body: withDetail(
          t,
          t('composer.failure.refused_plain'),
          serviceDetail(failure.detail, isAdmin),
        ),
      };
  }
}
