import { useId } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../shared/domain';
import { evidenceSections, valueRows, type EvidenceRow } from '../evidence';
import { currentLanguage } from '../i18n';
import { VerdictBadge } from './VerdictBadge';

function ValueList({ rows, nested = false }: { rows: EvidenceRow[]; nested?: boolean }) {
  return (
    <dl className={nested ? 'nested' : undefined}>
      {rows.map((row) => (
        <div key={row.key} data-key={row.key} className={row.children ? 'row-group' : undefined}>
          <dt>{row.label}</dt>
          <dd>{row.children ? <ValueList rows={row.children} nested /> : row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface CheckResultCardProps {
  result: CheckResult;
  /** Runs this check alone again; the button shows for any verdict other than pass. */
  onRecheck?: () => void;
  isRechecking?: boolean;
}

/** Shows one check of a snapshot: its verdict as text, shape and colour, the summary, evidence, policy and fixes. */
export function CheckResultCard({ result, onRecheck, isRechecking = false }: CheckResultCardProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const headingId = useId();
  const evidence = evidenceSections(result.check, result.evidence, language);
  const policy = valueRows(result.policy, language);

  return (
    <article className={`check check-${result.verdict}`} aria-labelledby={headingId} data-check={result.check}>
      <header className="check-header">
        <h3 id={headingId}>{t(`check.${result.check}`)}</h3>
        <VerdictBadge verdict={result.verdict} />
      </header>
      <p className="check-summary">{result.summary[language]}</p>

      <div className="values values-evidence">
        <h4>{t('compliance.evidence')}</h4>
        {evidence.key.length === 0 ? <p className="muted">{t('compliance.noEvidence')}</p> : <ValueList rows={evidence.key} />}
      </div>

      {policy.length > 0 && (
        <div className="values values-policy">
          <h4>{t('compliance.policy')}</h4>
          <ValueList rows={policy} />
        </div>
      )}

      {result.remediation.length > 0 && (
        <div className="remediation">
          <h4>{t('compliance.remediation')}</h4>
          <ol>
            {result.remediation.map((step, index) => (
              <li key={index}>{step[language]}</li>
            ))}
          </ol>
        </div>
      )}

      {onRecheck && result.verdict !== 'pass' && (
        <Button className="button" isPending={isRechecking} onPress={onRecheck}>
          {t('compliance.recheck')}
        </Button>
      )}

      {evidence.details.length > 0 && (
        <Disclosure className="details">
          <Heading level={4}>
            <Button slot="trigger" className="details-trigger">
              <span className="details-chevron" aria-hidden="true" />
              {t('compliance.details')}
            </Button>
          </Heading>
          <DisclosurePanel className="values values-details">
            <ValueList rows={evidence.details} />
          </DisclosurePanel>
        </Disclosure>
      )}
    </article>
  );
}
