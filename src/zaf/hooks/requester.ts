import type { ZafGetResult, ZafLocation, ZafUser } from '../types';

/** The Zendesk user field that keeps the linked Klaviyo profile id (provisioned by the setup page). */
export const PROFILE_ID_FIELD_KEY = 'klaviyo_profile_id';

/** Who the sidebar is about: the ticket's requester, or the user in the user sidebar. */
export interface Requester {
  id: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Klaviyo profile id linked on the Zendesk user, if any. */
  linkedProfileId: string | null;
}

export interface TicketInfo {
  id: number | null;
  tags: string[];
  brand: { id: number; name: string } | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function fieldValue(fields: unknown): string | null {
  if (!fields || typeof fields !== 'object') return null;
  if (Array.isArray(fields)) {
    const hit = fields.find(
      (f) => f && typeof f === 'object' && (f as { key?: unknown }).key === PROFILE_ID_FIELD_KEY,
    ) as { value?: unknown } | undefined;
    return text(hit?.value);
  }
  return text((fields as Record<string, unknown>)[PROFILE_ID_FIELD_KEY]);
}

type RawUser = ZafUser & { user_fields?: unknown };

/**
 * Reads a ZAF user object into a `Requester`: the primary email, else an email identity; the
 * user's phone, else a phone identity; the linked profile id from the user fields (or from the
 * separately read `customField:` path).
 */
export function requesterFromUser(
  user: RawUser | null | undefined,
  customFieldValue?: unknown,
): Requester | null {
  if (!user || typeof user !== 'object') return null;
  const identities = Array.isArray(user.identities) ? user.identities : [];
  const identity = (types: string[]) =>
    text(identities.find((i) => i && types.includes(String(i.type)) && text(i.value))?.value);
  return {
    id: typeof user.id === 'number' ? user.id : null,
    name: text(user.name),
    email: text(user.email) ?? identity(['email']),
    phone: text(user.phone) ?? identity(['phone_number', 'phone']),
    linkedProfileId:
      text(customFieldValue) ?? fieldValue(user.userFields) ?? fieldValue(user.user_fields),
  };
}

export function isTicketLocation(location: ZafLocation): boolean {
  return location === 'ticket_sidebar' || location === 'new_ticket_sidebar';
}

/** The locations that show a requester's (or user's) Klaviyo data. */
export function isSidebarLocation(location: ZafLocation): boolean {
  return isTicketLocation(location) || location === 'user_sidebar';
}

/** The paths `useRequester` asks ZAF for in a location. */
export function requesterPaths(location: ZafLocation): string[] {
  return isTicketLocation(location)
    ? [
        'ticket.requester',
        `ticket.requester.customField:${PROFILE_ID_FIELD_KEY}`,
        'ticket.id',
        'ticket.tags',
        'ticket.brand',
      ]
    : ['user', `user.customField:${PROFILE_ID_FIELD_KEY}`];
}

export function readRequesterResult(
  location: ZafLocation,
  result: ZafGetResult,
): { requester: Requester | null; ticket: TicketInfo | null } {
  if (isTicketLocation(location)) {
    const brand = result['ticket.brand'] as { id?: unknown; name?: unknown } | undefined;
    const tags = result['ticket.tags'];
    return {
      requester: requesterFromUser(
        result['ticket.requester'] as RawUser | undefined,
        result[`ticket.requester.customField:${PROFILE_ID_FIELD_KEY}`],
      ),
      ticket: {
        id: typeof result['ticket.id'] === 'number' ? (result['ticket.id'] as number) : null,
        tags: Array.isArray(tags) ? tags.map(String) : [],
        brand:
          brand && typeof brand.id === 'number'
            ? { id: brand.id, name: text(brand.name) ?? '' }
            : null,
      },
    };
  }
  return {
    requester: requesterFromUser(
      result['user'] as RawUser | undefined,
      result[`user.customField:${PROFILE_ID_FIELD_KEY}`],
    ),
    ticket: null,
  };
}
