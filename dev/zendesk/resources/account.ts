/** Account objects: brands, groups, user fields (list, create, delete) and ticket fields. */
import { notFound } from '../errors';
import { idParam, wrapped, type Router } from '../http';
import { offsetPage } from '../paging';
import { createUserField } from '../users';

export function accountRoutes(r: Router): void {
  const { state } = r;
  r.add('get', '/brands', ({ url }) => ({
    body: offsetPage(url, state.brands, 'brands', state.pageSize),
  }));
  r.add('get', '/brands/:id', ({ params }) => {
    const brand = state.brands.find((b) => b.id === idParam(params.id));
    if (!brand) throw notFound();
    return { body: { brand } };
  });
  r.add('get', '/groups', ({ url }) => ({
    body: offsetPage(url, state.groups, 'groups', state.pageSize),
  }));
  r.add('get', '/user_fields', ({ url }) => ({
    body: offsetPage(url, state.userFields, 'user_fields', state.pageSize),
  }));
  r.add('post', '/user_fields', async ({ json }) => {
    const input = wrapped(await json(), 'user_field');
    const field = createUserField(state, {
      key: String(input.key ?? ''),
      title: String(input.title ?? ''),
      ...(typeof input.type === 'string' ? { type: input.type } : {}),
      ...(typeof input.description === 'string' ? { description: input.description } : {}),
    });
    return { status: 201, body: { user_field: field } };
  });
  r.add('delete', '/user_fields/:id', ({ params }) => {
    state.requireAdmin();
    const id = idParam(params.id);
    const index = state.userFields.findIndex((f) => f.id === id);
    if (index < 0) throw notFound();
    const [field] = state.userFields.splice(index, 1);
    for (const user of state.users.values()) delete user.user_fields[field!.key];
    return { status: 204 };
  });
  r.add('get', '/ticket_fields', ({ url }) => ({
    body: offsetPage(url, [...state.ticketFields.values()], 'ticket_fields', state.pageSize),
  }));
}
