import type { ReplyPathHealth } from '../../../reply/path/read';
import { useI18n } from '../../common/I18nProvider';
import { HealthLines, type HealthLine } from '../HealthLines';

/** One line per part of the reply path, each from the live read. */
export function ReplyHealthList({ health }: { health: ReplyPathHealth }) {
  const { t } = useI18n();
  const lines: HealthLine[] = [
    {
      key: 'webhook',
      ok: health.webhook === 'ok',
      text: t(`setup.reply_path.health.webhook_${health.webhook}`),
    },
    {
      key: 'trigger',
      ok: health.trigger === 'ok',
      text: t(`setup.reply_path.health.trigger_${health.trigger}`),
    },
    {
      key: 'flow',
      ok: health.flow === 'ok' && health.flowMetric !== 'other',
      text:
        health.flow === 'ok' && health.flowMetric === 'other'
          ? t('setup.reply_path.health.flow_other_metric')
          : t(`setup.reply_path.health.flow_${health.flow}`),
    },
    {
      key: 'setting',
      ok: health.setting === 'ok',
      text: t(`setup.reply_path.health.setting_${health.setting}`),
    },
  ];
  return <HealthLines lines={lines} testId="reply-path-health" />;
}
