/**
 * OAuth clients and tokens of the Zendesk stand-in, as Zendesk's OAuth API keeps them: a client
 * (name, unique identifier, redirect URIs, its secret shown once) and access tokens for a user and
 * scopes, each with an optional expiry. The ZIS stand-in creates a client when an integration is
 * registered (`createOAuthClient`) and the REST API accepts `Authorization: Bearer <token>` for a
 * token that `verifyBearerToken` finds valid (known, not revoked, not expired).
 */
import { recordInvalid } from './errors';
import type { ZendeskState } from './state';
import type { ZdOAuthClient, ZdOAuthToken } from './types';

const SCOPES = ['read', 'write', 'impersonate'];

function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(values);
  return [...values].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface NewOAuthClient {
  name: string;
  identifier: string;
  redirectUri?: string[];
  kind?: ZdOAuthClient['kind'];
  /** The admin who owns it (default: the signed-in user). */
  userId?: number;
  description?: string | null;
  company?: string | null;
}

/** Creates a client; the secret is returned once and kept only in the state's secrets. */
export function createOAuthClient(
  state: ZendeskState,
  input: NewOAuthClient,
): { client: ZdOAuthClient; secret: string } {
  const invalid: Record<string, string> = {};
  if (!input.name?.trim()) invalid.name = 'Name: cannot be blank';
  if (!/^[a-z0-9_-]+$/i.test(input.identifier ?? '')) invalid.identifier = 'Identifier: is invalid';
  else if ([...state.oauthClients.values()].some((c) => c.identifier === input.identifier)) {
    invalid.identifier = 'Identifier: has already been taken';
  }
  for (const uri of input.redirectUri ?? []) {
    if (!/^https:\/\//.test(uri)) invalid.redirect_uri = 'Redirect URI: must be https';
  }
  if (Object.keys(invalid).length > 0) throw recordInvalid(invalid);
  const id = state.nextId();
  const at = state.now().toISOString();
  const client: ZdOAuthClient = {
    id,
    url: state.records.api(`oauth/clients/${id}`),
    name: input.name,
    identifier: input.identifier,
    company: input.company ?? null,
    description: input.description ?? null,
    redirect_uri: [...(input.redirectUri ?? [])],
    kind: input.kind ?? 'confidential',
    user_id: input.userId ?? state.currentUserId,
    created_at: at,
    updated_at: at,
  };
  const secret = randomHex(32);
  state.oauthClients.set(id, client);
  state.secrets.clientSecrets.set(id, secret);
  return { client, secret };
}

export interface NewOAuthToken {
  clientId: number;
  userId?: number;
  scopes?: string[];
  /** Seconds until it expires; omitted: no expiry (as a token made by the Tokens API). */
  expiresInSeconds?: number;
}

/** Issues an access token; the answer carries `full_token` this once. */
export function issueOAuthToken(state: ZendeskState, input: NewOAuthToken): ZdOAuthToken {
  const scopes = input.scopes ?? ['read', 'write'];
  const invalid: Record<string, string> = {};
  if (!state.oauthClients.has(input.clientId)) invalid.client_id = 'Client: is invalid';
  if (scopes.length === 0 || scopes.some((s) => !SCOPES.includes(s.split(':').pop() ?? s))) {
    invalid.scopes = 'Scopes: is invalid';
  }
  if (input.expiresInSeconds !== undefined && !(input.expiresInSeconds > 0)) {
    invalid.expires_at = 'Expires at: must be in the future';
  }
  if (Object.keys(invalid).length > 0) throw recordInvalid(invalid);
  const id = state.nextId();
  const now = state.now();
  const full = randomHex(32);
  const token: ZdOAuthToken = {
    id,
    url: state.records.api(`oauth/tokens/${id}`),
    client_id: input.clientId,
    user_id: input.userId ?? state.currentUserId,
    scopes,
    created_at: now.toISOString(),
    expires_at:
      input.expiresInSeconds === undefined
        ? null
        : new Date(now.getTime() + input.expiresInSeconds * 1000).toISOString(),
    refresh_token_expires_at: null,
    used_at: null,
    token: full.slice(0, 10),
  };
  state.oauthTokens.set(id, token);
  state.secrets.bearerTokens.set(full, id);
  return { ...token, full_token: full };
}

/** The token's user and scopes when `fullToken` is a live token of this account; else null. */
export function verifyBearerToken(
  state: ZendeskState,
  fullToken: string,
): { tokenId: number; userId: number; scopes: string[] } | null {
  const id = state.secrets.bearerTokens.get(fullToken);
  const token = id === undefined ? undefined : state.oauthTokens.get(id);
  if (!token || !state.users.has(token.user_id)) return null;
  if (token.expires_at && Date.parse(token.expires_at) <= state.now().getTime()) return null;
  token.used_at = state.now().toISOString();
  return { tokenId: token.id, userId: token.user_id, scopes: token.scopes };
}

/** Revokes a token (`DELETE /api/v2/oauth/tokens/{id}`). */
export function revokeOAuthToken(state: ZendeskState, id: number): boolean {
  if (!state.oauthTokens.delete(id)) return false;
  for (const [full, tokenId] of state.secrets.bearerTokens) {
    if (tokenId === id) state.secrets.bearerTokens.delete(full);
  }
  return true;
}
