import { Composer } from './composer';
import type { ComposerProps } from './composer/types';

/** Where the SMS composer goes: at the bottom of the thread. */
export function ComposerSlot(props: ComposerProps) {
  return <Composer {...props} />;
}
