import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../common/I18nProvider';
import { StatusMessage } from '../common/StatusMessage';
import { ErrorNotice } from './ErrorNotice';
import { Section, Wrap } from './Section';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PROFILE_ID = /^[0-9A-Za-z]{20,32}$/;

/**
 * What the agent typed, trimmed, when it is an email, a phone number (digits with spaces,
 * + - ( ) .) or a Klaviyo profile id; null otherwise.
 */
export function parseSearch(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (value.includes('@')) return EMAIL.test(value) ? value.toLowerCase() : null;
  if (PROFILE_ID.test(value) && /[A-Za-z]/.test(value)) return value;
  const digits = value.replace(/\D/g, '');
  return /^\+?[\d\s().-]+$/.test(value) && digits.length >= 6 && digits.length <= 15 ? value : null;
}

/** No Klaviyo profile matches: say what was searched, and let the agent search by hand. */
export function NoMatch({
  searched,
  noIdentifier,
  onSearch,
  searching,
  notFound,
  error,
}: {
  searched: { email: string | null; phone: string | null } | null;
  noIdentifier?: boolean;
  onSearch: (query: string) => void;
  searching: boolean;
  /** The last manual search found nothing for this text. */
  notFound: string | null;
  error?: unknown;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [invalid, setInvalid] = useState(false);
  const hintId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseSearch(query);
    setInvalid(!parsed);
    if (parsed) onSearch(parsed);
  };

  const tried = [searched?.email, searched?.phone].filter(Boolean).join(', ');
  return (
    <Section id="no-match" title={t('sidebar.none.title')}>
      <StatusMessage kind="empty">
        {noIdentifier
          ? t('sidebar.none.no_identifier')
          : tried
            ? t('sidebar.none.body', { searched: tried })
            : t('sidebar.none.body_generic')}
      </StatusMessage>
      <form onSubmit={submit} role="search" style={{ marginTop: 12 }}>
        <Field>
          <Field.Label>{t('sidebar.search.label')}</Field.Label>
          <Field.Hint id={hintId}>{t('sidebar.search.hint')}</Field.Hint>
          <Input
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              if (invalid) setInvalid(false);
            }}
            validation={invalid ? 'error' : undefined}
            isCompact
            inputMode="email"
            autoComplete="off"
          />
          {invalid && (
            <Field.Message validation="error">{t('sidebar.search.invalid')}</Field.Message>
          )}
        </Field>
        <Button type="submit" size="small" style={{ marginTop: 8 }} disabled={searching}>
          {searching ? t('sidebar.search.searching') : t('sidebar.search.button')}
        </Button>
      </form>
      {notFound && !searching && (
        <Wrap style={{ marginTop: 8 }} role="status">
          <SM tag="p" style={{ margin: 0 }}>
            {t('sidebar.search.no_results', { query: notFound })}
          </SM>
        </Wrap>
      )}
      {error !== undefined && error !== null && !searching && (
        <div style={{ marginTop: 8 }}>
          <ErrorNotice error={error} />
        </div>
      )}
    </Section>
  );
}
