/**
 * The ZAF data model of the ticket page's app instance: `get` over the ticket and the common
 * paths (user fields re-read each time, as in Zendesk), `set` on the form values (comment text and
 * type, status, tags) and `invoke` of the ticket actions (tags, append text or HTML).
 */
import { htmlToPlainText } from '../../../src/reply/plain-text';
import { TICKET_STATUSES, type ZdTicketStatus } from '../../zendesk/types';
import type { createUserFieldReader } from '../api';
import type { InstanceModel, Lookup } from '../zaf-host';
import { lookup, zafTicket } from '../zaf-objects';
import type { TicketForm } from './form';
import { tagList, type TicketPage } from './page';

type UserFieldReader = Awaited<ReturnType<typeof createUserFieldReader>>;

const TICKET_FIELDS = [
  { name: 'subject', label: 'Subject', type: 'subject', isRequired: true, isVisible: true },
  { name: 'status', label: 'Status', type: 'status', isRequired: true, isVisible: true },
  { name: 'tags', label: 'Tags', type: 'tags', isRequired: false, isVisible: true },
  { name: 'priority', label: 'Priority', type: 'priority', isRequired: false, isVisible: true },
  { name: 'brand', label: 'Brand', type: 'brand', isRequired: false, isVisible: true },
];

export function ticketModel(
  page: TicketPage,
  form: TicketForm,
  readUserFields: UserFieldReader,
): InstanceModel {
  const { ctx } = page;
  const { setEditorText, setEditorType, setDraftStatus, setDraftTags } = form;
  return {
    async get(path) {
      let defined: string[] = [];
      if (path.includes('customField:')) {
        ({ user: page.s.requester, keys: defined } = await readUserFields(page.s.requester));
      }
      return lookup(
        { ...ctx.commonRoot(), ticket: zafTicket(page.s), ticketFields: TICKET_FIELDS },
        path,
        defined,
      );
    },
    set(path, value): Lookup {
      switch (path) {
        case 'ticket.comment.text':
        case 'comment.text':
          setEditorText(String(value ?? ''), true);
          return { found: true, value: page.s.editor.text };
        case 'ticket.comment.type':
        case 'comment.type':
          if (value !== 'publicReply' && value !== 'internalNote') {
            return {
              found: false,
              message: 'comment.type must be "publicReply" or "internalNote"',
            };
          }
          setEditorType(value);
          return { found: true, value };
        case 'ticket.status':
          if (!TICKET_STATUSES.includes(value as ZdTicketStatus) || value === 'closed') {
            return { found: false, message: `"${String(value)}" is not a status an agent can set` };
          }
          setDraftStatus(String(value));
          return { found: true, value };
        case 'ticket.tags': {
          const tags = tagList(value);
          if (!tags) return { found: false, message: 'ticket.tags must be an array of strings' };
          setDraftTags(tags);
          return { found: true, value: page.s.draft.tags };
        }
        default:
          return { found: false, message: `Could not find handler for: "${path}"` };
      }
    },
    invoke(name, args): Lookup {
      switch (name) {
        case 'ticket.tags.add':
        case 'ticket.tags.remove': {
          const tags = tagList(args.length > 1 ? args : args[0]);
          if (!tags) return { found: false, message: `${name} expects a tag or an array of tags` };
          setDraftTags(
            name.endsWith('add')
              ? [...page.s.draft.tags, ...tags]
              : page.s.draft.tags.filter((t) => !tags.includes(t)),
          );
          return { found: true, value: page.s.draft.tags };
        }
        case 'comment.appendText':
        case 'ticket.comment.appendText':
          setEditorText(page.s.editor.text + String(args[0] ?? ''), true);
          return { found: true, value: undefined };
        case 'comment.appendHtml':
        case 'ticket.comment.appendHtml':
        case 'ticket.comment.appendMarkdown':
          setEditorText(page.s.editor.text + htmlToPlainText(String(args[0] ?? '')), true);
          return { found: true, value: undefined };
        default:
          return { found: false, message: `Could not find handler for: "${name}"` };
      }
    },
  };
}
