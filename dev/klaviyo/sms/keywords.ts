/**
 * Klaviyo's default SMS keywords: a text that is exactly one of them (case and surrounding space
 * ignored) changes the sender's SMS consent. HELP and INFO are answered by Klaviyo but change
 * nothing.
 */
export const STOP_KEYWORDS = ['STOP', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'STOPALL'] as const;
export const START_KEYWORDS = ['START', 'UNSTOP', 'YES'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

export type KeywordEffect = 'unsubscribe' | 'subscribe' | 'help' | null;

export function keywordEffect(text: string): KeywordEffect {
  const word = text.trim().toUpperCase();
  if ((STOP_KEYWORDS as readonly string[]).includes(word)) return 'unsubscribe';
  if ((START_KEYWORDS as readonly string[]).includes(word)) return 'subscribe';
  if ((HELP_KEYWORDS as readonly string[]).includes(word)) return 'help';
  return null;
}
