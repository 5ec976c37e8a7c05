import type { Formatters, Translate } from '../../../i18n';
import type { ReplyFailure } from '../../../reply/types';

export interface FailureText {
  title: string | null;
  body: string;
}

/** The agent-facing explanation of a failed send, for the composer and the save bridge. */
export function failureText(
  failure: ReplyFailure,
  { t, format, isAdmin }: { t: Translate; format: Formatters; isAdmin: boolean },
): FailureText {
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
        body: failure.detail
          ? t('composer.failure.refused', { detail: failure.detail })
          : t('composer.failure.refused_plain'),
      };
  }
}
