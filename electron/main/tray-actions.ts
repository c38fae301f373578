// Handlers of the tray menu items. A tray click has no page to show an error on, so failures and the
// result of a compliance run are reported as notifications. Where the desktop has no notifications,
// a failure opens the window instead.
import type { LocalizedText } from '../../shared/domain';
import { shellTexts } from '../../shared/locales/tray';
import type { Companion } from '../core/companion';
import { isCompanionError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { TrayActions } from './tray';

export interface TrayActionOptions {
  companion: Pick<Companion, 'checkIn' | 'checkOut' | 'runCheck' | 'language'>;
  setCheckRunning: (running: boolean) => void;
  showWindow: () => void;
  /** Opens the window at one request, or at the Permintaan page for null; defaults to showWindow. */
  openRequest?: (id: string | null) => void;
  quit: () => void;
  /** Shows a desktop notification; returns false where the desktop does not support them. */
  notify: (title: string, body: string) => boolean;
  logger: Logger;
}

export function createTrayActions(options: TrayActionOptions): TrayActions {
  const { companion, logger } = options;
  let checkRunning = false;

  const texts = () => shellTexts[companion.language()];

  const reportFailure = (action: string, error: unknown) => {
    logger.error('Tray action failed', { action, error: (error as Error).message });
    const text: LocalizedText | null = isCompanionError(error) ? error.text : null;
    const reason = text ? text[companion.language()] : texts().unexpectedError;
    if (!options.notify(texts().actionFailedTitle, texts().actionFailedBody(reason))) options.showWindow();
  };

  const runCheck = async () => {
    if (checkRunning) return;
    checkRunning = true;
    options.setCheckRunning(true);
    try {
      const snapshot = await companion.runCheck();
      const verdict = texts().verdict[snapshot.overall];
      options.notify(texts().checkFinishedTitle, texts().checkFinishedBody(verdict));
    } catch (error) {
      reportFailure('runCheck', error);
    } finally {
      checkRunning = false;
      options.setCheckRunning(false);
    }
  };

  return {
    checkIn: () => {
      try {
        companion.checkIn('wfh');
      } catch (error) {
        reportFailure('checkIn', error);
      }
    },
    checkOut: () => {
      try {
        companion.checkOut();
      } catch (error) {
        reportFailure('checkOut', error);
      }
    },
    runCheck: () => void runCheck(),
    open: options.showWindow,
    openRequest: options.openRequest ?? (() => options.showWindow()),
    quit: options.quit,
  };
}
