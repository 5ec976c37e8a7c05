import { Field, Select } from '@zendeskgarden/react-forms';
import { useId } from 'react';
import { useI18n } from '../../common/I18nProvider';

/** The admin's saved snippets (one per line in the settings); choosing one inserts it. */
export function QuickReplies({
  replies,
  disabled,
  onInsert,
}: {
  replies: string[];
  disabled?: boolean;
  onInsert(snippet: string): void;
}) {
  const { t } = useI18n();
  const id = useId();
  if (replies.length === 0) return null;
  return (
    <Field>
      <Field.Label hidden htmlFor={id}>
        {t('composer.quick_replies.label')}
      </Field.Label>
      <Select
        id={id}
        isCompact
        value=""
        disabled={disabled}
        onChange={(event) => {
          const index = Number(event.target.value);
          const snippet = replies[index];
          if (snippet !== undefined) onInsert(snippet);
        }}
      >
        <option value="">{t('composer.quick_replies.placeholder')}</option>
        {replies.map((reply, index) => (
          <option key={index} value={String(index)}>
            {reply.length > 60 ? `${reply.slice(0, 57)}…` : reply}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Inserts `snippet` at the selection, with a space where it would touch other words. */
export function insertAt(
  text: string,
  snippet: string,
  start: number,
  end: number,
): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before !== '' && !/\s$/.test(before) ? ' ' : '';
  const trail = after !== '' && !/^\s/.test(after) ? ' ' : '';
  const inserted = `${lead}${snippet}${trail}`;
  return {
    text: `${before}${inserted}${after}`,
    caret: before.length + lead.length + snippet.length,
  };
}
