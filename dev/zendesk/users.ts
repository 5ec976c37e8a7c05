/**
 * The user rules of Zendesk's REST API over the one state: updating a user (name, email and phone
 * with their identities, tags, external id, user fields), `create_or_update` (matched by email or
 * external id; 201 when created, 200 when updated) and user fields.
 */
import { recordInvalid } from './errors';
import { makeIdentity, makeUser, makeUserField } from './records';
import type { ZendeskState } from './state';
import type { ZdIdentity, ZdUser, ZdUserField } from './types';

export interface UserChanges {
  name?: string;
  email?: string | null;
  phone?: string | null;
  notes?: string;
  details?: string;
  tags?: string[];
  externalId?: string | null;
  userFields?: Record<string, unknown>;
  role?: ZdUser['role'];
  /** Extra identities to add (`create_or_update`'s `identities`). */
  identities?: Array<{ type: 'email' | 'phone_number'; value: string }>;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const ROLES: readonly ZdUser['role'][] = ['end-user', 'agent', 'admin'];

function validate(changes: UserChanges): void {
  if (changes.email !== undefined && changes.email !== null && !EMAIL.test(changes.email)) {
    throw recordInvalid({ email: `Email: ${changes.email} is not properly formatted` });
  }
  if (changes.name !== undefined && changes.name.trim() === '') {
    throw recordInvalid({ name: 'Name: cannot be blank' });
  }
  if (changes.role !== undefined && !ROLES.includes(changes.role)) {
    throw recordInvalid({ role: `Role: ${String(changes.role)} is not a valid role` });
  }
  for (const i of changes.identities ?? []) {
    if (i.type === 'email' && !EMAIL.test(i.value)) {
      throw recordInvalid({ identities: `Email: ${i.value} is not properly formatted` });
    }
  }
}

function addIdentity(state: ZendeskState, user: ZdUser, type: ZdIdentity['type'], value: string) {
  const list = state.identities.get(user.id) ?? [];
  if (list.some((i) => i.type === type && i.value === value)) return;
  const primary = !list.some((i) => i.type === type && i.primary);
  const identity = makeIdentity(state.records, user.id, type, value, primary);
  state.identities.set(user.id, type === 'email' ? [identity, ...list] : [...list, identity]);
}

function setContact(
  state: ZendeskState,
  user: ZdUser,
  type: 'email' | 'phone_number',
  value: string | null,
) {
  const list = state.identities.get(user.id) ?? [];
  const existing = list.find((i) => i.type === type && i.primary);
  if (existing && value) existing.value = value;
  else if (value) addIdentity(state, user, type, value);
}

export function updateUser(state: ZendeskState, id: number, changes: UserChanges): ZdUser {
  const user = state.getUser(id);
  validate(changes);
  if (changes.name !== undefined) user.name = changes.name;
  if (changes.email !== undefined && changes.email !== user.email) {
    user.email = changes.email;
    setContact(state, user, 'email', changes.email);
  }
  if (changes.phone !== undefined && changes.phone !== user.phone) {
    user.phone = changes.phone;
    user.shared_phone_number = changes.phone ? false : null;
    setContact(state, user, 'phone_number', changes.phone);
  }
  for (const i of changes.identities ?? []) addIdentity(state, user, i.type, i.value);
  if (changes.notes !== undefined) user.notes = changes.notes;
  if (changes.details !== undefined) user.details = changes.details;
  if (changes.tags !== undefined) user.tags = [...changes.tags];
  if (changes.externalId !== undefined) user.external_id = changes.externalId;
  if (changes.role !== undefined) user.role = changes.role;
  if (changes.userFields) {
    // Zendesk keeps values only for user fields that exist; other keys are dropped.
    const known = new Set(state.userFields.map((f) => f.key));
    const kept = Object.entries(changes.userFields).filter(([key]) => known.has(key));
    user.user_fields = { ...user.user_fields, ...Object.fromEntries(kept) };
  }
  user.updated_at = state.now().toISOString();
  return user;
}

/** The user `create_or_update` would update: same external id, else same email identity. */
export function findUserFor(state: ZendeskState, changes: UserChanges): ZdUser | undefined {
  const users = [...state.users.values()];
  if (changes.externalId) {
    const byExternal = users.find((u) => u.external_id === changes.externalId);
    if (byExternal) return byExternal;
  }
  const emails = [
    changes.email,
    ...(changes.identities ?? []).filter((i) => i.type === 'email').map((i) => i.value),
  ]
    .filter((e): e is string => typeof e === 'string' && e !== '')
    .map((e) => e.toLowerCase());
  if (emails.length === 0) return undefined;
  return users.find((u) =>
    (state.identities.get(u.id) ?? []).some(
      (i) => i.type === 'email' && emails.includes(i.value.toLowerCase()),
    ),
  );
}

/** `POST /api/v2/users/create_or_update`: `created` tells 201 from 200. */
export function createOrUpdateUser(
  state: ZendeskState,
  changes: UserChanges,
): { user: ZdUser; created: boolean } {
  validate(changes);
  const existing = findUserFor(state, changes);
  if (existing) return { user: updateUser(state, existing.id, changes), created: false };
  if (!changes.name?.trim()) throw recordInvalid({ name: 'Name: cannot be blank' });
  const id = Math.max(10_000, ...state.users.keys()) + 1;
  const user = makeUser(
    state.records,
    {
      id,
      name: changes.name,
      email: changes.email ?? null,
      phone: changes.phone ?? null,
      role: changes.role ?? 'end-user',
      tags: changes.tags ?? [],
      externalId: changes.externalId ?? null,
      userFields: Object.fromEntries(
        Object.entries(changes.userFields ?? {}).filter(([key]) =>
          state.userFields.some((f) => f.key === key),
        ),
      ),
    },
    state.userFields,
  );
  user.created_at = user.updated_at = state.now().toISOString();
  state.users.set(id, user);
  state.identities.set(id, []);
  if (user.email) addIdentity(state, user, 'email', user.email);
  if (user.phone) addIdentity(state, user, 'phone_number', user.phone);
  for (const i of changes.identities ?? []) addIdentity(state, user, i.type, i.value);
  return { user, created: true };
}

export function createUserField(
  state: ZendeskState,
  input: { key: string; title: string; type?: string; description?: string },
): ZdUserField {
  state.requireAdmin();
  const invalid: Record<string, string> = {};
  if (!/^[A-Za-z0-9_]+$/.test(input.key ?? '')) invalid.key = 'Key: is invalid';
  else if (state.userFields.some((f) => f.key === input.key))
    invalid.key = 'Key: has already been taken';
  if (!input.title?.trim()) invalid.title = 'Title: cannot be blank';
  const types = [
    'text',
    'textarea',
    'checkbox',
    'date',
    'integer',
    'decimal',
    'regexp',
    'dropdown',
  ];
  if (input.type !== undefined && !types.includes(input.type)) invalid.type = 'Type: is invalid';
  if (Object.keys(invalid).length > 0) throw recordInvalid(invalid);
  const field = makeUserField(state.records, input, state.userFields.length);
  state.userFields.push(field);
  for (const user of state.users.values()) {
    if (!(input.key in user.user_fields)) user.user_fields[input.key] = null;
  }
  return field;
}
