/** One readable sentence for any error the setup page can meet (Klaviyo, Zendesk, provisioning). */
import type { MessageKey, Translate } from '../../i18n';
import { isKlaviyoError } from '../../klaviyo';
import { ProvisionError } from '../../metrics/provision';
import type { StepFailure } from '../../provision';
import { isZendeskError } from '../../zendesk/errors';
import { summaryText } from './ProvisionSummary';

/** What Zendesk's and Klaviyo's errors say alike: throttled, no network, or an unexpected status. */
function commonReason(
  t: Translate,
  error: { kind: string; status: number | null; retryAfterSeconds: number | null },
): string {
  switch (error.kind) {
    case 'rate-limited':
      return error.retryAfterSeconds !== null
        ? t('setup.reason.rate_limited', { seconds: error.retryAfterSeconds })
        : t('setup.reason.rate_limited_soon');
    case 'network':
      return t('setup.reason.network');
    default:
      return t('setup.reason.unexpected', { status: error.status ?? '–' });
  }
}

export function describeError(t: Translate, error: unknown): string {
  if (error instanceof ProvisionError) {
    if (error.reason === 'key-required') return t('setup.sync.key_required');
    if (error.reason === 'key-invalid') {
      return t(`setup.sync.key_problem.${error.keyProblem ?? 'not-private'}`);
    }
    if (error.reason === 'hours-invalid') {
      return t('setup.sync.hours_error', { min: 1, max: 672 });
    }
    return error.failure ? describeStepFailure(t, error.failure) : t('common.unexpected_error');
  }
  if (isZendeskError(error)) {
    switch (error.kind) {
      case 'forbidden':
        return t('setup.reason.zendesk_forbidden');
      case 'invalid':
        return t('setup.reason.zendesk_invalid', {
          // Per-field details say more than Zendesk's summary ("Record validation errors").
          details: error.details.length
            ? error.details.join(' ')
            : (error.description ?? String(error.status)),
        });
      case 'server':
        return t('setup.reason.zendesk_server');
      default:
        return commonReason(t, error);
    }
  }
  if (isKlaviyoError(error)) {
    switch (error.kind) {
      case 'bad-key':
        return t('setup.reason.klaviyo_bad_key');
      case 'missing-scope':
        return t('setup.reason.klaviyo_missing_scope', { scope: error.scope ?? 'events:write' });
      case 'invalid-request':
        return t('setup.reason.klaviyo_rejected');
      case 'server':
        return t('setup.reason.klaviyo_server');
      default:
        return commonReason(t, error);
    }
  }
  return t('common.unexpected_error');
}

/** Which step stopped, with what HTTP status, why, and what the admin can do now. */
export function describeStepFailure(t: Translate, failure: StepFailure): string {
  return [
    t('setup.reason.step', {
      step: summaryText(t, failure.step.summary),
      status: failure.httpStatus ?? '–',
    }),
    describeError(t, failure.cause),
    t(failure.advice as MessageKey, failure.adviceValues),
  ]
    .map((part) => (/[.!?。]$/.test(part.trim()) ? part.trim() : `${part.trim()}.`))
    .join(' ');
}
