import { Button } from '@zendeskgarden/react-buttons';
import styled from 'styled-components';

const Basic = styled(Button)`
  align-self: flex-start;
  margin-block: ${({ theme }) => theme.space.xs};
`;

/**
 * The one "load more" control of the sidebar (older messages, more activity, more quick replies):
 * a basic small button that says it is busy and refuses a second press while it loads.
 */
export function LoadMoreButton({
  label,
  busyLabel,
  busy,
  onLoad,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  onLoad: () => void;
}) {
  return (
    <Basic size="small" isBasic aria-busy={busy} disabled={busy} onClick={onLoad}>
      {busy ? busyLabel : label}
    </Basic>
  );
}
