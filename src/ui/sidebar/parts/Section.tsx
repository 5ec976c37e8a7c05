import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';

/** The frame of every sidebar section: ruled off from the one above. */
export const SectionFrame = styled.section`
  padding: ${({ theme }) => theme.space.xs} 0;
  border-top: ${({ theme }) => theme.borders.sm}
    ${({ theme }) => getColor({ theme, variable: 'border.subtle' })};
  &:first-of-type {
    border-top: none;
    padding-top: 0;
  }
`;

/** A section's heading, in Garden's medium bold type. */
export const SectionTitle = styled.h2`
  margin: 0;
  font-size: ${({ theme }) => theme.fontSizes.md};
  line-height: ${({ theme }) => theme.lineHeights.md};
  font-weight: ${({ theme }) => theme.fontWeights.semibold};
`;

const Header = styled.header`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${({ theme }) => theme.space.xs};
  margin-bottom: ${({ theme }) => theme.space.xs};
`;

/** A titled block of the sidebar; each handles its own loading, empty and error state. */
export function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <SectionFrame aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <Header>
        <SectionTitle id={`${id}-heading`}>{title}</SectionTitle>
        {actions}
      </Header>
      {children}
    </SectionFrame>
  );
}

/** Label/value rows that wrap long unbroken strings instead of widening the 320 px sidebar. */
export const Facts = styled.dl`
  display: grid;
  grid-template-columns: minmax(0, auto) minmax(0, 1fr);
  gap: 2px ${({ theme }) => theme.space.xs};
  margin: 0;
  font-size: ${({ theme }) => theme.fontSizes.sm};
  line-height: ${({ theme }) => theme.lineHeights.sm};
  dt {
    color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    min-width: 0;
  }
`;

/** One label/value pair of `Facts` (the grid lays out its children). */
export const Fact = styled.div`
  display: contents;
`;

/** A list of rows with no bullets or indent. */
export const PlainList = styled.ul`
  margin: 0;
  padding: 0;
`;

/** One entry of a section's list (activity, orders), ruled off from the next. */
export const ListRow = styled.li`
  list-style: none;
  padding: ${({ theme }) => theme.space.xxs} 0;
  border-bottom: ${({ theme }) => theme.borders.sm}
    ${({ theme }) => getColor({ theme, variable: 'border.subtle' })};
  &:last-child {
    border-bottom: none;
  }
`;

export const Wrap = styled.div`
  overflow-wrap: anywhere;
  min-width: 0;
`;

/** A `Wrap` that puts its two ends on one line (amount left, date right). */
export const SpreadRow = styled(Wrap)`
  display: flex;
  justify-content: space-between;
  gap: ${({ theme }) => theme.space.xs};
`;

/** A paragraph of a section with no margins of its own. */
export const Line = styled.p`
  margin: 0;
`;

/** A line of small type with no margins of its own. */
export const Note = styled(SM)`
  margin: 0;
`;

/** Something set off from what is above it by Garden's small gap. */
export const Below = styled.div`
  margin-top: ${({ theme }) => theme.space.xs};
`;
