import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Attestation, ComplianceSnapshot } from '../../../shared/domain';
import { formatDateTime, formatDayKey } from '../../format';
import { currentLanguage } from '../../i18n';
import { CheckResultCard } from '../CheckResultCard';
import { VerdictBadge } from '../VerdictBadge';

interface SnapshotDetailProps {
  snapshot: ComplianceSnapshot;
  zone: string;
  isExporting: boolean;
  onExport: () => void;
}

function DeclaredList({ attestations }: { attestations: Attestation[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const headingId = useId();

  return (
    <section className="declared" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('complianceHistory.attestationsHeading')}</h3>
      <p className="muted">{t('complianceHistory.attestationsNote')}</p>
      {attestations.length === 0 ? (
        <p className="muted">{t('complianceHistory.attestationsNone')}</p>
      ) : (
        <dl className="declared-list">
          {attestations.map((attestation) => (
            <div key={attestation.kind} data-kind={attestation.kind}>
              <dt>
                {t(`attestation.kind.${attestation.kind}`)} <span className="badge badge-declared">{t('complianceHistory.declared')}</span>
              </dt>
              <dd>
                {t('complianceHistory.attestationValue', {
                  answer: attestation.holds ? t('complianceHistory.holds') : t('complianceHistory.notHolds'),
                  date: formatDayKey(attestation.declaredOn, language),
                })}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** Shows one snapshot in full: time, policy, every check with evidence and remediation, the declarations, and export. */
export function SnapshotDetail({ snapshot, zone, isExporting, onExport }: SnapshotDetailProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const hintId = useId();

  return (
    <div className="snapshot-detail" data-snapshot-id={snapshot.id}>
      <dl className="record-facts">
        <div>
          <dt>{t('complianceHistory.checkedAt')}</dt>
          <dd>{formatDateTime(snapshot.createdAt, zone, language)}</dd>
        </div>
        <div>
          <dt>{t('complianceHistory.overall')}</dt>
          <dd>
            <VerdictBadge verdict={snapshot.overall} />
          </dd>
        </div>
        <div>
          <dt>{t('complianceHistory.policy')}</dt>
          <dd>{t('complianceHistory.policyValue', { id: snapshot.policyId, version: snapshot.policyVersion })}</dd>
        </div>
        <div>
          <dt>{t('complianceHistory.snapshotId')}</dt>
          <dd className="mono">{snapshot.id}</dd>
        </div>
      </dl>

      <div className="actions">
        <Button className="button button-primary" isPending={isExporting} onPress={onExport} aria-describedby={hintId}>
          {t('complianceHistory.export')}
        </Button>
        <p id={hintId} className="muted">
          {t('complianceHistory.exportHint')}
        </p>
      </div>

      <div className="checks">
        {snapshot.checks.map((result) => (
          <CheckResultCard key={result.check} result={result} />
        ))}
      </div>

      <DeclaredList attestations={snapshot.attestations ?? []} />
    </div>
  );
}
