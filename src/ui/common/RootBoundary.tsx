import { Component, Suspense, type ComponentType, type ReactNode } from 'react';
import { StatusMessage } from './StatusMessage';

/**
 * Last line of defence around a whole screen: a render error outside the sidebar's sections, or a
 * screen's code that could not be loaded, shows the generic error instead of a blank app.
 */
export class RootBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('The app failed to render', error);
  }

  override render() {
    return this.state.failed ? <StatusMessage kind="error" /> : this.props.children;
  }
}

/** One screen (sidebar or setup page), loaded lazily, never leaving the app blank. */
export function Screen({ Root }: { Root: ComponentType }) {
  return (
    <RootBoundary>
      <Suspense fallback={<StatusMessage kind="loading" />}>
        <Root />
      </Suspense>
    </RootBoundary>
  );
}
