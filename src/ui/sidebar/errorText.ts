import { isKlaviyoError } from '../../klaviyo';
import type { Formatters, Translate } from '../../i18n';

export interface ErrorText {
  title: string;
  body: string;
  /** Worth offering "Try again" (not for a bad key or a missing scope). */
  retryable: boolean;
  type: 'error' | 'warning';
}

/** When a rate-limited call will be tried again, as a clock time in the agent's locale. */
export function retryTime(error: unknown, format: Formatters, since = Date.now()): string | null {
  if (!isKlaviyoError(error) || error.kind !== 'rate-limited') return null;
  const seconds = Math.max(1, error.retryAfterSeconds ?? 60);
  return format.time(new Date(since + seconds * 1000));
}

/**
 * What to tell the agent about a failed Klaviyo call: admins learn what to fix, agents whom to
 * ask. Klaviyo's own messages are not shown (they may name internals), only our own words.
 */
export function errorText(
  error: unknown,
  {
    t,
    format,
    isAdmin,
    since,
  }: { t: Translate; format: Formatters; isAdmin: boolean; since?: number },
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
    body: t('common.unexpected_error'),
    retryable: true,
    type: 'error',
  };
}
