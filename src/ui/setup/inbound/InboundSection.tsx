import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@zendeskgarden/react-buttons';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  needsMapping,
  parseBrandMapping,
  type BrandMapping,
  type MappingProblem,
  type MappingRow,
} from '../../../inbound/brands';
import {
  ConsentNeeded,
  healthOf,
  installPlan,
  readInbound,
  removePlan,
  type InboundEnv,
  type InboundState,
  type InstallSession,
} from '../../../inbound/install';
import { klaviyoFlows } from '../../../inbound/klaviyo-flows';
import { integrationKey } from '../../../inbound/names';
import type { KlaviyoClient } from '../../../klaviyo';
import { applyPlan, changes, type ApplyOutcome } from '../../../provision';
import type { Transport } from '../../../transport';
import { listBrands } from '../../../zendesk/brands';
import { useZaf } from '../../../zaf/context';
import { zendeskPageOrigin } from '../../../zaf/origin';
import { useI18n } from '../../common/I18nProvider';
import { StatusMessage } from '../../common/StatusMessage';
import { Actions, Block } from '../layout';
import { ProvisionSummary } from '../ProvisionSummary';
import { setupKeys } from '../queries';
import { ApplyResult } from '../PlanOutcome';
import { describeError } from '../reasons';
import { RemoveConfirm } from '../RemoveConfirm';
import { Section } from '../Section';
import { BrandMappingFields } from './BrandMappingFields';
import { ConsentStep } from './ConsentStep';
import { InboundHealthList } from './InboundHealthList';
import { InboundTest } from './InboundTest';
import { missingFrom, missingText } from './requirements';

/** Where Zendesk's consent page sends the pop-up back to: the app's page in the agent interface. */
const APP_PATH = '/agent/apps/klaviyo-for-zendesk';

const NO_MAPPING: BrandMapping = { numbers: [], defaultBrandId: null };

type Outcome =
  | { kind: 'installed' | 'removed'; result: ApplyOutcome }
  | { kind: 'consent'; url: string; result: ApplyOutcome };

function rowsOf(mapping: BrandMapping): MappingRow[] {
  return mapping.numbers.map((n) => ({ number: n.number, brandId: n.brandId }));
}

/**
 * Inbound SMS: texts to the brand's Klaviyo number become tickets through Zendesk Integration
 * Services and a Klaviyo flow. What it needs and what is missing, the number-to-brand map,
 * what Install (or Repair) will create, Install with the consent pop-up, Remove, the health of
 * each part from a live read, and a guided test.
 */
