import type { Formatters, Translate } from '../i18n';
import type { NoteFacts } from './types';

/**
 * The internal note that records an SMS reply on the ticket, in the agent's language: the text,
 * when (agent-local and exact UTC), how it was sent, and Klaviyo's ids where known. Plain text:
 * Zendesk shows it as the agent wrote it.
 */
export function describeReplyNote(
  t: Translate,
  format: Formatters,
  flowMetricName: string,
  facts: NoteFacts,
): string {
  const mode =
    facts.mode === 'flow'
      ? t('composer.note.mode_flow', { metric: flowMetricName })
      : t('composer.note.mode_conversations');
  const lines = [
    t('composer.note.sent', {
      mode,
      time: format.dateTime(facts.acceptedAt, { dateStyle: 'medium', timeStyle: 'medium' }),
      iso: facts.acceptedAt.toISOString(),
    }),
    '',
    facts.text,
    '',
  ];
  if (facts.confirmedAfterUncertain) lines.push(t('composer.note.confirmed'));
  if (facts.conversationId)
    lines.push(t('composer.note.conversation', { id: facts.conversationId }));
  lines.push(t('composer.note.reply_id', { id: facts.key }));
  return lines.join('\n');
}
