import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Fieldset, Input, Radio, Toggle } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../common/I18nProvider';
import {
  checkPrivateKey,
  defaultConfig,
  MAX_CLOSE_AFTER_HOURS,
  MIN_CLOSE_AFTER_HOURS,
  validHours,
  type MetricSyncConfig,
} from '../../metrics/config';
import {
  configFromSetup,
  planMetricSync,
  provision,
  ProvisionError,
  removeAll,
  type CurrentSetup,
} from '../../metrics/provision';
import { changes, type StepDone } from '../../provision';
import type { Transport } from '../../transport';
import { listBrands } from '../../zendesk/brands';
import { StatusMessage } from '../common/StatusMessage';
import { Actions, Block, Indented, NarrowIndented } from './layout';
import { ProvisionSummary } from './ProvisionSummary';
import { describeError } from './reasons';
import { RemoveConfirm } from './RemoveConfirm';
import { Section } from './Section';
import { setupKeys } from './queries';

type BrandMode = 'all' | 'chosen';

interface Problems {
  brands?: string;
  key?: string;
  hours?: string;
}

/**
 * On or off, brands, the webhook's key (typed here, sent to Zendesk, never shown again), the
 * optional automation and view, Save (provisioning) and Remove everything.
 */
export function MetricSyncSection({
  transport,
  setup,
  smsTag,
}: {
  transport: Transport;
  setup: CurrentSetup;
  smsTag: string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const initial = configFromSetup(setup, smsTag, defaultConfig(smsTag));
  const [enabled, setEnabled] = useState(initial.enabled || setup.webhook === null);
  const [brandMode, setBrandMode] = useState<BrandMode>(initial.brandIds.length ? 'chosen' : 'all');
  const [brandIds, setBrandIds] = useState<number[]>(initial.brandIds);
  // Uncontrolled on purpose: the typed key lives only in the input's value property, never in a
  // React prop or DOM attribute, and is wiped as soon as a Save has sent it to Zendesk.
  const keyRef = useRef<HTMLInputElement>(null);
  const clearKey = () => {
    if (keyRef.current) keyRef.current.value = '';
    setKeyValid(false);
  };
  const [automation, setAutomation] = useState(initial.closeSolvedSms.enabled);
  const [hours, setHours] = useState(String(initial.closeSolvedSms.hours));
  const [view, setView] = useState(initial.smsView);
  const [problems, setProblems] = useState<Problems>({});
  // Only whether a valid key is typed, never the key itself, lives in React state.
  const [keyValid, setKeyValid] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removeUserField, setRemoveUserField] = useState(false);

  const brands = useQuery({ queryKey: setupKeys.brands, queryFn: () => listBrands(transport) });
  const keyStored = setup.webhook?.authentication?.type === 'api_key';

  const refresh = () => queryClient.invalidateQueries({ queryKey: setupKeys.all });

  // Handed to the save outside the mutation's variables, which the query cache keeps after the save.
  const pendingKey = useRef<string | null>(null);
  const save = useMutation<StepDone[], unknown, MetricSyncConfig>({
    mutationFn: (config) => {
      const apiKey = pendingKey.current;
      pendingKey.current = null;
      return provision(transport, config, { apiKey });
    },
    // Cleared whatever the outcome: once sent, Zendesk may hold the key (the webhook is the first step).
    onSettled: () => {
      clearKey();
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => removeAll(transport, { includeUserField: removeUserField }),
    onSettled: () => {
      setConfirmRemove(false);
      void refresh();
    },
  });

  function validate(): { config: MetricSyncConfig; apiKey: string | null } | null {
    const next: Problems = {};
    if (enabled && brandMode === 'chosen' && brandIds.length === 0) {
      next.brands = t('setup.sync.brands_none_error');
    }
    const hoursNumber = Number(hours);
    if (automation && !(/^\d+$/.test(hours.trim()) && validHours(hoursNumber))) {
      next.hours = t('setup.sync.hours_error', {
        min: MIN_CLOSE_AFTER_HOURS,
        max: MAX_CLOSE_AFTER_HOURS,
      });
    }
    const typed = (keyRef.current?.value ?? '').trim();
    if (typed !== '') {
      const problem = checkPrivateKey(typed);
      if (problem) next.key = t(`setup.sync.key_problem.${problem}`);
    } else if (enabled && !keyStored) {
      next.key = t('setup.sync.key_required');
    }
    setProblems(next);
    if (Object.keys(next).length > 0) return null;
    return { apiKey: typed === '' ? null : typed, config: formConfig() };
  }

  function formConfig(): MetricSyncConfig {
    const hoursNumber = Number(hours);
    return {
      enabled,
      brandIds: brandMode === 'chosen' ? brandIds : [],
      closeSolvedSms: {
        enabled: automation,
        hours: automation && validHours(hoursNumber) ? hoursNumber : initial.closeSolvedSms.hours,
      },
      smsView: view,
      smsTag,
    };
  }

  // What Save would write, from what Zendesk held when the page loaded: shown before any write.
  const preview = planMetricSync(setup, formConfig(), {
    apiKey: keyValid ? (keyRef.current?.value ?? null) : null,
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    remove.reset();
    const input = validate();
    if (input) {
      pendingKey.current = input.apiKey;
      save.mutate(input.config);
    }
  }

  const toggleBrand = (id: number, on: boolean) =>
    setBrandIds((list) => (on ? [...new Set([...list, id])] : list.filter((b) => b !== id)));

  const busy = save.isPending || remove.isPending;
  const saveError = save.error;

  return (
    <Section
      id="setup-sync"
      title={t('setup.sync.heading')}
      description={t('setup.sync.description')}
    >
      <form onSubmit={onSubmit} noValidate aria-labelledby="setup-sync">
        <Field>
          <Toggle checked={enabled} onChange={(e) => setEnabled(e.target.checked)}>
            <Field.Label>{t('setup.sync.enabled')}</Field.Label>
          </Toggle>
          <Field.Hint>{t('setup.sync.enabled_hint')}</Field.Hint>
        </Field>

        <Block $top="md">
          <Fieldset>
            <Fieldset.Legend>{t('setup.sync.brands_label')}</Fieldset.Legend>
            <Field>
              <Radio
                name={`${ids}-brands`}
                value="all"
                checked={brandMode === 'all'}
                onChange={() => setBrandMode('all')}
              >
                <Field.Label>{t('setup.sync.brands_all')}</Field.Label>
              </Radio>
            </Field>
            <Field>
              <Radio
                name={`${ids}-brands`}
                value="chosen"
                checked={brandMode === 'chosen'}
                onChange={() => setBrandMode('chosen')}
              >
                <Field.Label>{t('setup.sync.brands_chosen')}</Field.Label>
              </Radio>
            </Field>
            {brandMode === 'chosen' && (
              <Indented $top="xxs">
                {brands.isPending && <StatusMessage kind="loading" lines={2} />}
                {brands.isError && (
                  <StatusMessage kind="error" onRetry={() => void brands.refetch()}>
                    {t('setup.sync.brands_failed', { reason: describeError(t, brands.error) })}
                  </StatusMessage>
                )}
                {brands.data?.map((brand) => (
                  <Field key={brand.id}>
                    <Checkbox
                      checked={brandIds.includes(brand.id)}
                      onChange={(e) => toggleBrand(brand.id, e.target.checked)}
                    >
                      <Field.Label>{brand.name}</Field.Label>
                    </Checkbox>
                  </Field>
                ))}
              </Indented>
            )}
            {problems.brands && (
              <Field>
                <Field.Message validation="error" role="alert">
                  {problems.brands}
                </Field.Message>
              </Field>
            )}
          </Fieldset>
        </Block>

        <Block $top="md">
          <Field>
            <Field.Label>{t('setup.sync.key_label')}</Field.Label>
            <Field.Hint>{t('setup.sync.key_hint')}</Field.Hint>
            {keyStored && <Field.Hint>{t('setup.sync.key_stored')}</Field.Hint>}
            <Input
              type="password"
              autoComplete="off"
              spellCheck={false}
              ref={keyRef}
              defaultValue=""
              onChange={(e) => setKeyValid(checkPrivateKey(e.target.value) === null)}
              validation={problems.key ? 'error' : undefined}
            />
            {problems.key && (
              <Field.Message validation="error" role="alert">
                {problems.key}
              </Field.Message>
            )}
          </Field>
        </Block>

        <Block $top="md">
          <Field>
            <Checkbox checked={automation} onChange={(e) => setAutomation(e.target.checked)}>
              <Field.Label>{t('setup.sync.automation_label')}</Field.Label>
            </Checkbox>
            <Field.Hint>{t('setup.sync.automation_hint', { tag: smsTag })}</Field.Hint>
          </Field>
        </Block>
        {automation && (
          <NarrowIndented $top="xs">
            <Field>
              <Field.Label>{t('setup.sync.hours_label')}</Field.Label>
              <Input
                type="number"
                inputMode="numeric"
                min={MIN_CLOSE_AFTER_HOURS}
                max={MAX_CLOSE_AFTER_HOURS}
                step={1}
                value={hours}
                onChange={(e) => setHours(e.target.value)}
                validation={problems.hours ? 'error' : undefined}
              />
              {problems.hours && (
                <Field.Message validation="error" role="alert">
                  {problems.hours}
                </Field.Message>
              )}
            </Field>
          </NarrowIndented>
        )}

        <Block $top="md">
          <Field>
            <Checkbox checked={view} onChange={(e) => setView(e.target.checked)}>
              <Field.Label>{t('setup.sync.view_label')}</Field.Label>
            </Checkbox>
            <Field.Hint>{t('setup.sync.view_hint', { tag: smsTag })}</Field.Hint>
          </Field>
        </Block>

        {preview.ok && !busy && (
          <Block $top="md" data-testid="provision-preview">
            {changes(preview.steps).length === 0 ? (
              <Paragraph>{t('setup.plan.nothing')}</Paragraph>
            ) : (
              <>
                <Paragraph>{t('setup.plan.heading')}</Paragraph>
                <ProvisionSummary steps={changes(preview.steps)} tense="plan" />
              </>
            )}
          </Block>
        )}

        <Actions $top="md">
          <Button type="submit" isPrimary disabled={busy}>
            {save.isPending ? t('setup.sync.saving') : t('setup.sync.save')}
          </Button>
          {!confirmRemove && (
            <Button
              isDanger
              disabled={busy}
              onClick={() => {
                save.reset();
                setConfirmRemove(true);
              }}
            >
              {t('setup.remove.button')}
            </Button>
          )}
        </Actions>
      </form>

      {confirmRemove && (
        <RemoveConfirm
          explain={t('setup.remove.explain')}
          busy={busy}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirmRemove(false)}
        >
          <Field>
            <Checkbox
              checked={removeUserField}
              onChange={(e) => setRemoveUserField(e.target.checked)}
            >
              <Field.Label isRegular>{t('setup.remove.include_user_field')}</Field.Label>
            </Checkbox>
          </Field>
        </RemoveConfirm>
      )}

      <Block aria-live="polite">
        {save.isSuccess && (
          <Alert type="success" role="status">
            <Alert.Paragraph>{t('setup.sync.saved')}</Alert.Paragraph>
            <ProvisionSummary steps={save.data} />
          </Alert>
        )}
        {save.isError && (
          <Alert type="error" role="alert">
            <Alert.Paragraph>
              {t('setup.sync.failed', { reason: describeError(t, saveError) })}
            </Alert.Paragraph>
            {saveError instanceof ProvisionError && saveError.done.length > 0 && (
              <>
                <Alert.Paragraph>{t('setup.sync.done_before_failure')}</Alert.Paragraph>
                <ProvisionSummary steps={saveError.done} />
              </>
            )}
          </Alert>
        )}
        {remove.isSuccess && (
          <Alert type="success" role="status">
            <Alert.Paragraph>{t('setup.remove.done')}</Alert.Paragraph>
            <ProvisionSummary steps={remove.data} />
          </Alert>
        )}
        {remove.isError && (
          <Alert type="error" role="alert">
            <Alert.Paragraph>
              {t('setup.remove.failed', { reason: describeError(t, remove.error) })}
            </Alert.Paragraph>
            {remove.error instanceof ProvisionError && remove.error.done.length > 0 && (
              <>
                <Alert.Paragraph>{t('setup.sync.done_before_failure')}</Alert.Paragraph>
                <ProvisionSummary steps={remove.error.done} />
              </>
            )}
          </Alert>
        )}
      </Block>
    </Section>
  );
}
