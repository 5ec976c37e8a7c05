/**
 * The ticket page: properties (brand, requester with a "change requester" control, assignee,
 * status, tags), the conversation, the reply editor with the Submit button, and the
 * ticket_sidebar app in the apps tray. The editor, status and tags are the ZAF `ticket` object's
 * form values; Submit runs the `ticket.save` hook before anything is saved. The parts live in
 * `ticket/`: the shared state (page), the form, the drawn parts, the ZAF model and the submit flow.
 */
import { ApiError, createUserFieldReader } from './api';
import { mountApp } from './app-pane';
import { h } from './dom';
import { notFoundView } from './other-views';
import { createForm } from './ticket/form';
import { ticketModel } from './ticket/model';
import { createPage, loadSnapshot } from './ticket/page';
import { renderConversation, renderHeader, renderProps, renderTags } from './ticket/parts';
import { changeRequester, submitTicket, type TicketSurface } from './ticket/submit';
import type { View, WorkspaceContext } from './view';

export { statusBadge } from './ticket/parts';

export async function createTicketView(ctx: WorkspaceContext, id: number): Promise<View> {
  let snapshot;
  try {
    snapshot = await loadSnapshot(id, ctx);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return notFoundView(ctx, 'ticket', id);
    throw error;
  }
  const page = createPage(ctx, id, snapshot);
  const readUserFields = await createUserFieldReader();

  const props = h('aside', { class: 'ticket-props', 'aria-label': 'Ticket properties' });
  const header = h('header', { class: 'ticket-header' });
  const banner = h('div', {
    class: 'banner banner-error',
    role: 'alert',
    'data-testid': 'save-error',
    hidden: true,
  });
  const conversation = h('ol', { class: 'conversation', 'data-testid': 'conversation' });
  const form = createForm(page, () => void submitTicket(page, ui));
  const ui: TicketSurface = {
    banner,
    form,
    redraw() {
      renderHeader(page, header);
      renderProps(page, form, props, (userId) => void changeRequester(page, ui, userId));
      renderConversation(page, conversation);
    },
  };
  form.onTags = () => renderTags(page, form, props);
  const main = h('section', { class: 'ticket-main' }, header, banner, conversation, form.editor);
  const pane = h(
    'div',
    { class: 'ticket-view', 'data-testid': 'ticket-view', 'data-ticket-id': id },
    props,
    main,
  );
  ui.redraw();
  form.renderEditorMode();
  form.submitLabel();

  const view: View = {
    key: `ticket:${id}`,
    title: page.s.ticket.subject,
    pane,
    appPane: null,
    instance: null,
    onShow: () => {
      view.title = page.s.ticket.subject;
    },
    destroy: () => page.instance?.destroy(),
  };
  const model = ticketModel(page, form, readUserFields);
  const mounted = mountApp(ctx, 'ticket_sidebar', { ticketId: id }, model, () => view);
  page.instance = mounted.instance;
  view.appPane = mounted.pane;
  view.instance = mounted.instance;
  return view;
}
