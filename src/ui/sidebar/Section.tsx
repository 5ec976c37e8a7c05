import { getColor } from '@zendeskgarden/react-theming';
import { MD } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import { garden } from './theme';

const Wrapper = styled.section`
  padding: 12px 0;
  border-top: 1px solid ${({ theme }) => getColor({ theme, variable: 'border.subtle' })};
  &:first-of-type {
    border-top: none;
    padding-top: 0;
  }
`;

const Header = styled.header`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
  margin-bottom: 8px;
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
    <Wrapper aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <Header>
        <MD tag="h2" isBold id={`${id}-heading`} style={{ margin: 0 }}>
          {title}
        </MD>
        {actions}
      </Header>
      {children}
    </Wrapper>
  );
}

/** Label/value rows that wrap long unbroken strings instead of widening the 320 px sidebar. */
export const Facts = styled.dl`
  display: grid;
  grid-template-columns: minmax(0, auto) minmax(0, 1fr);
  gap: 2px 8px;
  margin: 0;
  font-size: ${(p) => garden(p).fontSizes.sm};
  line-height: ${(p) => garden(p).lineHeights.sm};
  dt {
    color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    min-width: 0;
  }
`;

/** One entry of a section's list (activity, orders), ruled off from the next. */
export const ListRow = styled.li`
  list-style: none;
  padding: 6px 0;
  border-bottom: 1px solid ${({ theme }) => getColor({ theme, variable: 'border.subtle' })};
  &:last-child {
    border-bottom: none;
  }
`;

export const Wrap = styled.div`
  overflow-wrap: anywhere;
  min-width: 0;
`;
