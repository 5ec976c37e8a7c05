import type { IGardenTheme } from '@zendeskgarden/react-theming';

/** Garden's theme from styled-components props (styled-components' DefaultTheme is untyped here). */
export function garden(props: { theme: unknown }): IGardenTheme {
  return props.theme as IGardenTheme;
}
