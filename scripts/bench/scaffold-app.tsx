/**
 * The benchmark's reference sidebar: the least any React ZAF app does before it can show the
 * requester, in the shape of Zendesk's React app scaffold. `ZAFClient.init()`, Garden's theme and
 * one Garden component, one `get` of `ticket.requester`, the name on screen. Built and measured by
 * `npm run bench` beside the real app (scripts/bench/scaffold.ts); never shipped.
 */
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { MD } from '@zendeskgarden/react-typography';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import ZAFClientModule from 'zendesk_app_framework_sdk';
import type { ZafClient } from '../../src/zaf/types';

const ZAFClient = ZAFClientModule as { init(): ZafClient | false };

function RequesterName({ client }: { client: ZafClient }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    void client.get('ticket.requester').then((result) => {
      const requester = result['ticket.requester'] as { name?: string } | undefined;
      setName(requester?.name ?? '');
    });
  }, [client]);
  return name === null ? null : <MD data-testid="profile-name">{name}</MD>;
}

const client = ZAFClient.init();
const container = document.getElementById('root');
if (client && container) {
  createRoot(container).render(
    <ThemeProvider>
      <RequesterName client={client} />
    </ThemeProvider>,
  );
}
