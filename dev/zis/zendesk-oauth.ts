/**
 * The ZIS stand-in's OAuth port over the Zendesk stand-in's own OAuth clients and tokens
 * (`dev/zendesk/oauth.ts`): integration clients are real Zendesk OAuth clients there, and the
 * tokens ZIS mints are bearer tokens the Zendesk REST stand-in accepts, expiring after 30 minutes.
 * Refresh tokens are ZIS's own record of the grant.
 */
import { randomBytes } from 'node:crypto';
import {
  createOAuthClient,
  issueOAuthToken,
  revokeOAuthToken,
  verifyBearerToken,
  type ZendeskState,
} from '../zendesk';
import { ACCESS_TOKEN_TTL_MS, type OAuthClient, type ZendeskOAuth } from './oauth';

export function zendeskStateOAuth(zendesk: () => ZendeskState): ZendeskOAuth {
  const grants = new Map<string, { clientId: number; scopes: string[] }>();
  const view = (c: { id: number; identifier: string }): OAuthClient => ({
    id: c.id,
    identifier: c.identifier,
  });
  const oauth: ZendeskOAuth = {
    createClient: (identifier, name) =>
      view(createOAuthClient(zendesk(), { identifier, name, kind: 'confidential' }).client),
    clients: () => [...zendesk().oauthClients.values()].map(view),
    findClient: (identifier) => oauth.clients().find((c) => c.identifier === identifier) ?? null,
    verifyBearer(token) {
      const found = verifyBearerToken(zendesk(), token);
      const clientId = found ? zendesk().oauthTokens.get(found.tokenId)?.client_id : undefined;
      return oauth.clients().find((c) => c.id === clientId) ?? null;
    },
    issueToken(clientId, scopes) {
      const issued = issueOAuthToken(zendesk(), {
        clientId,
        scopes,
        expiresInSeconds: ACCESS_TOKEN_TTL_MS / 1000,
      });
      if (!issued.full_token) throw new Error('The Zendesk stand-in issued no token');
      const refreshToken = randomBytes(24).toString('hex');
      grants.set(refreshToken, { clientId, scopes });
      return {
        token: issued.full_token,
        refreshToken,
        expiresAt: Date.parse(issued.expires_at ?? '') || Date.now() + ACCESS_TOKEN_TTL_MS,
      };
    },
    refresh(refreshToken) {
      const grant = grants.get(refreshToken);
      if (!grant) return null;
      grants.delete(refreshToken);
      return oauth.issueToken(grant.clientId, grant.scopes);
    },
    revokeAll(clientId) {
      for (const token of [...zendesk().oauthTokens.values()]) {
        if (token.client_id === clientId) revokeOAuthToken(zendesk(), token.id);
      }
      for (const [t, g] of grants) if (g.clientId === clientId) grants.delete(t);
    },
  };
  return oauth;
}
