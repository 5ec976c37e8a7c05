/** Query keys of the setup page (all under `setup`, so one invalidation refreshes everything). */
export const setupKeys = {
  all: ['setup'] as const,
  current: ['setup', 'current'] as const,
  brands: ['setup', 'brands'] as const,
  coexistence: ['setup', 'coexistence'] as const,
  inbound: ['setup', 'inbound'] as const,
  inboundConsent: ['setup', 'inbound-consent'] as const,
  inboundTest: ['setup', 'inbound-test'] as const,
  replyPath: ['setup', 'reply-path'] as const,
  replyTest: ['setup', 'reply-test'] as const,
  invocations: (webhookId: string) => ['setup', 'invocations', webhookId] as const,
};
