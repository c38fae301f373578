// The core's handlers for the shell-only calls (shared/ipc-shell.ts). Outside Electron there is no
// print engine or save dialog, so each call fails with a message that says where it works.
import type { shellCalls } from '../../../shared/ipc-shell';
import { CompanionError } from '../errors';
import type { IpcHandlers } from './handlers';

export function createShellHandlers(): Pick<IpcHandlers, keyof typeof shellCalls> {
  return {
    exportWeeklySummaryPdf: () => {
      throw new CompanionError('needs_desktop_app', {
        id: 'Ekspor PDF hanya tersedia di aplikasi desktop. Di peramban, unduh ringkasan sebagai HTML lalu cetak dari sana.',
        en: 'PDF export is only available in the desktop app. In a browser, download the summary as HTML and print it from there.',
      });
    },
  };
}
