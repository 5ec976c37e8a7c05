/**
 * The Zendesk OAuth part ZIS relies on: creating an integration creates OAuth client
 * `zis_<name>`; tokens of that client authorise ZIS management calls and, through the connection,
 * the flow's Zendesk calls. Access tokens expire (30 minutes for clients created after
 * 2026-04-30); a connection made with offline access renews with its refresh token.
 *
 * `ZendeskOAuth` is the port the ZIS stand-in uses. `createLocalOAuth` keeps clients and tokens
 * in memory until the Zendesk stand-in exports its own (then the workspace passes that one).
 */
import { randomBytes } from 'node:crypto';

export interface OAuthClient {
  id: number;
  identifier: string;
}

export interface IssuedToken {
  token: string;
  refreshToken: string;
  expiresAt: number;
}

export interface ZendeskOAuth {
  createClient(identifier: string, name: string): OAuthClient;
  findClient(identifier: string): OAuthClient | null;
  /** The client a live access token belongs to; null when unknown, revoked or expired. */
  verifyBearer(token: string): OAuthClient | null;
  issueToken(clientId: number, scopes: string[]): IssuedToken;
  /** A fresh access token for a refresh token; null when the grant is gone. */
  refresh(refreshToken: string): IssuedToken | null;
  /** Ends every token of a client (what an admin revoking access does). */
  revokeAll(clientId: number): void;
}

export const ACCESS_TOKEN_TTL_MS = 30 * 60 * 1000;

export function createLocalOAuth(now: () => number = Date.now): ZendeskOAuth {
  const clients: OAuthClient[] = [];
  const tokens = new Map<string, { clientId: number; expiresAt: number }>();
  const refreshTokens = new Map<string, { clientId: number; scopes: string[] }>();
  let nextId = 360_000_000;
  const secret = () => randomBytes(24).toString('hex');

  const oauth: ZendeskOAuth = {
    createClient(identifier) {
      const client = { id: (nextId += 1), identifier };
      clients.push(client);
      return client;
    },
    findClient: (identifier) => clients.find((c) => c.identifier === identifier) ?? null,
    verifyBearer(token) {
      const entry = tokens.get(token);
      if (!entry || entry.expiresAt <= now()) return null;
      return clients.find((c) => c.id === entry.clientId) ?? null;
    },
    issueToken(clientId, scopes) {
      const token = secret();
      const refreshToken = secret();
      const expiresAt = now() + ACCESS_TOKEN_TTL_MS;
      tokens.set(token, { clientId, expiresAt });
      refreshTokens.set(refreshToken, { clientId, scopes });
      return { token, refreshToken, expiresAt };
    },
    refresh(refreshToken) {
      const grant = refreshTokens.get(refreshToken);
      if (!grant) return null;
      refreshTokens.delete(refreshToken);
      return oauth.issueToken(grant.clientId, grant.scopes);
    },
    revokeAll(clientId) {
      for (const [t, e] of tokens) if (e.clientId === clientId) tokens.delete(t);
      for (const [t, g] of refreshTokens) if (g.clientId === clientId) refreshTokens.delete(t);
    },
  };
  return oauth;
}
