// The return prompt: after time away above the policy threshold the person keeps it as work,
// discards it, or discards it and checks out. "Not now" leaves the time excluded; the core asks again
// later. The dialog reads the due prompt itself, so it appears on whichever page is open.
import { useCallback, useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CompanionApi } from '../../../shared/ipc';
import type { AwayInterval, ReturnChoice } from '../../../shared/worktime';
import { formatClock } from '../../format';
import { currentLanguage } from '../../i18n';

export function ReturnPromptDialog({ api }: { api: CompanionApi }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [prompt, setPrompt] = useState<{ away: AwayInterval; zone: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const read = useCallback(async () => {
    const result = await api.getWorkTime({});
    if (result.ok) setPrompt(result.value.prompt ? { away: result.value.prompt, zone: result.value.zone } : null);
  }, [api]);

  useEffect(() => {
    void read();
    return api.on('statusChanged', () => void read());
  }, [api, read]);

  const answer = async (choice: ReturnChoice | 'later') => {
    if (!prompt) return;
    setBusy(true);
    setFailure(null);
    const result =
      choice === 'later'
        ? await api.postponeAway({ awayId: prompt.away.id })
        : await api.decideAway({ awayId: prompt.away.id, choice });
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error.text ? result.error.text[language] : result.error.message);
      return;
    }
    setPrompt(result.value.prompt ? { away: result.value.prompt, zone: result.value.zone } : null);
  };

  if (!prompt) return null;
  const { away, zone } = prompt;
  const body = t('returnPrompt.body', {
    from: formatClock(away.startedAt, zone, language),
    to: formatClock(away.endedAt ?? away.startedAt, zone, language),
    minutes: away.minutes,
    reason: t(`jamKerja.reason.${away.reason}`).toLowerCase(),
  });

  return (
    <ModalOverlay isOpen isDismissable={false} className="modal-overlay">
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog" data-testid="return-prompt">
          <Heading slot="title">{t('returnPrompt.title')}</Heading>
          <p>{body}</p>
          <p className="hint">{t('returnPrompt.laterHint')}</p>
          {failure && (
            <p role="alert" className="error-text">
              {failure}
            </p>
          )}
          <div className="actions">
            <Button className="button button-primary" isDisabled={busy} onPress={() => void answer('keep')}>
              {t('returnPrompt.keep')}
            </Button>
            <Button className="button button-secondary" isDisabled={busy} onPress={() => void answer('discard')}>
              {t('returnPrompt.discard')}
            </Button>
            <Button className="button button-secondary" isDisabled={busy} onPress={() => void answer('discard-and-check-out')}>
              {t('returnPrompt.discardAndCheckOut')}
            </Button>
            <Button className="button button-secondary" isDisabled={busy} onPress={() => void answer('later')}>
              {t('returnPrompt.later')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
