import { useZaf } from '../../zaf/context';

/** Placeholder root for the nav bar setup page; the metrics issue replaces it. */
export default function SetupRoot() {
  const { context } = useZaf();
  return <main data-testid="setup-root" data-location={context.location} />;
}
