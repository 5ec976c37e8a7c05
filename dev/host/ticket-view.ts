/**
 * The ticket page: properties (brand, requester with a "change requester" control, assignee,
 * status, tags), the conversation, the reply editor with the Submit button, and the
 * ticket_sidebar app in the apps tray. The editor, status and tags are the ZAF `ticket` object's
 * form values; Submit runs the `ticket.save` hook before anything is saved.
 */
import { htmlToPlainText } from '../../src/reply/plain-text';
import { TICKET_STATUSES, type ZdTicketStatus } from '../zendesk/types';
import { ApiError, api, createUserFieldReader } from './api';
import { mountApp } from './app-pane';
import { h, initials, relativeTime, replaceChildren } from './dom';
import { notFoundView } from './other-views';
import type { View, WorkspaceContext } from './view';
import type { AppInstance, InstanceModel, Lookup } from './zaf-host';
import { lookup, zafTicket, type TicketSnapshot } from './zaf-objects';

const STATUS_LABEL: Record<string, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold',
  solved: 'Solved',
  closed: 'Closed',
};

export function statusBadge(status: string): HTMLElement {
  return h(
    'span',
    {
      class: `status-badge status-${status}`,
      'data-testid': 'status-badge',
      title: STATUS_LABEL[status] ?? status,
    },
    (STATUS_LABEL[status] ?? status).slice(0, status === 'hold' ? 7 : 1),
  );
}

function tagList(value: unknown): string[] | null {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
  if (!list || !list.every((t) => typeof t === 'string')) return null;
  return list.map((t) => t.trim().toLowerCase().replace(/\s+/g, '_')).filter(Boolean);
}

async function loadSnapshot(id: number, ctx: WorkspaceContext): Promise<TicketSnapshot> {
  const [{ ticket, users }, { comments, users: authors }] = await Promise.all([
    api.ticket(id),
    api.comments(id),
  ]);
  const all = new Map([...users, ...authors].map((u) => [u.id, u]));
  const requester = all.get(ticket.requester_id) ?? (await api.user(ticket.requester_id));
  all.set(requester.id, requester);
  const requesterIdentities = await api.identities(requester.id);
  const assignee = ticket.assignee_id ? (all.get(ticket.assignee_id) ?? null) : null;
  return {
    ticket,
    draft: { status: ticket.status, tags: [...ticket.tags] },
    editor: { text: '', type: 'publicReply' },
    requester,
    requesterIdentities,
    assignee,
    group: ticket.group_id ? { id: ticket.group_id, name: 'Support' } : null,
    brand: ctx.brands.find((b) => b.id === ticket.brand_id),
    comments,
    users: all,
  };
}

