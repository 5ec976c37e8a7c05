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
import { http, HttpResponse, type RequestHandler } from 'msw';

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
  clients(): OAuthClient[];
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
    clients: () => [...clients],
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

/**
 * Zendesk's OAuth API over `oauth` (`GET /api/v2/oauth/clients.json`,
 * `POST /api/v2/oauth/tokens.json`), admins only, for as long as the Zendesk stand-in does not
 * serve its own; put after the Zendesk handlers so theirs win once they exist.
 */
export function zendeskOAuthHandlers(
  base: string,
  oauth: ZendeskOAuth,
  session: () => { signedIn: boolean; admin: boolean },
): RequestHandler[] {
  const refuse = () => {
    const s = session();
    if (!s.signedIn)
      return HttpResponse.json({ error: "Couldn't authenticate you" }, { status: 401 });
    if (!s.admin) return HttpResponse.json({ error: 'Forbidden' }, { status: 403 });
    return null;
  };
  return [
    http.get(`${base}/api/v2/oauth/clients.json`, () => {
      return refuse() ?? HttpResponse.json({ clients: oauth.clients() });
    }),
    http.post(`${base}/api/v2/oauth/tokens.json`, async ({ request }) => {
      const refused = refuse();
      if (refused) return refused;
      const body = (await request.json().catch(() => ({}))) as {
        token?: { client_id?: number; scopes?: string[] };
      };
      const clientId = body.token?.client_id;
      const client = oauth.clients().find((c) => c.id === clientId);
      if (!client) {
        return HttpResponse.json(
          {
            error: 'RecordInvalid',
            description: 'Record validation errors',
            details: { client_id: [{ description: 'Client is invalid' }] },
          },
          { status: 422 },
        );
      }
      const issued = oauth.issueToken(client.id, body.token?.scopes ?? ['read']);
      return HttpResponse.json(
        {
          token: {
            id: Math.floor(issued.expiresAt / 1000),
            client_id: client.id,
            full_token: issued.token,
            scopes: body.token?.scopes ?? ['read'],
            expires_at: new Date(issued.expiresAt).toISOString(),
          },
        },
        { status: 201 },
      );
    }),
  ];
}
