import ZAFClient from 'zendesk_app_framework_sdk';
import type { ZafClient } from './types';

/** Connects to the Zendesk host page; `null` when the page was opened outside Zendesk. */
export function initZafClient(): ZafClient | null {
  const client = ZAFClient.init();
  return client === false ? null : client;
}