export function InboundSection({
  transport,
  klaviyo,
}: {
  transport: Transport;
  klaviyo: KlaviyoClient;
}) {
  const { t } = useI18n();
  const { context, settings } = useZaf();
  const queryClient = useQueryClient();
  const subdomain = context.account.subdomain;
  // The webhook's password lives here only, from its creation to the Klaviyo flow's.
  const session = useRef<InstallSession>({});
  const base = useMemo<Omit<InboundEnv, 'mapping'>>(
    () => ({
      zendesk: transport,
      klaviyo: klaviyoFlows(klaviyo),
      key: integrationKey(subdomain),
      subdomain,
      origin: `https://${subdomain}.zendesk.com`,
      returnUrl: `${zendeskPageOrigin(subdomain)}${APP_PATH}`,
      smsTag: settings.smsTicketTag,
      words: {
        subjectPrefix: t('setup.inbound.words.subject_prefix'),
        imageNotice: t('setup.inbound.words.image_notice'),
        unknownName: t('setup.inbound.words.unknown_name'),
      },
      session: session.current,
    }),
    [transport, klaviyo, subdomain, settings.smsTicketTag, t],
  );

  const state = useQuery({
    queryKey: setupKeys.inbound,
    queryFn: () => readInbound({ ...base, mapping: NO_MAPPING }),
    retry: false,
  });
  const brands = useQuery({ queryKey: setupKeys.brands, queryFn: () => listBrands(transport) });

  const [rows, setRows] = useState<MappingRow[] | null>(null);
  const [defaultBrand, setDefaultBrand] = useState<number | null | undefined>(undefined);
  const [problems, setProblems] = useState<MappingProblem[]>([]);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [consentUrl, setConsentUrl] = useState<string | null>(null);

  const saved = state.data?.record?.mapping ?? NO_MAPPING;
  const shownRows = rows ?? rowsOf(saved);
  const shownDefault = defaultBrand === undefined ? saved.defaultBrandId : defaultBrand;
  const mapped =
    (brands.data !== undefined && needsMapping(brands.data)) || saved.numbers.length > 0;

  const refresh = () => queryClient.invalidateQueries({ queryKey: setupKeys.inbound });

  const install = useMutation<Outcome, unknown, BrandMapping>({
    mutationFn: async (mapping) => {
      const env = { ...base, mapping };
      const result = await applyPlan(installPlan(env, await readInbound(env)), env);
      if (!result.ok && result.failed.cause instanceof ConsentNeeded) {
        const url = new URL(result.failed.cause.redirectUrl, zendeskPageOrigin(subdomain));
        return { kind: 'consent', url: url.toString(), result };
      }
      return { kind: 'installed', result };
    },
    onSuccess: (outcome) => setConsentUrl(outcome.kind === 'consent' ? outcome.url : null),
    onSettled: () => void refresh(),
  });
  const remove = useMutation<Outcome, unknown, void>({
    mutationFn: async () => {
      const env = { ...base, mapping: NO_MAPPING };
      return {
        kind: 'removed',
        result: await applyPlan(removePlan(env, await readInbound(env)), env),
      };
    },
    onSettled: () => {
      setConfirmRemove(false);
      void refresh();
    },
  });

  /** The mapping the form holds, or null (with the problems shown) when a row is wrong. */
  function formMapping(): BrandMapping | null {
    if (!mapped) return NO_MAPPING;
    const parsed = parseBrandMapping(shownRows, shownDefault, brands.data ?? []);
    setProblems(parsed.problems);
    return parsed.problems.length > 0 ? null : parsed.mapping;
  }

  const startInstall = () => {
    remove.reset();
    const mapping = formMapping();
    if (mapping) install.mutate(mapping);
  };
  const onConnected = useCallback(() => {
    setConsentUrl(null);
    const mapping = formMapping();
    if (mapping) install.mutate(mapping);
    // formMapping reads the form as it is now; the pop-up closing must not lose it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, shownRows, shownDefault, mapped, brands.data]);

  const busy = install.isPending || remove.isPending;

  return (
    <Section
      id="setup-inbound"
      title={t('setup.inbound.heading')}
      description={t('setup.inbound.description')}
    >
      <Paragraph>{t('setup.inbound.needs')}</Paragraph>
      <Block $top="md" data-testid="inbound-section">
        {state.isPending && <StatusMessage kind="loading" label={t('setup.inbound.loading')} />}
        {state.isError && (
          <StatusMessage kind="error" type="warning" onRetry={() => void state.refetch()}>
            {missingText(t, missingFrom(state.error))}
          </StatusMessage>
        )}
        {state.data && (
          <Installed
            state={state.data}
            base={base}
            mapping={
              mapped
                ? parseBrandMapping(shownRows, shownDefault, brands.data ?? []).mapping
                : NO_MAPPING
            }
            busy={busy}
            onInstall={startInstall}
            onAskRemove={() => {
              install.reset();
              setConfirmRemove(true);
            }}
          />
        )}
        {state.data && mapped && brands.data && (
          <BrandMappingFields
            rows={shownRows}
            defaultBrandId={shownDefault}
            brands={brands.data}
            problems={problems}
            disabled={busy}
            onRows={setRows}
            onDefault={setDefaultBrand}
          />
        )}
        {brands.isError && (
          <StatusMessage kind="error" onRetry={() => void brands.refetch()}>
            {t('setup.inbound.brands.failed', { reason: describeError(t, brands.error) })}
          </StatusMessage>
        )}
      </Block>

      {confirmRemove && (
        <RemoveConfirm
          explain={t('setup.inbound.remove.explain')}
          confirmLabel={t('setup.inbound.remove.confirm')}
          cancelLabel={t('setup.inbound.remove.cancel')}
          busy={busy}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirmRemove(false)}
        />
      )}

      {consentUrl && (
        <Block $top="md">
          <ConsentStep
            url={consentUrl}
            transport={transport}
            integrationKey={base.key}
            onConnected={onConnected}
            onCancel={() => setConsentUrl(null)}
          />
        </Block>
      )}

      <Block aria-live="polite">
        <ApplyResult
          outcome={install.data?.kind === 'consent' ? undefined : install.data?.result}
          error={install.error}
          success="setup.inbound.installed"
          failure="setup.inbound.failed"
          testId="inbound-summary"
        />
        <ApplyResult
          outcome={remove.data?.result}
          error={remove.error}
          success="setup.inbound.remove.done"
          failure="setup.inbound.remove.failed"
          testId="inbound-summary"
        />
      </Block>

      {state.data && healthOf(state.data, Date.now()).installed && (
        <Block $top="md">
          <InboundTest transport={transport} klaviyo={klaviyo} />
        </Block>
      )}
    </Section>
  );
}

/** Installed or not, each part's health, what Install or Repair will do, and the buttons. */
function Installed({
  state,
  base,
  mapping,
  busy,
  onInstall,
  onAskRemove,
}: {
  state: InboundState;
  base: Omit<InboundEnv, 'mapping'>;
  /** The rows that parse as typed; the plan itself re-reads everything on Install. */
  mapping: BrandMapping;
  busy: boolean;
  onInstall: () => void;
  onAskRemove: () => void;
}) {
  const { t } = useI18n();
  const health = healthOf(state, Date.now());
  // Remove leaves the integration and its connection (harmless, and consent is kept for later).
  const partly =
    !health.installed && (state.jobSpecInstalled || state.flow !== null || state.record !== null);
  const planned = changes(installPlan({ ...base, mapping }, state));
  const status = health.installed ? 'installed' : partly ? 'partial' : 'not_installed';
  return (
    <>
      <Paragraph data-testid="inbound-status" data-status={status}>
        <strong>{t(`setup.inbound.state.${status}`)}</strong>
      </Paragraph>
      {health.installed && <InboundHealthList health={health} />}
      {!busy && (
        <Block $top="sm" data-testid="inbound-preview">
          {planned.length === 0 ? (
            <Paragraph>{t('setup.inbound.plan_nothing')}</Paragraph>
          ) : (
            <>
              <Paragraph>
                {t(health.installed ? 'setup.inbound.plan_repair' : 'setup.inbound.plan_install')}
              </Paragraph>
              <ProvisionSummary steps={planned} tense="plan" testId="inbound-plan" />
            </>
          )}
        </Block>
      )}
      <Actions $top="sm">
        <Button isPrimary disabled={busy} onClick={onInstall}>
          {busy
            ? t('setup.inbound.working')
            : t(health.installed || partly ? 'setup.inbound.repair' : 'setup.inbound.install')}
        </Button>
        {(health.installed || partly) && (
          <Button isDanger disabled={busy} onClick={onAskRemove}>
            {t('setup.inbound.remove.button')}
          </Button>
        )}
      </Actions>
    </>
  );
}
