import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useMemo, useRef, useState } from 'react';
import type { KlaviyoClient } from '../../../klaviyo';
import { checkPrivateKey } from '../../../metrics/config';
import { applyPlan, changes, type ApplyOutcome } from '../../../provision';
import { replyPathKlaviyo } from '../../../reply/path/klaviyo';
import {
  planReplyPath,
  planReplyPathRemoval,
  type ReplyPathEnv,
  type ReplyPathState,
} from '../../../reply/path/plan';
import { readReplyPath, replyPathHealth } from '../../../reply/path/read';
import type { Transport } from '../../../transport';
import { useZaf } from '../../../zaf/context';
import { useI18n } from '../../common/I18nProvider';
import { StatusMessage } from '../../common/StatusMessage';
import { Invocations } from '../HealthSection';
import { Actions, Block } from '../layout';
import { ApplyResult } from '../PlanOutcome';
import { ProvisionSummary } from '../ProvisionSummary';
import { setupKeys } from '../queries';
import { describeError } from '../reasons';
import { RemoveConfirm } from '../RemoveConfirm';
import { Section } from '../Section';
import { ReplyHealthList } from './ReplyHealthList';
import { ReplyTest } from './ReplyTest';

type Outcome = { kind: 'installed' | 'removed'; result: ApplyOutcome };

/**
 * The Zendesk-hosted reply path: a trigger and webhook in Zendesk, a flow in Klaviyo, so every
 * public agent reply on an SMS ticket is texted once, wherever it was written. Health of each
 * part from a live read, what Install or Repair will do, the key the webhook needs, Remove, the
 * webhook's recent requests and a guided test.
 */
export function ReplyPathSection({
  transport,
  klaviyo,
}: {
  transport: Transport;
  klaviyo: KlaviyoClient;
}) {
  const { t } = useI18n();
  const { settings, metadata, currentUser } = useZaf();
  const queryClient = useQueryClient();
  const config = useMemo(
    () => ({ smsTag: settings.smsTicketTag, metricName: settings.flowMetricName }),
    [settings.smsTicketTag, settings.flowMetricName],
  );
  const port = useMemo(
    () => replyPathKlaviyo(klaviyo, currentUser.email ?? null),
    [klaviyo, currentUser.email],
  );
  const env: ReplyPathEnv = { transport, klaviyo: port, installationId: metadata.installationId };

  const state = useQuery({
    queryKey: setupKeys.replyPath,
    queryFn: () => readReplyPath(transport, port, config, metadata.installationId),
    retry: false,
  });

  // The typed key lives only in the input's value (uncontrolled), never in React state or the DOM.
  const keyRef = useRef<HTMLInputElement>(null);
  const [keyValid, setKeyValid] = useState(false);
  const [keyProblem, setKeyProblem] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const clearKey = () => {
    if (keyRef.current) keyRef.current.value = '';
    setKeyValid(false);
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: setupKeys.replyPath });

  const pendingKey = useRef<string | null>(null);
  const install = useMutation<Outcome | null, unknown, void>({
    mutationFn: async () => {
      const apiKey = pendingKey.current;
      pendingKey.current = null;
      const plan = planReplyPath(
        await readReplyPath(transport, port, config, metadata.installationId),
        config,
        apiKey,
      );
      if (!plan.ok) {
        setKeyProblem(t('setup.reply_path.key_required'));
        return null;
      }
      return { kind: 'installed', result: await applyPlan(plan.steps, env) };
    },
    onSettled: () => {
      clearKey();
      void refresh();
    },
  });
  const remove = useMutation<Outcome, unknown, void>({
    mutationFn: async () => {
      const now = await readReplyPath(transport, port, config, metadata.installationId);
      return { kind: 'removed', result: await applyPlan(planReplyPathRemoval(now), env) };
    },
    onSettled: () => {
      setConfirmRemove(false);
      void refresh();
    },
  });

  function startInstall() {
    remove.reset();
    const typed = (keyRef.current?.value ?? '').trim();
    if (typed !== '') {
      const problem = checkPrivateKey(typed);
      if (problem) {
        setKeyProblem(t(`setup.sync.key_problem.${problem}`));
        return;
      }
    }
    setKeyProblem(null);
    pendingKey.current = typed === '' ? null : typed;
    install.mutate();
  }

  const busy = install.isPending || remove.isPending;

  return (
    <Section
      id="setup-replies"
      title={t('setup.reply_path.heading')}
      description={t('setup.reply_path.description', { tag: config.smsTag })}
    >
      <Paragraph>{t('setup.reply_path.needs')}</Paragraph>
      <Block $top="md" data-testid="reply-path-section">
        {state.isPending && <StatusMessage kind="loading" label={t('setup.reply_path.loading')} />}
        {state.isError && (
          <StatusMessage kind="error" onRetry={() => void state.refetch()}>
            {t('setup.reply_path.load_failed', { reason: describeError(t, state.error) })}
          </StatusMessage>
        )}
        {state.data && (
          <Current
            state={state.data}
            config={config}
            busy={busy}
            keyTyped={keyValid ? (keyRef.current?.value ?? null) : null}
          />
        )}
        {state.data && (
          <Block $top="md">
            <Field>
              <Field.Label>{t('setup.reply_path.key_label')}</Field.Label>
              <Field.Hint>{t('setup.reply_path.key_hint')}</Field.Hint>
              {state.data.webhook?.authentication?.type === 'api_key' && (
                <Field.Hint>{t('setup.reply_path.key_stored')}</Field.Hint>
              )}
              <Input
                type="password"
                autoComplete="off"
                spellCheck={false}
                ref={keyRef}
                defaultValue=""
                onChange={(e) => setKeyValid(checkPrivateKey(e.target.value) === null)}
                validation={keyProblem ? 'error' : undefined}
              />
              {keyProblem && (
                <Field.Message validation="error" role="alert">
                  {keyProblem}
                </Field.Message>
              )}
            </Field>
          </Block>
        )}
        {state.data && (
          <Buttons
            state={state.data}
            busy={busy}
            onInstall={startInstall}
            onAskRemove={() => {
              install.reset();
              setConfirmRemove(true);
            }}
          />
        )}
      </Block>

      {confirmRemove && (
        <RemoveConfirm
          explain={t('setup.reply_path.remove.explain')}
          confirmLabel={t('setup.reply_path.remove.confirm')}
          cancelLabel={t('setup.reply_path.remove.cancel')}
          busy={busy}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirmRemove(false)}
        />
      )}

      <Block aria-live="polite">
        <ApplyResult
          outcome={install.data?.result}
          error={install.error}
          success="setup.reply_path.installed"
          failure="setup.reply_path.failed"
          testId="reply-path-summary"
        />
        <ApplyResult
          outcome={remove.data?.result}
          error={remove.error}
          success="setup.reply_path.remove.done"
          failure="setup.reply_path.remove.failed"
          testId="reply-path-summary"
        />
      </Block>

      {state.data?.webhook && (
        <Block $top="md">
          <Paragraph>
            <strong>{t('setup.reply_path.activity')}</strong>
          </Paragraph>
          <Invocations
            transport={transport}
            webhookId={state.data.webhook.id}
            emptyText={t('setup.reply_path.activity_empty')}
          />
        </Block>
      )}
      {state.data && replyPathHealth(state.data).installed && (
        <ReplyTest transport={transport} klaviyo={klaviyo} metricName={config.metricName} />
      )}
    </Section>
  );
}

