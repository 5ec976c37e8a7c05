/**
 * What a failed read of the inbound setup says the account lacks, in words an admin acts on:
 * Integration Services refused (a plan without it, a trial, or not an admin), a Klaviyo key
 * without the flows or metrics scopes, or anything else (said as the error says it).
 */
import type { Translate } from '../../../i18n';
import { isKlaviyoError } from '../../../klaviyo';
import { isZendeskError } from '../../../zendesk/errors';
import { describeError } from '../reasons';

export type Missing =
  | { kind: 'zis'; status: number }
  | { kind: 'klaviyo-scope'; scope: string }
  | { kind: 'other'; error: unknown };

/** ZIS answers 403 to an account whose plan lacks it and 404 where it is not enabled. */
export function missingFrom(error: unknown): Missing {
  if (isZendeskError(error) && (error.status === 403 || error.status === 404)) {
    return { kind: 'zis', status: error.status };
  }
  if (isKlaviyoError(error) && error.kind === 'missing-scope') {
    return { kind: 'klaviyo-scope', scope: error.scope ?? 'flows:read' };
  }
  return { kind: 'other', error };
}

export function missingText(t: Translate, missing: Missing): string {
  switch (missing.kind) {
    case 'zis':
      return t('setup.inbound.missing.zis', { status: missing.status });
    case 'klaviyo-scope':
      return t('setup.inbound.missing.klaviyo_scope', { scope: missing.scope });
    default:
      return t('setup.inbound.load_failed', { reason: describeError(t, missing.error) });
  }
}
