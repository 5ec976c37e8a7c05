import type { InboundHealth } from '../../../inbound/install';
import { useI18n } from '../../common/I18nProvider';
import { Failed, Lines } from '../layout';

interface Line {
  key: string;
  ok: boolean;
  text: string;
}

/** One line per part of the inbound path, each from the live read, with what Repair would do. */
export function InboundHealthList({ health }: { health: InboundHealth }) {
  const { t } = useI18n();
  const flow = !health.flowMatches ? 'missing' : health.flowLive ? 'live' : 'draft';
  const lines: Line[] = [
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
  return (
    <Lines data-testid="inbound-health">
      {lines.map((line) => (
        <li key={line.key} data-health={line.key} data-ok={line.ok}>
          {line.ok ? line.text : <Failed>{line.text}</Failed>}
        </li>
      ))}
    </Lines>
  );
}
