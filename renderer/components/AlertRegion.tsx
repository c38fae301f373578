import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../shared/ipc';
import { currentLanguage } from '../i18n';

/**
 * Shows the page's latest error. The region stays in the DOM while empty, because screen readers
 * announce only changes inside a live region that already exists.
 */
export function AlertRegion({ error, onDismiss }: { error: IpcError | null; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  let text: string | null = null;
  if (error?.text) text = error.text[language];
  else if (error) text = t('errors.failed', { code: error.code, message: error.message });

  return (
    <div role="alert" aria-label={t('errors.region')} className="alert-region">
      {text && (
        <div className="alert">
          <p>{text}</p>
          <Button className="button button-quiet" onPress={onDismiss}>
            {t('errors.dismiss')}
          </Button>
        </div>
      )}
    </div>
  );
}