/** Installed or not, each part's health, and what Install or Repair will write. */
function Current({
  state,
  config,
  busy,
  keyTyped,
}: {
  state: ReplyPathState;
  config: { smsTag: string; metricName: string };
  busy: boolean;
  keyTyped: string | null;
}) {
  const { t } = useI18n();
  const health = replyPathHealth(state);
  const status = health.installed ? 'installed' : health.partly ? 'partial' : 'not_installed';
  const plan = planReplyPath(state, config, keyTyped);
  return (
    <>
      <Paragraph data-testid="reply-path-status" data-status={status}>
        <strong>{t(`setup.reply_path.state.${status}`)}</strong>
      </Paragraph>
      {(health.installed || health.partly) && <ReplyHealthList health={health} />}
      {!busy && (
        <Block $top="sm" data-testid="reply-path-preview">
          {!plan.ok ? (
            <Paragraph>{t('setup.reply_path.plan_needs_key')}</Paragraph>
          ) : changes(plan.steps).length === 0 ? (
            <Paragraph>{t('setup.reply_path.plan_nothing')}</Paragraph>
          ) : (
            <>
              <Paragraph>
                {t(
                  health.installed || health.partly
                    ? 'setup.reply_path.plan_repair'
                    : 'setup.reply_path.plan_install',
                )}
              </Paragraph>
              <ProvisionSummary steps={changes(plan.steps)} tense="plan" testId="reply-path-plan" />
            </>
          )}
        </Block>
      )}
    </>
  );
}

function Buttons({
  state,
  busy,
  onInstall,
  onAskRemove,
}: {
  state: ReplyPathState;
  busy: boolean;
  onInstall: () => void;
  onAskRemove: () => void;
}) {
  const { t } = useI18n();
  const health = replyPathHealth(state);
  const present = health.installed || health.partly;
  return (
    <Actions $top="md">
      <Button isPrimary disabled={busy} onClick={onInstall}>
        {busy
          ? t('setup.reply_path.working')
          : t(present ? 'setup.reply_path.repair' : 'setup.reply_path.install')}
      </Button>
      {present && (
        <Button isDanger disabled={busy} onClick={onAskRemove}>
          {t('setup.reply_path.remove.button')}
        </Button>
      )}
    </Actions>
  );
}
