import { useZaf } from '../../zaf/context';

/** Placeholder root for the sidebar locations; the sidebar issue replaces it. */
export default function SidebarRoot() {
  const { context } = useZaf();
  return <main data-testid="sidebar-root" data-location={context.location} />;
}
