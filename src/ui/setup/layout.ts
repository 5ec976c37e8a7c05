/**
 * The setup page's spacing, from Garden's theme: a block spaced from what is above it, a row of
 * actions, an indented group of dependent fields, a table of records. No inline styles.
 */
import { getColor } from '@zendeskgarden/react-theming';
import styled from 'styled-components';

type Space = 'xxs' | 'xs' | 'sm' | 'md' | 'lg';

/** Space above a block: `xs` between a control and its result, `md` between groups. */
export const Block = styled.div<{ $top?: Space }>`
  margin-top: ${({ theme, $top = 'sm' }) => theme.space[$top]};
`;

/** Buttons side by side, wrapping on a narrow page. */
export const Actions = styled(Block)`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.xs};
`;

/** Fields that only apply when the control above them is on. */
export const Indented = styled(Block)`
  padding-left: ${({ theme }) => theme.space.lg};
`;

/** A short field (a number of hours), indented under its checkbox. */
export const NarrowIndented = styled(Indented)`
  max-width: 260px;
`;

export const Table = styled.table`
  margin-top: ${({ theme }) => theme.space.xs};
  border-collapse: collapse;
  width: 100%;

  th,
  td {
    padding: ${({ theme }) => `${theme.space.xxs} ${theme.space.sm} ${theme.space.xxs} 0`};
    text-align: start;
    vertical-align: top;
  }
`;

export const NoWrap = styled.td`
  white-space: nowrap;
`;

/** A status code that is not a success, in Garden's danger colour. */
export const Failed = styled.strong`
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.danger' })};
`;

/** A list of short sentences under a heading ("Save will: …"). */
export const Lines = styled.ul`
  margin: ${({ theme }) => `${theme.space.xxs} 0 0`};
  padding-left: ${({ theme }) => theme.space.md};
`;

/** Tags in a wrapping row, no bullets. */
export const TagRow = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.xxs};
  margin: ${({ theme }) => `${theme.space.xxs} 0`};
  padding: 0;
  list-style: none;
`;
