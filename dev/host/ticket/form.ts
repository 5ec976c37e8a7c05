/**
 * The agent's form on the ticket page: the reply editor (public reply or internal note), the
 * status to submit as, the tags, and the Submit button. Each change, by the agent or by the app
 * through ZAF, updates the page's form values and tells the app.
 */
import { TICKET_STATUSES } from '../../zendesk/types';
import { h, replaceChildren } from '../dom';
import type { TicketPage } from './page';
import { STATUS_LABEL } from './parts';

export interface TicketForm {
  readonly editor: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  readonly statusSelect: HTMLSelectElement;
  readonly submit: HTMLButtonElement;
  setEditorText(text: string, fromApp: boolean): void;
  setEditorType(type: 'publicReply' | 'internalNote'): void;
  setDraftStatus(status: string): void;
  setDraftTags(tags: string[]): void;
  renderEditorMode(): void;
  submitLabel(): void;
  /** Called after a tags change, to redraw the tags box. */
  onTags?: () => void;
}

function tab(testId: string, label: string) {
  return h('button', { class: 'editor-tab', type: 'button', 'data-testid': testId }, label);
}

export function createForm(page: TicketPage, onSubmit: () => void): TicketForm {
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const textarea = h('textarea', {
    class: 'editor-text',
    'data-testid': 'editor',
    'aria-label': 'Reply',
    placeholder: 'Add a public reply or an internal note',
    rows: 5,
  });
  const replyTab = tab('public-reply-tab', 'Public reply');
  const noteTab = tab('internal-note-tab', 'Internal note');
  const statusSelect = h(
    'select',
    { class: 'status-select', 'data-testid': 'status-select', 'aria-label': 'Status after submit' },
    ...TICKET_STATUSES.filter((st) => st !== 'closed' && st !== 'new').map((st) =>
      h('option', { value: st }, STATUS_LABEL[st] ?? st),
    ),
  );
  if (page.s.draft.status === 'new') statusSelect.prepend(h('option', { value: 'new' }, 'New'));
  statusSelect.value = page.s.draft.status;
  const submit = h('button', { class: 'submit', type: 'button', 'data-testid': 'submit' });
  const editor = h(
    'div',
    { class: 'editor', 'data-testid': 'editor-box' },
    h('div', { class: 'editor-tabs', role: 'tablist' }, replyTab, noteTab),
    h('div', { class: 'editor-to' }),
    textarea,
    h(
      'footer',
      { class: 'editor-footer' },
      h('span', { class: 'editor-hint' }),
      statusSelect,
      submit,
    ),
  );

  const form: TicketForm = {
    editor,
    textarea,
    statusSelect,
    submit,
    setEditorText(text, fromApp) {
      const old = page.s.editor.text;
      page.s.editor.text = text;
      if (fromApp) textarea.value = text;
      clearTimeout(typingTimer);
      if (fromApp) page.emit('comment.text', text, old);
      else typingTimer = setTimeout(() => page.emit('comment.text', text, old), 250);
    },
    setEditorType(type) {
      const old = page.s.editor.type;
      if (old === type) return;
      page.s.editor.type = type;
      form.renderEditorMode();
      page.emit('comment.type', type, old);
    },
    setDraftStatus(status) {
      const old = page.s.draft.status;
      if (old === status) return;
      page.s.draft.status = status;
      statusSelect.value = status;
      form.submitLabel();
      page.emit('ticket.status', status, old);
    },
    setDraftTags(tags) {
      const old = page.s.draft.tags;
      const next = [...new Set(tags)];
      if (next.join(' ') === old.join(' ')) return;
      page.s.draft.tags = next;
      form.onTags?.();
      page.emit('ticket.tags', next, old);
    },
    renderEditorMode() {
      const note = page.s.editor.type === 'internalNote';
      replyTab.classList.toggle('active', !note);
      noteTab.classList.toggle('active', note);
      replyTab.setAttribute('aria-selected', String(!note));
      noteTab.setAttribute('aria-selected', String(note));
      editor.classList.toggle('editor-note', note);
      const r = page.s.requester;
      replaceChildren(
        editor.querySelector('.editor-to')!,
        note
          ? 'Internal note: only agents can see it'
          : h('span', {}, 'To: ', h('strong', {}, r.name), r.email ? ` <${r.email}>` : ''),
      );
    },
    submitLabel() {
      const status = page.s.draft.status;
      submit.textContent = page.saving
        ? 'Submitting…'
        : `Submit as ${STATUS_LABEL[status] ?? status}`;
    },
  };
  textarea.addEventListener('input', () => form.setEditorText(textarea.value, false));
  replyTab.addEventListener('click', () => form.setEditorType('publicReply'));
  noteTab.addEventListener('click', () => form.setEditorType('internalNote'));
  statusSelect.addEventListener('change', () => form.setDraftStatus(statusSelect.value));
  submit.addEventListener('click', onSubmit);
  return form;
}
