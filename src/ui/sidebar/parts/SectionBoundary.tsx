import { Component, type ReactNode } from 'react';
import { StatusMessage } from '../../common/StatusMessage';
import { SectionFrame } from './Section';

/** A section that could not be worked out: its place shows the generic error. */
export function SectionFailed({ id }: { id: string }) {
  return (
    <SectionFrame data-testid={`section-${id}`}>
      <StatusMessage kind="error" />
    </SectionFrame>
  );
}

/**
 * Keeps one section's failure inside that section: the rest of the sidebar still shows. The
 * message is the generic one (StatusMessage's default); details go to the console only.
 */
export class SectionBoundary extends Component<
  { children: ReactNode; resetKey?: unknown },
  { failed: boolean; resetKey?: unknown }
> {
  override state: { failed: boolean; resetKey?: unknown } = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: { resetKey?: unknown },
    state: { failed: boolean; resetKey?: unknown },
  ) {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown) {
    console.error('A sidebar section failed to render', error);
  }

  override render() {
    return this.state.failed ? <StatusMessage kind="error" /> : this.props.children;
  }
}
