/** The shape of one control endpoint (`/__workspace/*`) and the helpers they share. */
import type { WorkspaceState } from '../state';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ControlRequest {
  state: WorkspaceState;
  /** The `:name` segments of the path. */
  params: Record<string, string>;
  body(): Promise<unknown>;
}

export interface ControlRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under `/__workspace`, with `:name` segments: `/zendesk/tickets/:id/status`. */
  path: string;
  /** What the body takes, shown in `GET /__workspace/` (e.g. `{status}`). */
  takes?: string;
  handle(request: ControlRequest): ControlAnswer | Promise<ControlAnswer>;
}

export const ok = (body: unknown, status = 200): ControlAnswer => ({ status, body });

export function object(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ControlError(400, `${what}: expected a JSON object.`);
  }
  return value as Record<string, unknown>;
}

export function idFrom(segment: string | undefined): number {
  const id = Number(segment);
  if (!Number.isInteger(id) || id <= 0) throw new ControlError(400, `Not an id: ${segment}`);
  return id;
}

/** The route whose path matches, with its parameters. */
export function match(
  routes: readonly ControlRoute[],
  method: string,
  path: string,
): { route: ControlRoute; params: Record<string, string> } | null {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const hit = pattern.every((p, i) => {
      if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(parts[i]!);
      return p.startsWith(':') || p === parts[i];
    });
    if (hit) return { route, params };
  }
  return null;
}
