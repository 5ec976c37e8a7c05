/**
 * Zendesk's OAuth API (admins only): clients (list, show, create: the secret is in that one
 * answer) and access tokens (list, create with scopes and an optional `expires_at`, revoke). The
 * created token's `full_token` authenticates API calls as `Authorization: Bearer <full_token>`.
 */
import { notFound, recordInvalid } from '../errors';
import { idParam, strings, wrapped, type Router } from '../http';
import { offsetPage } from '../paging';
import { createOAuthClient, issueOAuthToken, revokeOAuthToken } from '../oauth';

export function oauthRoutes(r: Router): void {
  const { state } = r;
  r.add('get', '/oauth/clients', ({ url }) => {
    state.requireAdmin();
    return { body: offsetPage(url, [...state.oauthClients.values()], 'clients', state.pageSize) };
  });
  r.add('get', '/oauth/clients/:id', ({ params }) => {
    state.requireAdmin();
    const client = state.oauthClients.get(idParam(params.id));
    if (!client) throw notFound();
    return { body: { client } };
  });
  r.add('post', '/oauth/clients', async ({ json, actor }) => {
    state.requireAdmin();
    const input = wrapped(await json(), 'client');
    const { client, secret } = createOAuthClient(state, {
      name: String(input.name ?? ''),
      identifier: String(input.identifier ?? ''),
      redirectUri: strings(input.redirect_uri) ?? [],
      ...(input.kind === 'public' || input.kind === 'confidential' ? { kind: input.kind } : {}),
      userId: actor.userId,
    });
    return { status: 201, body: { client: { ...client, secret } } };
  });
  r.add('get', '/oauth/tokens', ({ url }) => {
    state.requireAdmin();
    return { body: offsetPage(url, [...state.oauthTokens.values()], 'tokens', state.pageSize) };
  });
  r.add('post', '/oauth/tokens', async ({ json, actor }) => {
    state.requireAdmin();
    const input = wrapped(await json(), 'token');
    let expiresInSeconds: number | undefined;
    if (input.expires_at !== undefined && input.expires_at !== null) {
      const at = Date.parse(String(input.expires_at));
      if (Number.isNaN(at)) throw recordInvalid({ expires_at: 'Expires at: is invalid' });
      expiresInSeconds = (at - state.now().getTime()) / 1000;
    }
    const token = issueOAuthToken(state, {
      clientId: Number(input.client_id),
      userId: actor.userId,
      ...(strings(input.scopes) ? { scopes: strings(input.scopes) } : {}),
      ...(expiresInSeconds !== undefined ? { expiresInSeconds } : {}),
    });
    return { status: 201, body: { token } };
  });
  r.add('delete', '/oauth/tokens/:id', ({ params }) => {
    state.requireAdmin();
    if (!revokeOAuthToken(state, idParam(params.id))) throw notFound();
    return { status: 204 };
  });
}
