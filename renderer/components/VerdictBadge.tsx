import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../shared/domain';

// A shape per verdict, so the verdict does not depend on colour alone.
const icons: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕', unknown: '?', error: '⚠' };

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <span className={`verdict verdict-${verdict}`} data-verdict={verdict}>
      <span className="verdict-icon" aria-hidden="true">
        {icons[verdict]}
      </span>
      {t(`verdict.${verdict}`)}
    </span>
  );
}
