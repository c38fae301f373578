// Prints an HTML document (the weekly summary) to a PDF file. The HTML is loaded into a hidden,
// sandboxed window with no preload, JavaScript off and every non-local request cancelled, printed with
// webContents.printToPDF, and saved where the person chooses in a save dialog. Electron objects are
// passed in, so this module only imports Electron's types.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, SaveDialogOptions, SaveDialogReturnValue, Session, WebContents } from 'electron';
import type { LocalizedText } from '../../shared/domain';
import { CompanionError } from '../core/errors';
import type { Logger } from '../core/logger';

/**
 * Chromium rejects URLs longer than 2 MiB (url::kMaxURLChars), so larger documents go through a
 * temporary file. The margin leaves room for the data: prefix.
 */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024 - 1024;

/** How long loading and printing one document may take before the export gives up. */
export const PRINT_TIMEOUT_MS = 30_000;

/** The in-memory session of the print window; without the "persist:" prefix nothing is written to disk. */
export const PDF_PARTITION = 'pdf-export';

export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  // Inches: 2 cm on every side, a usual margin for an office document on A4.
  margins: { top: 0.79, bottom: 0.79, left: 0.79, right: 0.79 },
};

/** The part of a BrowserWindow the printer uses. */
export interface PrintWindow {
  webContents: Pick<WebContents, 'printToPDF' | 'on' | 'setWindowOpenHandler'>;
  loadURL(url: string): Promise<void>;
  loadFile(path: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface PdfExporterOptions {
  /** new BrowserWindow(options) in the app. */
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  /** dialog.showSaveDialog, attached to the main window in the app. */
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  /** Writes a temporary HTML file and returns its path and a function that deletes it. */
  writeTempHtml: (html: string) => Promise<{ path: string; remove: () => Promise<void> }>;
  logger: Logger;
  timeoutMs?: number;
}

export interface PdfExportRequest {
  html: string;
  /** File name offered in the save dialog, e.g. "ringkasan-mingguan-2026-11-30.pdf". */
  fileName: string;
  /** Title of the save dialog, in the person's language. */
  dialogTitle: string;
}

export type PdfExportResult = { saved: true; path: string; bytes: number } | { saved: false; path: null; bytes: 0 };

export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      partition: PDF_PARTITION,
    },
  };
}

/** The session filter of the print window: only the document itself loads, nothing reaches the network. */
export function isLocalDocumentUrl(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('file:');
}

/**
 * Cancels every request of the print session except the document itself, and denies every permission,
 * so that a link or image in a report never reaches the network. Call once with
 * session.fromPartition(PDF_PARTITION).
 */
export function restrictPdfSession(session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, logger: Logger): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isLocalDocumentUrl(details.url);
    if (cancel) logger.warn('Request from the PDF window cancelled', { resourceType: details.resourceType });
    callback({ cancel });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Writes the HTML into a fresh private folder under `tempRoot` (os.tmpdir() in the app). */
export async function writeTempHtmlFile(tempRoot: string, html: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tempRoot, 'asn-summary-'));
  const path = join(folder, 'summary.html');
  await writeFile(path, html, { encoding: 'utf8', mode: 0o600 });
  return { path, remove: () => rm(folder, { recursive: true, force: true }) };
}

export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** Adds ".pdf" when the person typed a name without it. */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}

function exportError(code: string, text: LocalizedText, cause: unknown): CompanionError {
  return new CompanionError(code, text, { cause });
}

/** Keeps the print window on its document: a meta refresh, a link or a pop-up goes nowhere. */
function lockDown(window: PrintWindow, logger: Logger): void {
  window.webContents.on('will-navigate', (event) => {
    event.preventDefault();
    logger.warn('Navigation in the PDF window blocked');
  });
  window.webContents.on('will-redirect', (event) => {
    event.preventDefault();
    logger.warn('Redirect in the PDF window blocked');
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`printing timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class PdfExporter {
  constructor(private readonly options: PdfExporterOptions) {}

  /**
   * Asks where to save, prints the HTML and writes the file. Returns saved: false when the person
   * cancels the dialog. Raises a CompanionError when printing or writing fails.
   */
  async export(request: PdfExportRequest): Promise<PdfExportResult> {
    const choice = await this.options.showSaveDialog({
      title: request.dialogTitle,
      defaultPath: request.fileName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null, bytes: 0 };

    const path = withPdfExtension(choice.filePath);
    const pdf = await this.print(request.html);
    try {
      await this.options.writeFile(path, pdf);
    } catch (error) {
      this.options.logger.error('Writing the PDF failed', { error: (error as Error).message });
      throw exportError(
        'pdf_write_failed',
        {
          id: `PDF tidak dapat disimpan di ${path}: ${(error as Error).message}. Pilih folder lain lalu coba lagi.`,
          en: `The PDF could not be saved at ${path}: ${(error as Error).message}. Choose another folder and try again.`,
        },
        error,
      );
    }

    this.options.logger.info('Weekly summary exported as PDF', { bytes: pdf.byteLength });
    return { saved: true, path, bytes: pdf.byteLength };
  }

  /** Renders the HTML in a hidden locked-down window and returns the PDF bytes. */
  async print(html: string): Promise<Uint8Array> {
    const window = this.options.createWindow(pdfWindowOptions());
    lockDown(window, this.options.logger);
    let temp: { path: string; remove: () => Promise<void> } | null = null;

    try {
      // The temporary file is written before the timeout starts, so that a timeout never leaves one behind.
      const dataUrl = htmlDataUrl(html);
      if (dataUrl.length > MAX_DATA_URL_CHARS) temp = await this.options.writeTempHtml(html);
      const file = temp?.path;
      const printed = (file === undefined ? window.loadURL(dataUrl) : window.loadFile(file)).then(() => window.webContents.printToPDF(PDF_OPTIONS));
      return await withTimeout(printed, this.options.timeoutMs ?? PRINT_TIMEOUT_MS);
    } catch (error) {
      this.options.logger.error('Printing the weekly summary failed', { error: (error as Error).message });
      throw exportError(
        'pdf_print_failed',
        {
          id: `Ringkasan tidak dapat dicetak ke PDF: ${(error as Error).message}. Coba lagi, atau ekspor sebagai HTML.`,
          en: `The summary could not be printed to PDF: ${(error as Error).message}. Try again, or export it as HTML.`,
        },
        error,
      );
    } finally {
      if (!window.isDestroyed()) window.destroy();
      await this.removeTemp(temp);
    }
  }

  private async removeTemp(temp: { remove: () => Promise<void> } | null): Promise<void> {
    if (temp === null) return;
    try {
      await temp.remove();
    } catch (error) {
      this.options.logger.warn('Removing the temporary HTML file failed', { error: (error as Error).message });
    }
  }
}
