export { Composer } from './Composer';
export { useTicketSaveBridge } from './useTicketSaveBridge';
export type { ComposerProps, LocalMessageUpdate, TicketSaveBridgeInput } from './types';
