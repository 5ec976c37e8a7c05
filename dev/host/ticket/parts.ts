/**
 * The parts of the ticket page drawn from its state: the status badge, the header, the
 * properties column (brand, requester with "change requester", assignee, tags, priority, type)
 * and the conversation.
 */
import { h, initials, relativeTime, replaceChildren } from '../dom';
import type { TicketForm } from './form';
import { tagList, type TicketPage } from './page';

export const STATUS_LABEL: Record<string, string> = {
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

export function renderHeader(page: TicketPage, header: HTMLElement): void {
  const s = page.s;
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

export function renderTags(page: TicketPage, form: TicketForm, props: HTMLElement): void {
  const s = page.s;
  const setDraftTags = form.setDraftTags;
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

export function renderProps(
  page: TicketPage,
  form: TicketForm,
  props: HTMLElement,
  changeRequester: (userId: number) => void,
): void {
  const { s, ctx } = page;
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
  picker.addEventListener('change', () => changeRequester(Number(picker.value)));
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
  renderTags(page, form, props);
}

export function renderConversation(page: TicketPage, conversation: HTMLElement): void {
  const s = page.s;
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
            h('time', { datetime: c.created_at, title: c.created_at }, relativeTime(c.created_at)),
          ),
          body,
        ),
      );
    }),
  );
}
