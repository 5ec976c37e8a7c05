/** One readable sentence for any error the setup page can meet (Klaviyo, Zendesk, provisioning). */
import type { Translate } from '../../i18n';
import { isKlaviyoError } from '../../klaviyo';
import { ProvisionError } from '../../metrics/provision';
import type { ObjectKind } from '../../metrics/objects';
import { isZendeskError } from '../../zendesk/errors';

export function objectLabel(t: Translate, kind: ObjectKind): string {
  switch (kind) {
    case 'webhook':
      return t('setup.objects.webhook');
    case 'user-field':
      return t('setup.objects.user_field');
    case 'opened-trigger':
      return t('setup.objects.opened_trigger');
    case 'resolved-trigger':
      return t('setup.objects.resolved_trigger');
    case 'automation':
      return t('setup.objects.automation');
    case 'view':
      return t('setup.objects.view');
  }
}

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
    const inner = describeError(t, error.cause);
    return error.object
      ? `${t('setup.reason.while', { object: objectLabel(t, error.object) })} ${inner}`
      : inner;
  }
  if (isZendeskError(error)) {
    switch (error.kind) {
      case 'forbidden':
        return t('setup.reason.zendesk_forbidden');
      case 'invalid':
        return t('setup.reason.zendesk_invalid', {
          details: error.description ?? error.details.join(' ') ?? String(error.status),
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
