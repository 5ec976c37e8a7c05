/** ZAF events after which the requester (or user) must be read again. */
export const REQUESTER_EVENTS = [
  'ticket.requester.email.changed',
  'ticket.requester.id.changed',
  'user.email.changed',
] as const;
