/**
 * Users and identities: `me`, show, `show_many`, update (user fields included),
 * `create_or_update` (201 created / 200 updated, matched by email or external id, phone
 * identities), a user's identities, and user search by `external_id` or identity value.
 */
import { idParam, object, strings, wrapped, type Json, type Router } from '../http';
import { offsetPage } from '../paging';
import { createOrUpdateUser, updateUser, type UserChanges } from '../users';
import type { ZdUser } from '../types';

function identityList(value: unknown): UserChanges['identities'] {
  if (!Array.isArray(value)) return undefined;
  return value
    .map(object)
    .filter((i) => (i.type === 'email' || i.type === 'phone_number') && typeof i.value === 'string')
    .map((i) => ({ type: i.type as 'email' | 'phone_number', value: String(i.value) }));
}

function userChanges(input: Json): UserChanges {
  const identities = identityList(input.identities);
  return {
    ...(typeof input.name === 'string' ? { name: input.name } : {}),
    ...(input.email !== undefined ? { email: input.email as string | null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone as string | null } : {}),
    ...(typeof input.notes === 'string' ? { notes: input.notes } : {}),
    ...(typeof input.details === 'string' ? { details: input.details } : {}),
    ...(strings(input.tags) ? { tags: strings(input.tags) } : {}),
    ...(input.external_id !== undefined ? { externalId: input.external_id as string | null } : {}),
    ...(input.user_fields !== undefined ? { userFields: object(input.user_fields) } : {}),
    ...(typeof input.role === 'string' ? { role: input.role as ZdUser['role'] } : {}),
    ...(identities ? { identities } : {}),
  };
}

export function userRoutes(r: Router): void {
  const { state } = r;
  r.add('get', '/users/me', ({ actor }) => ({ body: { user: state.getUser(actor.userId) } }));
  r.add('get', '/users/show_many', ({ url }) => {
    const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
    const users = ids.map((id) => state.users.get(id)).filter((u): u is ZdUser => !!u);
    return { body: offsetPage(url, users, 'users', state.pageSize) };
  });
  r.add('get', '/users/search', ({ url }) => {
    const externalId = url.searchParams.get('external_id');
    const query = (url.searchParams.get('query') ?? '').trim().toLowerCase();
    const users = [...state.users.values()].filter((u) =>
      externalId !== null
        ? u.external_id === externalId
        : query !== '' &&
          (u.name.toLowerCase().includes(query) ||
            (state.identities.get(u.id) ?? []).some((i) => i.value.toLowerCase() === query)),
    );
    return { body: offsetPage(url, users, 'users', state.pageSize) };
  });
  r.add('post', '/users/create_or_update', async ({ json }) => {
    const { user, created } = createOrUpdateUser(state, userChanges(wrapped(await json(), 'user')));
    return { status: created ? 201 : 200, body: { user } };
  });
  r.add('get', '/users/:id', ({ params }) => ({
    body: { user: state.getUser(idParam(params.id)) },
  }));
  r.add('put', '/users/:id', async ({ params, json }) => {
    const id = idParam(params.id);
    state.getUser(id);
    const user = updateUser(state, id, userChanges(wrapped(await json(), 'user')));
    return { body: { user } };
  });
  r.add('get', '/users/:id/identities', ({ params, url }) => {
    const id = idParam(params.id);
    state.getUser(id);
    return { body: offsetPage(url, state.identities.get(id) ?? [], 'identities', state.pageSize) };
  });
}
