import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Attestation, AttestationKind, CheckName, ComplianceSnapshot, Verdict } from '../../shared/domain';
import { AttestationList } from './AttestationList';
import { formatDateTime } from '../format';
import { currentLanguage } from '../i18n';
import { CheckResultCard } from './CheckResultCard';
import { Panel } from './Panel';
import { VerdictBadge } from './VerdictBadge';

interface CompliancePanelProps {
  snapshot: ComplianceSnapshot | null;
  zone: string;
  isRunning: boolean;
  /** Overall verdict of the run this page started, once the core stored it. */
  finished: Verdict | null;
  onRun: () => void;
  /** Re-runs one check alone; `recheckingCheck` names the one running. */
  onRecheck?: (check: CheckName) => void;
  recheckingCheck?: CheckName | null;
  /** The user's declarations; the list shows when `onDeclare` is given. */
  attestations?: Attestation[];
  isDeclaring?: boolean;
  onDeclare?: (kind: AttestationKind, holds: boolean) => void;
}

/** Shows the last compliance snapshot and the button that runs a new one. */
export function CompliancePanel(props: CompliancePanelProps) {
  const { snapshot, zone, isRunning, finished, onRun, onRecheck, recheckingCheck = null } = props;
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  const runButton = (
    <Button className="button button-primary" isPending={isRunning} onPress={onRun}>
      {t('compliance.run')}
    </Button>
  );

  return (
    <Panel title={t('compliance.heading')} actions={runButton} className="panel-compliance">
      <p role="status" className="outcome">
        {isRunning && t('compliance.running')}
        {!isRunning && finished && t('compliance.done', { verdict: t(`verdict.${finished}`) })}
      </p>

      {snapshot === null ? (
        <p className="muted">{t('compliance.none')}</p>
      ) : (
        <>
          <div className="snapshot-meta">
            <span>{t('compliance.lastRun', { time: formatDateTime(snapshot.createdAt, zone, language) })}</span>
            <span className="overall">
              {t('compliance.overall')}: <VerdictBadge verdict={snapshot.overall} />
            </span>
          </div>
          <div className="checks">
            {snapshot.checks.map((result) => (
              <CheckResultCard
                key={result.check}
                result={result}
                onRecheck={onRecheck && !isRunning ? () => onRecheck(result.check) : undefined}
                isRechecking={recheckingCheck === result.check}
              />
            ))}
          </div>
        </>
      )}

      {props.onDeclare && <AttestationList attestations={props.attestations ?? []} isPending={props.isDeclaring ?? false} onDeclare={props.onDeclare} />}
    </Panel>
  );
}
