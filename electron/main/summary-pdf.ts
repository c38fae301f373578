// Connects the shell-only call exportWeeklySummaryPdf to the PDF printer: the core renders the week's
// summary as HTML, the printer turns it into a PDF, and the person picks where it goes.
import { tmpdir } from 'node:os';
import { writeFile } from 'node:fs/promises';
import type { BrowserWindowConstructorOptions, SaveDialogOptions, SaveDialogReturnValue, Session } from 'electron';
import type { Language } from '../../shared/domain';
import { locales } from '../../shared/locales';
import type { IpcHandlers } from '../core/ipc/handlers';
import type { Logger } from '../core/logger';
import { PdfExporter, restrictPdfSession, writeTempHtmlFile, type PrintWindow } from './print-pdf';

export interface SummaryPdfOptions {
  exporter: Pick<PdfExporter, 'export'>;
  /** The app's language, used when the renderer names none. */
  language: () => Language;
}

/** Returns "ringkasan-2026-11-30.pdf" for "ringkasan-2026-11-30.html" or ".pdf" (the core names the render either way). */
export function pdfFileName(fileName: string): string {
  return `${fileName.replace(/\.(html?|pdf)$/i, '')}.pdf`;
}

/** Replaces the core's exportWeeklySummaryPdf handler, which only reports that it needs the desktop app. */
export function withSummaryPdfExport(handlers: IpcHandlers, options: SummaryPdfOptions): IpcHandlers {
  return {
    ...handlers,
    exportWeeklySummaryPdf: async ({ weekStart, language }) => {
      const chosen = language ?? options.language();
      const { html, fileName } = await handlers.renderWeeklySummaryHtml({ weekStart, language: chosen });
      return options.exporter.export({ html, fileName: pdfFileName(fileName), dialogTitle: locales[chosen].reports.pdfDialogTitle });
    },
  };
}

export interface ElectronPdfParts {
  /** new BrowserWindow(options) in the app. */
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  /** dialog.showSaveDialog, attached to the main window when it is open. */
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** session.fromPartition(PDF_PARTITION); only available once the app is ready. */
  pdfSession: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  logger: Logger;
}

/** Builds the printer from Electron's parts, locking its session down first. */
export function createPdfExporter(parts: ElectronPdfParts): PdfExporter {
  restrictPdfSession(parts.pdfSession, parts.logger);
  return new PdfExporter({
    createWindow: parts.createWindow,
    showSaveDialog: parts.showSaveDialog,
    writeFile: (path, data) => writeFile(path, data),
    writeTempHtml: (html) => writeTempHtmlFile(tmpdir(), html),
    logger: parts.logger,
  });
}
