import { createContext, useContext, type ReactNode } from 'react';
import type { KlaviyoClient } from '../../klaviyo';

const Context = createContext<KlaviyoClient | null>(null);

export function KlaviyoProvider({
  client,
  children,
}: {
  client: KlaviyoClient;
  children: ReactNode;
}) {
  return <Context.Provider value={client}>{children}</Context.Provider>;
}

/** The app's one Klaviyo client (its QueryClient is the one React Query uses). */
export function useKlaviyo(): KlaviyoClient {
  const client = useContext(Context);
  if (!client) throw new Error('useKlaviyo must be used inside <KlaviyoProvider>');
  return client;
}
