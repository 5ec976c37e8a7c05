/**
 * styled-components' theme is Garden's theme everywhere in the app (Garden's own
 * `config/styled.d.ts` does the same), so styled elements read `theme.space`, `theme.fontSizes`
 * and friends typed, without casts.
 */
import type { IGardenTheme } from '@zendeskgarden/react-theming';

declare module 'styled-components' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefaultTheme extends IGardenTheme {}
}
