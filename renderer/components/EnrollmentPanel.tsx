import { useTranslation } from 'react-i18next';
import type { CompanionStatus } from '../../shared/domain';
import { formatDateTime } from '../format';
import { currentLanguage } from '../i18n';
import { Panel } from './Panel';

/** Shows whether this device is enrolled with the central system, and where. */
export function EnrollmentPanel({ enrollment, zone }: { enrollment: CompanionStatus['enrollment']; zone: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  return (
    <Panel title={t('enrollment.heading')} className="panel-enrollment">
      {enrollment === null ? (
        <p className="note note-warning">{t('enrollment.notEnrolled')}</p>
      ) : (
        <>
          <p>{t('enrollment.enrolled')}</p>
          <dl className="facts facts-stacked">
            <div>
              <dt>{t('enrollment.server')}</dt>
              <dd className="mono">{enrollment.centralUrl}</dd>
            </div>
            <div>
              <dt>{t('enrollment.deviceId')}</dt>
              <dd className="mono">{enrollment.deviceId}</dd>
            </div>
            <div>
              <dt>{t('enrollment.since')}</dt>
              <dd>{formatDateTime(enrollment.enrolledAt, zone, language)}</dd>
            </div>
          </dl>
        </>
      )}
    </Panel>
  );
}
