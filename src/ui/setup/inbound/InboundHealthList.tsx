import type { InboundHealth } from '../../../inbound/install';
import { useI18n } from '../../common/I18nProvider';
import { HealthLines, type HealthLine } from '../HealthLines';

/** One line per part of the inbound path, each from the live read, with what Repair would do. */
export function InboundHealthList({ health }: { health: InboundHealth }) {
  const { t } = useI18n();
  const flow = !health.flowMatches ? 'missing' : health.flowLive ? 'live' : 'draft';
  const lines: HealthLine[] = [
    {
      key: 'job-spec',
      ok: health.jobSpecInstalled,
      text: t(`setup.inbound.health.job_spec_${health.jobSpecInstalled ? 'ok' : 'missing'}`),
    },
    {
      key: 'connection',
      ok: health.connection === 'valid' || health.connection === 'renewable',
      text: t(`setup.inbound.health.connection_${health.connection}`),
    },
    { key: 'klaviyo-flow', ok: flow === 'live', text: t(`setup.inbound.health.flow_${flow}`) },
  ];
  return <HealthLines lines={lines} testId="inbound-health" />;
}
