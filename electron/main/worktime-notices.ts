// Turns the core's worktime notices and reminders into desktop notifications in the user's language.
import type { Companion } from '../core/companion';
import type { Logger } from '../core/logger';
import { returnPromptText } from '../core/worktime/messages';
import { locales } from '../../shared/locales';

/** Shows a desktop notification; returns false where notifications are not supported. */
export type Notify = (title: string, body: string, onClick?: () => void) => boolean;

/** Subscribes to cap notices, return prompts and reminders; returns a function that unsubscribes. */
export function watchWorktime(
  companion: Pick<Companion, 'onWorktimeNotice' | 'onReminder' | 'language'>,
  notify: Notify,
  showWindow: () => void,
  logger: Logger,
): () => void {
  const show = (body: string, kind: string, onClick?: () => void) => {
    const title = locales[companion.language()].app.title;
    if (notify(title, body, onClick)) return;

    logger.warn('Notifications are not supported; the notice is shown in the window only', { kind });
    // The return prompt needs an answer, so without notifications the window comes forward with it.
    if (kind === 'return-prompt') showWindow();
  };

  const stopNotices = companion.onWorktimeNotice((notice) => {
    const language = companion.language();
    if (notice.kind === 'return-prompt') show(returnPromptText[language], notice.kind, showWindow);
    else show(notice.text[language], notice.kind);
  });
  const stopReminders = companion.onReminder((reminder) => show(reminder.text[companion.language()], reminder.kind));

  return () => {
    stopNotices();
    stopReminders();
  };
}
