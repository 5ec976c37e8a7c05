/** Triggers, automations and views: list (all pages), create, update, delete. */
import type { Transport } from '../transport';
import { listAll, zendeskCall } from './http';
import type { Automation, AutomationInput, Trigger, TriggerInput, View, ViewInput } from './types';

function crud<TRead, TInput>(singular: string, plural: string, label: string) {
  return {
    list: (transport: Transport) =>
      listAll<TRead>(transport, `/api/v2/${plural}?per_page=100`, plural, `Listing ${label}s`),
    create: async (transport: Transport, input: TInput): Promise<TRead> => {
      const body = await zendeskCall<Record<string, TRead>>(
        transport,
        'POST',
        `/api/v2/${plural}`,
        `Creating the ${label}`,
        { [singular]: input },
      );
      return body[singular] as TRead;
    },
    update: async (transport: Transport, id: number, input: TInput): Promise<TRead> => {
      const body = await zendeskCall<Record<string, TRead>>(
        transport,
        'PUT',
        `/api/v2/${plural}/${id}`,
        `Updating the ${label}`,
        { [singular]: input },
      );
      return body[singular] as TRead;
    },
    remove: async (transport: Transport, id: number): Promise<void> => {
      await zendeskCall(transport, 'DELETE', `/api/v2/${plural}/${id}`, `Deleting the ${label}`);
    },
  };
}

export const triggers = crud<Trigger, TriggerInput>('trigger', 'triggers', 'trigger');
export const automations = crud<Automation, AutomationInput>(
  'automation',
  'automations',
  'automation',
);
export const views = crud<View, ViewInput>('view', 'views', 'view');
