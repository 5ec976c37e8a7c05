import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/query-core';
import type { KlaviyoClient } from '../klaviyo';
import type { Transport } from '../transport';
import type { AppSettings } from './settings';
import type {
  ZafClient,
  ZafContext,
  ZafEventHandler,
  ZafGetResult,
  ZafMetadata,
  ZafUser,
} from './types';

/** The Klaviyo client and query cache a screen uses, made once for the app's life. */
export interface AppKlaviyo {
  queryClient: QueryClient;
  klaviyo: KlaviyoClient;
}

export interface ZafValue {
  client: ZafClient;
  context: ZafContext;
  metadata: ZafMetadata;
  settings: AppSettings;
  currentUser: ZafUser;
  /** Sends through the Zendesk proxy (`client.request`). */
  transport: Transport;
  /** Sidebars: the bootstrap's answer for the requester (or user), read with the current user;
   *  `stale` once ZAF said the requester changed after it. */
  firstRead?: { result: ZafGetResult; stale: boolean };
  /** Sidebars: the client and cache the entry started the first Klaviyo requests with. */
  headStart?: AppKlaviyo;
}

const ZafReactContext = createContext<ZafValue | null>(null);

export function ZafProvider({ value, children }: { value: ZafValue; children: ReactNode }) {
  return <ZafReactContext.Provider value={value}>{children}</ZafReactContext.Provider>;
}

/** The ZAF client and what registration told us. Throws outside `ZafProvider`. */
export function useZaf(): ZafValue {
  const value = useContext(ZafReactContext);
  if (!value) throw new Error('useZaf must be used inside <ZafProvider>');
  return value;
}

/** Subscribes to a ZAF event (`app.activated`, `ticket.requester.email.changed`, …) while mounted. */
export function useZafEvent(event: string, handler: ZafEventHandler): void {
  const { client } = useZaf();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener: ZafEventHandler = (payload) => latest.current(payload);
    client.on(event, listener);
    return () => client.off(event, listener);
  }, [client, event]);
}
