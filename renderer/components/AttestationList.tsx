import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Attestation, AttestationKind } from '../../shared/domain';
import { formatDayKey } from '../format';
import { currentLanguage } from '../i18n';

const kinds: AttestationKind[] = ['dedicated-workspace', 'alternative-internet', 'agency-device'];

interface AttestationListProps {
  attestations: Attestation[];
  isPending: boolean;
  onDeclare: (kind: AttestationKind, holds: boolean) => void;
}

/** The standards the user declares (workspace, backup connection, agency device), each with the day it was declared. */
export function AttestationList({ attestations, isPending, onDeclare }: AttestationListProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  return (
    <section className="attestations" aria-labelledby="attestations-heading">
      <h3 id="attestations-heading">{t('attestation.heading')}</h3>
      <p className="muted">{t('attestation.note')}</p>
      <ul>
        {kinds.map((kind) => {
          const declared = attestations.find((item) => item.kind === kind);
          return (
            <li key={kind}>
              <Checkbox className="attestation-checkbox" isSelected={declared?.holds ?? false} isDisabled={isPending} onChange={(holds) => onDeclare(kind, holds)}>
                {({ isSelected }) => (
                  <>
                    <span className="attestation-box" aria-hidden="true">
                      {isSelected ? '✓' : ''}
                    </span>
                    {t(`attestation.kind.${kind}`)}
                  </>
                )}
              </Checkbox>
              <span className="muted" data-testid={`attestation-${kind}`}>
                {declared ? t('attestation.declaredOn', { date: formatDayKey(declared.declaredOn, language) }) : t('attestation.notDeclared')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
