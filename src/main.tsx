import { StrictMode, lazy, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './ui/common/AppShell';
import { OutsideZendesk } from './ui/common/OutsideZendesk';
import { Screen } from './ui/common/RootBoundary';
import { StatusMessage } from './ui/common/StatusMessage';
import { initZafClient } from './zaf/client';
import { bootstrapZaf } from './zaf/bootstrap';
import { ZafProvider, type ZafValue } from './zaf/context';
import type { ZafLocation } from './zaf/types';

const SidebarRoot = lazy(() => import('./ui/sidebar/SidebarRoot'));
const SetupRoot = lazy(() => import('./ui/setup/SetupRoot'));

/** Which screen a ZAF location shows. */
export function rootFor(location: ZafLocation): ComponentType {
  return location === 'nav_bar' ? SetupRoot : SidebarRoot;
}

async function start(container: HTMLElement) {
  const root = createRoot(container);
  const client = initZafClient();
  if (!client) {
    root.render(
      <AppShell locale={navigator.language}>
        <OutsideZendesk />
      </AppShell>,
    );
    return;
  }
  let zaf: ZafValue;
  try {
    zaf = await bootstrapZaf(client);
  } catch {
    root.render(
      <AppShell locale={navigator.language}>
        <StatusMessage kind="error" />
      </AppShell>,
    );
    return;
  }
  const Root = rootFor(zaf.context.location);
  root.render(
    <StrictMode>
      <AppShell locale={zaf.currentUser.locale ?? navigator.language}>
        <ZafProvider value={zaf}>
          <Screen Root={Root} />
        </ZafProvider>
      </AppShell>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) void start(container);