export async function createTicketView(ctx: WorkspaceContext, id: number): Promise<View> {
  let s: TicketSnapshot;
  try {
    s = await loadSnapshot(id, ctx);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return notFoundView(ctx, 'ticket', id);
    throw error;
  }

  const readUserFields = await createUserFieldReader();
  let instance: AppInstance | null = null;
  let saving = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (property: string, newValue: unknown, oldValue: unknown) => {
    instance?.trigger(`${property}.changed`, newValue);
    instance?.trigger('*.changed', { propertyName: property, newValue, oldValue });
  };

  // ---- form state changes (from the agent or from the app) ----
  const setEditorText = (text: string, fromApp: boolean) => {
    const old = s.editor.text;
    s.editor.text = text;
    if (fromApp) textarea.value = text;
    clearTimeout(typingTimer);
    if (fromApp) emit('comment.text', text, old);
    else typingTimer = setTimeout(() => emit('comment.text', text, old), 250);
  };
  const setEditorType = (type: 'publicReply' | 'internalNote') => {
    const old = s.editor.type;
    if (old === type) return;
    s.editor.type = type;
    renderEditorMode();
    emit('comment.type', type, old);
  };
  const setDraftStatus = (status: string) => {
    const old = s.draft.status;
    if (old === status) return;
    s.draft.status = status;
    statusSelect.value = status;
    submitLabel();
    emit('ticket.status', status, old);
  };
  const setDraftTags = (tags: string[]) => {
    const old = s.draft.tags;
    const next = [...new Set(tags)];
    if (next.join(' ') === old.join(' ')) return;
    s.draft.tags = next;
    renderTags();
    emit('ticket.tags', next, old);
  };

  // ---- ZAF data model of this ticket's app instance ----
  const model: InstanceModel = {
    async get(path) {
      let defined: string[] = [];
      if (path.includes('customField:')) {
        ({ user: s.requester, keys: defined } = await readUserFields(s.requester));
      }
      return lookup(
        { ...ctx.commonRoot(), ticket: zafTicket(s), ticketFields: ticketFields() },
        path,
        defined,
      );
    },
    set(path, value): Lookup {
      switch (path) {
        case 'ticket.comment.text':
        case 'comment.text':
          setEditorText(String(value ?? ''), true);
          return { found: true, value: s.editor.text };
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
          return { found: true, value: s.draft.tags };
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
              ? [...s.draft.tags, ...tags]
              : s.draft.tags.filter((t) => !tags.includes(t)),
          );
          return { found: true, value: s.draft.tags };
        }
        case 'comment.appendText':
        case 'ticket.comment.appendText':
          setEditorText(s.editor.text + String(args[0] ?? ''), true);
          return { found: true, value: undefined };
        case 'comment.appendHtml':
        case 'ticket.comment.appendHtml':
        case 'ticket.comment.appendMarkdown':
          setEditorText(s.editor.text + htmlToPlainText(String(args[0] ?? '')), true);
          return { found: true, value: undefined };
        default:
          return { found: false, message: `Could not find handler for: "${name}"` };
      }
    },
  };

  const ticketFields = () => [
    { name: 'subject', label: 'Subject', type: 'subject', isRequired: true, isVisible: true },
    { name: 'status', label: 'Status', type: 'status', isRequired: true, isVisible: true },
    { name: 'tags', label: 'Tags', type: 'tags', isRequired: false, isVisible: true },
    { name: 'priority', label: 'Priority', type: 'priority', isRequired: false, isVisible: true },
    { name: 'brand', label: 'Brand', type: 'brand', isRequired: false, isVisible: true },
  ];

  // ---- DOM ----
  const props = h('aside', { class: 'ticket-props', 'aria-label': 'Ticket properties' });
  const header = h('header', { class: 'ticket-header' });
  const banner = h('div', {
    class: 'banner banner-error',
    role: 'alert',
    'data-testid': 'save-error',
    hidden: true,
  });
  const conversation = h('ol', { class: 'conversation', 'data-testid': 'conversation' });
  const textarea = h('textarea', {
    class: 'editor-text',
    'data-testid': 'editor',
    'aria-label': 'Reply',
    placeholder: 'Add a public reply or an internal note',
    rows: 5,
  });
  textarea.addEventListener('input', () => setEditorText(textarea.value, false));
  const replyTab = h(
    'button',
    { class: 'editor-tab', type: 'button', 'data-testid': 'public-reply-tab' },
    'Public reply',
  );
  const noteTab = h(
    'button',
    { class: 'editor-tab', type: 'button', 'data-testid': 'internal-note-tab' },
    'Internal note',
  );
  replyTab.addEventListener('click', () => setEditorType('publicReply'));
  noteTab.addEventListener('click', () => setEditorType('internalNote'));
  const statusSelect = h(
    'select',
    { class: 'status-select', 'data-testid': 'status-select', 'aria-label': 'Status after submit' },
    ...TICKET_STATUSES.filter((st) => st !== 'closed' && st !== 'new').map((st) =>
      h('option', { value: st }, STATUS_LABEL[st] ?? st),
    ),
  );
  if (s.draft.status === 'new') statusSelect.prepend(h('option', { value: 'new' }, 'New'));
  statusSelect.value = s.draft.status;
  statusSelect.addEventListener('change', () => setDraftStatus(statusSelect.value));
  const submit = h('button', { class: 'submit', type: 'button', 'data-testid': 'submit' });
  submit.addEventListener('click', () => void save());
  const submitLabel = () => {
    submit.textContent = saving
      ? 'Submitting…'
      : `Submit as ${STATUS_LABEL[s.draft.status] ?? s.draft.status}`;
  };
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
  const main = h('section', { class: 'ticket-main' }, header, banner, conversation, editor);
  const pane = h(
    'div',
    { class: 'ticket-view', 'data-testid': 'ticket-view', 'data-ticket-id': id },
    props,
    main,
  );

  function renderEditorMode() {
    const note = s.editor.type === 'internalNote';
    replyTab.classList.toggle('active', !note);
    noteTab.classList.toggle('active', note);
    replyTab.setAttribute('aria-selected', String(!note));
    noteTab.setAttribute('aria-selected', String(note));
    editor.classList.toggle('editor-note', note);
    const to = editor.querySelector('.editor-to')!;
    replaceChildren(
      to,
      note
        ? 'Internal note: only agents can see it'
        : h(
            'span',
            {},
            'To: ',
            h('strong', {}, s.requester.name),
            s.requester.email ? ` <${s.requester.email}>` : '',
          ),
    );
  }

  function renderHeader() {
    const t = s.ticket;
    replaceChildren(
      header,
      h('h1', { class: 'ticket-subject', 'data-testid': 'ticket-subject' }, t.subject),
      h(
        'div',
        { class: 'ticket-meta' },
        statusBadge(t.status),
        h('span', {}, `#${t.id}`),
        h('span', {}, `via ${t.via.channel === 'api' ? 'API' : t.via.channel}`),
        h('span', {}, s.brand?.name ?? ''),
        h('span', {}, `Created ${relativeTime(t.created_at)}`),
      ),
    );
  }

  function renderTags() {
    const box = props.querySelector('[data-testid="tags"]');
    if (!box) return;
    const input = h('input', {
      class: 'tag-input',
      'aria-label': 'Add tag',
      placeholder: 'Add tag',
    });
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || !input.value.trim()) return;
      const tags = tagList(input.value.split(/[\s,]+/));
      if (tags) setDraftTags([...s.draft.tags, ...tags]);
    });
    replaceChildren(
      box,
      ...s.draft.tags.map((tag) =>
        h(
          'span',
          { class: 'tag', 'data-testid': 'tag' },
          tag,
          h(
            'button',
            {
              class: 'tag-remove',
              type: 'button',
              'aria-label': `Remove tag ${tag}`,
              onclick: () => setDraftTags(s.draft.tags.filter((t) => t !== tag)),
            },
            '×',
          ),
        ),
      ),
      input,
    );
  }

  function renderProps() {
    const r = s.requester;
    const phone = r.phone ?? s.requesterIdentities.find((i) => i.type === 'phone_number')?.value;
    const picker = h(
      'select',
      {
        class: 'requester-select',
        'data-testid': 'change-requester',
        'aria-label': 'Change requester',
      },
      ...ctx
        .endUsers()
        .map((u) =>
          h(
            'option',
            { value: u.id, selected: u.id === r.id },
            u.email ? `${u.name} <${u.email}>` : u.name,
          ),
        ),
    );
    picker.addEventListener('change', () => void changeRequester(Number(picker.value)));
    replaceChildren(
      props,
      h(
        'div',
        { class: 'prop' },
        h('label', {}, 'Brand'),
        h('div', { class: 'prop-value' }, s.brand?.name ?? '—'),
      ),
      h(
        'div',
        { class: 'prop requester', 'data-testid': 'requester' },
        h('label', {}, 'Requester'),
        h(
          'div',
          { class: 'requester-card' },
          h('span', { class: 'avatar' }, initials(r.name)),
          h(
            'div',
            {},
            h(
              'a',
              {
                class: 'requester-name',
                href: `/?user=${r.id}`,
                'data-testid': 'requester-name',
                onclick: (e: Event) => {
                  e.preventDefault();
                  ctx.navigate({ kind: 'user', id: r.id });
                },
              },
              r.name,
            ),
            h(
              'div',
              { class: 'requester-line', 'data-testid': 'requester-email' },
              r.email ?? 'No email',
            ),
            h(
              'div',
              { class: 'requester-line', 'data-testid': 'requester-phone' },
              phone ?? 'No phone',
            ),
          ),
        ),
        h('div', { class: 'change-requester' }, h('label', {}, 'Change requester'), picker),
      ),
      h(
        'div',
        { class: 'prop' },
        h('label', {}, 'Assignee'),
        h(
          'div',
          { class: 'prop-value' },
          s.assignee ? `Support / ${s.assignee.name}` : 'Support (unassigned)',
        ),
      ),
      h(
        'div',
        { class: 'prop' },
        h('label', {}, 'Tags'),
        h('div', { class: 'tags', 'data-testid': 'tags' }),
      ),
      h(
        'div',
        { class: 'prop' },
        h('label', {}, 'Priority'),
        h('div', { class: 'prop-value' }, s.ticket.priority ?? '—'),
      ),
      h(
        'div',
        { class: 'prop' },
        h('label', {}, 'Type'),
        h('div', { class: 'prop-value' }, s.ticket.type ?? '—'),
      ),
    );
    renderTags();
  }

  function renderConversation() {
    replaceChildren(
      conversation,
      ...s.comments.map((c) => {
        const author = s.users.get(c.author_id);
        const agent = author && author.role !== 'end-user';
        const body = h('div', { class: 'comment-body' });
        // Zendesk's own sanitised HTML for the comment; ours comes from the in-memory store.
        body.innerHTML = c.html_body;
        return h(
          'li',
          {
            class: `comment${c.public ? '' : ' comment-internal'}${agent ? ' comment-agent' : ''}`,
            'data-testid': 'comment',
            'data-public': String(c.public),
          },
          h('span', { class: 'avatar' }, initials(author?.name ?? '?')),
          h(
            'div',
            { class: 'comment-content' },
            h(
              'div',
              { class: 'comment-head' },
              h('strong', {}, author?.name ?? `User ${c.author_id}`),
              c.public ? null : h('span', { class: 'internal-label' }, 'Internal note'),
              h(
                'time',
                { datetime: c.created_at, title: c.created_at },
                relativeTime(c.created_at),
              ),
            ),
            body,
          ),
        );
      }),
    );
  }

  function showBanner(title: string, message: string) {
    replaceChildren(
      banner,
      h('strong', {}, title),
      ' ',
      h('span', { 'data-testid': 'save-error-message' }, message),
    );
    banner.hidden = false;
  }

  async function changeRequester(userId: number) {
    const old = s.requester;
    if (userId === old.id) return;
    try {
      await api.updateTicket(id, { requester_id: userId });
      const fresh = await loadSnapshot(id, ctx);
      s = { ...fresh, draft: s.draft, editor: s.editor };
    } catch (error) {
      showBanner('The requester was not changed.', (error as Error).message);
      renderProps();
      return;
    }
    renderProps();
    renderEditorMode();
    ctx.refreshChrome();
    emit('ticket.requester.id', s.requester.id, old.id);
    if (s.requester.email !== old.email)
      emit('ticket.requester.email', s.requester.email, old.email);
    if (s.requester.name !== old.name) emit('ticket.requester.name', s.requester.name, old.name);
  }

  async function save() {
    if (saving) return;
    const text = s.editor.text;
    const statusChanged = s.draft.status !== s.ticket.status;
    const tagsChanged = s.draft.tags.join(' ') !== s.ticket.tags.join(' ');
    if (text.trim() === '' && !statusChanged && !tagsChanged) {
      showBanner('Nothing to submit.', 'Write a reply or change the status first.');
      return;
    }
    saving = true;
    submit.disabled = true;
    submitLabel();
    banner.hidden = true;
    try {
      // 1. The save hook: every app instance of this ticket that listens must agree.
      if (instance) {
        const reply = await instance.askHook('ticket.save', ctx.config.saveHookTimeoutMs);
        if (!reply.ok) {
          showBanner(
            'Ticket update failed.',
            reply.message ??
              (reply.timedOut
                ? `${ctx.config.app.name} did not answer in time; the ticket was not updated.`
                : `${ctx.config.app.name} stopped the update.`),
          );
          return;
        }
      }
      // 2. The update itself, with the submit events around it.
      instance?.trigger('ticket.submit.start');
      const change: Record<string, unknown> = {};
      if (text.trim() !== '') {
        change.comment = { body: text, public: s.editor.type === 'publicReply' };
      }
      if (statusChanged) change.status = s.draft.status;
      if (tagsChanged) change.tags = s.draft.tags;
      const oldStatus = s.ticket.status;
      try {
        await api.updateTicket(id, change);
      } catch (error) {
        showBanner('Ticket update failed.', (error as Error).message);
        instance?.trigger('ticket.submit.fail');
        instance?.trigger('ticket.submit.always');
        return;
      }
      const fresh = await loadSnapshot(id, ctx);
      const oldText = s.editor.text;
      s = { ...fresh, editor: { text: '', type: s.editor.type } };
      textarea.value = '';
      statusSelect.value = s.draft.status;
      renderHeader();
      renderProps();
      renderConversation();
      ctx.refreshChrome();
      instance?.trigger('ticket.submit.done');
      instance?.trigger('ticket.submit.always');
      instance?.trigger('ticket.updated', { updatedBy: ctx.commonRoot().currentUser });
      if (oldStatus !== s.ticket.status) emit('ticket.status', s.ticket.status, oldStatus);
      emit('comment.text', '', oldText);
    } finally {
      saving = false;
      submit.disabled = false;
      submitLabel();
    }
  }

  renderHeader();
  renderProps();
  renderConversation();
  renderEditorMode();
  submitLabel();

  const view: View = {
    key: `ticket:${id}`,
    title: s.ticket.subject,
    pane,
    appPane: null,
    instance: null,
    onShow: () => {
      view.title = s.ticket.subject;
    },
    destroy: () => instance?.destroy(),
  };
  const mounted = mountApp(ctx, 'ticket_sidebar', { ticketId: id }, model, () => view);
  instance = mounted.instance;
  view.appPane = mounted.pane;
  view.instance = instance;
  return view;
}
