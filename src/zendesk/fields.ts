import type { Transport } from '../transport';
import { listAll, zendeskCall } from './http';
import type { CustomField } from './types';

export function listTicketFields(transport: Transport): Promise<CustomField[]> {
  return listAll<CustomField>(
    transport,
    '/api/v2/ticket_fields?per_page=100',
    'ticket_fields',
    'Listing ticket fields',
  );
}

export function listUserFields(transport: Transport): Promise<CustomField[]> {
  return listAll<CustomField>(
    transport,
    '/api/v2/user_fields?per_page=100',
    'user_fields',
    'Listing user fields',
  );
}

export interface UserFieldInput {
  key: string;
  type: 'text';
  title: string;
  description: string;
}

export async function createUserField(
  transport: Transport,
  input: UserFieldInput,
): Promise<CustomField> {
  const body = await zendeskCall<{ user_field: CustomField }>(
    transport,
    'POST',
    '/api/v2/user_fields',
    'Creating the user field',
    { user_field: input },
  );
  return body.user_field;
}

export async function deleteUserField(transport: Transport, id: number): Promise<void> {
  await zendeskCall(transport, 'DELETE', `/api/v2/user_fields/${id}`, 'Deleting the user field');
}
