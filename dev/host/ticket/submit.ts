/**
 * What the ticket page sends: Submit (the app's `ticket.save` hook first, which may stop it or
 * time out; then the update with `ticket.submit.*`, `ticket.updated` and `*.changed` events) and
 * "change requester" (saved at once). Failures show in the page's banner; the editor keeps its text.
 */
import { api } from '../api';
import { h, replaceChildren } from '../dom';
import type { TicketForm } from './form';
import { loadSnapshot, type TicketPage } from './page';

export interface TicketSurface {
  banner: HTMLElement;
  form: TicketForm;
  /** Redraws header, properties and conversation after the ticket changed. */
  redraw(): void;
}

export function showBanner(banner: HTMLElement, title: string, message: string): void {
  replaceChildren(
    banner,
    h('strong', {}, title),
    ' ',
    h('span', { 'data-testid': 'save-error-message' }, message),
  );
  banner.hidden = false;
}

export async function changeRequester(page: TicketPage, ui: TicketSurface, userId: number) {
  const old = page.s.requester;
  if (userId === old.id) return;
  try {
    await api.updateTicket(page.id, { requester_id: userId });
    const fresh = await loadSnapshot(page.id, page.ctx);
    page.s = { ...fresh, draft: page.s.draft, editor: page.s.editor };
  } catch (error) {
    showBanner(ui.banner, 'The requester was not changed.', (error as Error).message);
    ui.redraw();
    return;
  }
  ui.redraw();
  ui.form.renderEditorMode();
  page.ctx.refreshChrome();
  const now = page.s.requester;
  page.emit('ticket.requester.id', now.id, old.id);
  if (now.email !== old.email) page.emit('ticket.requester.email', now.email, old.email);
  if (now.name !== old.name) page.emit('ticket.requester.name', now.name, old.name);
}

/** The save hook: every app instance of this ticket that listens must agree. */
async function hookAllows(page: TicketPage, ui: TicketSurface): Promise<boolean> {
  if (!page.instance) return true;
  const { config } = page.ctx;
  const reply = await page.instance.askHook('ticket.save', config.saveHookTimeoutMs);
  if (reply.ok) return true;
  const fallback = reply.timedOut
    ? `${config.app.name} did not answer in time; the ticket was not updated.`
    : `${config.app.name} stopped the update.`;
  showBanner(ui.banner, 'Ticket update failed.', reply.message ?? fallback);
  return false;
}

/** The update itself, with the submit events around it; false when Zendesk refused it. */
async function update(page: TicketPage, ui: TicketSurface): Promise<boolean> {
  const { s, instance } = page;
  const change: Record<string, unknown> = {};
  if (s.editor.text.trim() !== '') {
    change.comment = { body: s.editor.text, public: s.editor.type === 'publicReply' };
  }
  if (s.draft.status !== s.ticket.status) change.status = s.draft.status;
  if (s.draft.tags.join(' ') !== s.ticket.tags.join(' ')) change.tags = s.draft.tags;
  instance?.trigger('ticket.submit.start');
  try {
    await api.updateTicket(page.id, change);
    return true;
  } catch (error) {
    showBanner(ui.banner, 'Ticket update failed.', (error as Error).message);
    instance?.trigger('ticket.submit.fail');
    instance?.trigger('ticket.submit.always');
    return false;
  }
}

export async function submitTicket(page: TicketPage, ui: TicketSurface): Promise<void> {
  if (page.saving) return;
  const { s } = page;
  const statusChanged = s.draft.status !== s.ticket.status;
  const tagsChanged = s.draft.tags.join(' ') !== s.ticket.tags.join(' ');
  if (s.editor.text.trim() === '' && !statusChanged && !tagsChanged) {
    showBanner(ui.banner, 'Nothing to submit.', 'Write a reply or change the status first.');
    return;
  }
  page.saving = true;
  ui.form.submit.disabled = true;
  ui.form.submitLabel();
  ui.banner.hidden = true;
  try {
    if (!(await hookAllows(page, ui)) || !(await update(page, ui))) return;
    const oldStatus = s.ticket.status;
    const oldText = s.editor.text;
    const fresh = await loadSnapshot(page.id, page.ctx);
    page.s = { ...fresh, editor: { text: '', type: s.editor.type } };
    ui.form.textarea.value = '';
    ui.form.statusSelect.value = page.s.draft.status;
    ui.redraw();
    page.ctx.refreshChrome();
    const instance = page.instance;
    instance?.trigger('ticket.submit.done');
    instance?.trigger('ticket.submit.always');
    instance?.trigger('ticket.updated', { updatedBy: page.ctx.commonRoot().currentUser });
    if (oldStatus !== page.s.ticket.status)
      page.emit('ticket.status', page.s.ticket.status, oldStatus);
    page.emit('comment.text', '', oldText);
  } finally {
    page.saving = false;
    ui.form.submit.disabled = false;
    ui.form.submitLabel();
  }
}
