import { getColor } from '@zendeskgarden/react-theming';
import { useId, type ReactNode } from 'react';
import styled from 'styled-components';
import { SectionFrame, SectionTitle } from './Section';

const Toggle = styled.button`
  display: flex;
  align-items: center;
  gap: ${({ theme }) => theme.space.xs};
  width: 100%;
  padding: 0;
  border: none;
  background: none;
  font: inherit;
  color: inherit;
  text-align: start;
  cursor: pointer;
  &:focus-visible {
    outline: ${({ theme }) => theme.borderWidths.md} solid
      ${({ theme }) => getColor({ theme, variable: 'border.primaryEmphasis' })};
    outline-offset: 2px;
  }
`;

/** A small triangle that points down when open. */
const Chevron = styled.span<{ $open: boolean }>`
  flex: none;
  width: 0;
  height: 0;
  border-block: 5px solid transparent;
  border-inline-start: 6px solid currentColor;
  transform: rotate(${({ $open }) => ($open ? '90deg' : '0deg')});
  transition: transform 0.1s;
`;

const Summary = styled.p`
  margin: ${({ theme }) => theme.space.xxs} 0 0;
  padding-inline-start: ${({ theme }) => theme.space.md};
  font-size: ${({ theme }) => theme.fontSizes.sm};
  line-height: ${({ theme }) => theme.lineHeights.sm};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
`;

const Panel = styled.div`
  margin-top: ${({ theme }) => theme.space.xs};
`;

/**
 * A sidebar section that is one summary line until the agent opens it: its heading is the toggle
 * (a button with `aria-expanded`), and the summary says what is inside without opening it.
 */
export function CollapsibleSection({
  id,
  title,
  summary,
  expanded,
  onToggle,
  children,
}: {
  id: string;
  title: string;
  /** One line shown while closed; none while its data loads. */
  summary: ReactNode;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  children: ReactNode;
}) {
  const panelId = useId();
  return (
    <SectionFrame aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <SectionTitle id={`${id}-heading`}>
        <Toggle
          type="button"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => onToggle(!expanded)}
        >
          <Chevron $open={expanded} aria-hidden />
          {title}
        </Toggle>
      </SectionTitle>
      {!expanded && summary && <Summary data-testid={`${id}-summary`}>{summary}</Summary>}
      <Panel id={panelId} hidden={!expanded}>
        {expanded && children}
      </Panel>
    </SectionFrame>
  );
}
