/**
 * The setup page's connection test: the account's name, which scopes the key lacks (each read
 * probed once, cheaply), and whether the account has Conversations API access.
 */
import type { KlaviyoHttp } from './context';
import { KlaviyoError } from './errors';
import type { ConnectionReport } from './model';
import { REQUIRED_SCOPES, type OperationId } from './operations';
import { many, parseDocument } from './parse';

export function connectionResource(http: KlaviyoHttp) {
  async function testConnection(): Promise<ConnectionReport> {
    const missing = new Set<string>();
    const probe = async (
      operationId: OperationId,
      path: string,
      query: Array<[string, string]> = [],
    ) => {
      try {
        return await http.get(operationId, http.url(path, query));
      } catch (error) {
        const refused =
          error instanceof KlaviyoError &&
          (error.kind === 'missing-scope' || error.kind === 'conversations-unavailable');
        if (!refused) throw error;
        if (error.scope) missing.add(error.scope);
        return null;
      }
    };
    let account: ConnectionReport['account'] = null;
    try {
      const body = await probe('get_accounts', '/api/accounts', [
        ['fields[account]', 'contact_information.organization_name'],
      ]);
      const first =
        body === null ? undefined : many(parseDocument(body, 'many', 'account list'))[0];
      if (first) {
        const info = first.attributes.contact_information as { organization_name?: unknown } | null;
        account = {
          id: first.id,
          name: info && typeof info.organization_name === 'string' ? info.organization_name : null,
        };
      }
    } catch (error) {
      if (error instanceof KlaviyoError && error.kind === 'bad-key')
        return { ok: false, account: null, missingScopes: [], conversationsAccess: null };
      throw error;
    }
    const one: Array<[string, string]> = [['page[size]', '1']];
    const profilesBody = await probe('get_profiles', '/api/profiles', [
      ['fields[profile]', 'email'],
      ...one,
    ]);
    await Promise.all([
      probe('get_events', '/api/events', [['fields[event]', 'datetime'], ...one]),
      probe('get_metrics', '/api/metrics', [['fields[metric]', 'name']]),
      probe('get_lists', '/api/lists', [['fields[list]', 'name'], ...one]),
      probe('get_segments', '/api/segments', [['fields[segment]', 'name'], ...one]),
    ]);
    let conversationsAccess: boolean | null = null;
    const someProfile = profilesBody
      ? many(parseDocument(profilesBody, 'many', 'profile list'))[0]
      : undefined;
    if (someProfile) {
      const path = `/api/profiles/${encodeURIComponent(someProfile.id)}/relationships/conversations`;
      conversationsAccess = (await probe('get_conversation_ids_for_profile', path)) !== null;
    }
    const missingScopes = [...missing].sort();
    const ok =
      account !== null &&
      !missingScopes.some((s) => (REQUIRED_SCOPES as readonly string[]).includes(s));
    return { ok, account, missingScopes, conversationsAccess };
  }
  return { testConnection };
}
