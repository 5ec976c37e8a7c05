/**
 * The ZAF `ticket.save` hook: the only place the app touches it. Zendesk calls every registered
 * handler (with no argument) when the agent submits the ticket and waits for them: a handler that
 * resolves lets the save go on; one that rejects with a string stops it and Zendesk shows that
 * string to the agent, whose text stays in the editor.
 */
import type { ZafClient } from './types';

export interface EditorComment {
  /** As the editor holds it: HTML when `richText`, else plain text. */
  text: string;
  /** `publicReply`, `internalNote`, … as ZAF reports it; null when it did not say. */
  type: string | null;
  richText: boolean;
  tags: string[];
  /** Files attached to the comment being submitted. */
  attachments: number;
}

/** Thrown (as its message) to stop the save: the agent sees `message`. */
export class SaveBlocked extends Error {
  override readonly name = 'SaveBlocked';
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Reads the comment being submitted and the ticket's tags (one `get`). */
export async function readEditorComment(client: ZafClient): Promise<EditorComment> {
  const paths = [
    'ticket.comment.text',
    'ticket.comment.type',
    'ticket.comment.useRichText',
    'ticket.tags',
    'ticket.comment.attachments',
  ];
  const result = await client.get(paths);
  const tags = result['ticket.tags'];
  return {
    text: str(result['ticket.comment.text']) ?? '',
    type: str(result['ticket.comment.type']),
    // When ZAF does not say, treat the text as HTML: plain text survives that unchanged.
    richText: result['ticket.comment.useRichText'] !== false,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    attachments: Array.isArray(result['ticket.comment.attachments'])
      ? result['ticket.comment.attachments'].length
      : 0,
  };
}

/**
 * Registers `check` as a `ticket.save` hook; returns the function that removes it. `check`
 * resolves to let the save through, or rejects with `SaveBlocked` (or anything else) to stop it:
 * the agent then sees its message. An unexpected error also stops the save, with a generic
 * message, rather than letting a reply through unsent.
 */
export function onTicketSave(
  client: ZafClient,
  check: () => Promise<void>,
  unexpectedMessage: string,
): () => void {
  const handler = async (): Promise<true> => {
    try {
      await check();
      return true;
    } catch (error) {
      // ZAF passes a rejected string to Zendesk, which shows it in the save-failure notice.
      throw error instanceof SaveBlocked ? error.message : unexpectedMessage;
    }
  };
  client.on('ticket.save', handler);
  return () => client.off('ticket.save', handler);
}

/** Calls `handler` when Zendesk reports that the ticket update went through; returns the remover. */
export function onTicketSubmitDone(client: ZafClient, handler: () => void): () => void {
  const listener = () => handler();
  client.on('ticket.submit.done', listener);
  return () => client.off('ticket.submit.done', listener);
}
