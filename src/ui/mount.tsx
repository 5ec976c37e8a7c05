/**
 * The React half of the entry (src/main.tsx loads it on demand, in parallel with the ZAF
 * handshake and the first Klaviyo requests): Garden, translations and one screen.
 */
import { StrictMode, lazy, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './common/AppShell';
import { OutsideZendesk } from './common/OutsideZendesk';
import { Screen } from './common/RootBoundary';
import { StatusMessage } from './common/StatusMessage';
import { ZafProvider, type ZafValue } from '../zaf/context';
import type { ZafLocation } from '../zaf/types';

const SidebarRoot = lazy(() => import('./sidebar/SidebarRoot'));
const SetupRoot = lazy(() => import('./setup/SetupRoot'));

/** Which screen a ZAF location shows. */
export function rootFor(location: ZafLocation): ComponentType {
  return location === 'nav_bar' ? SetupRoot : SidebarRoot;
}

/** The page was opened outside Zendesk: say so, in the browser's language. */
export function showOutsideZendesk(container: HTMLElement, locale: string): void {
  createRoot(container).render(
    <AppShell locale={locale}>
      <OutsideZendesk />
    </AppShell>,
  );
}

/** Zendesk did not answer the bootstrap: the generic error, never a blank app. */
export function showStartFailure(container: HTMLElement, locale: string): void {
  createRoot(container).render(
    <AppShell locale={locale}>
      <StatusMessage kind="error" />
    </AppShell>,
  );
}

/** The screen of the app's location, in the agent's language (its catalogue already loaded). */
export function showApp(container: HTMLElement, zaf: ZafValue, locale: string): void {
  const Root = rootFor(zaf.context.location);
  createRoot(container).render(
    <StrictMode>
      <AppShell locale={locale}>
        <ZafProvider value={zaf}>
          <Screen Root={Root} />
        </ZafProvider>
      </AppShell>
    </StrictMode>,
  );
}
