// The weekly-summary PDF printer with Electron's window, session and save dialog replaced by plain
// objects that have the same fields. Files are written to a real temporary folder.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCompanionError, type CompanionError } from '../../electron/core/errors';
import { dispatch, type IpcHandlers } from '../../electron/core/ipc/handlers';
import { createShellHandlers } from '../../electron/core/ipc/handlers-shell';
import { createLogger, silentSink } from '../../electron/core/logger';
import {
  MAX_DATA_URL_CHARS,
  PDF_PARTITION,
  PdfExporter,
  pdfWindowOptions,
  restrictPdfSession,
  withPdfExtension,
  writeTempHtmlFile,
  type PrintWindow,
} from '../../electron/main/print-pdf';
import { pdfFileName, withSummaryPdfExport } from '../../electron/main/summary-pdf';

const PDF_BYTES = Buffer.from('%PDF-1.7\n% fake body\n%%EOF\n');
const SUMMARY_HTML = '<!doctype html><html lang="id"><body><h1>Ringkasan Mingguan</h1><p>Rapat koordinasi – 3 kegiatan</p></body></html>';

const logger = createLogger(silentSink);

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  printError: Error | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }

  printToPDF(): Promise<Buffer> {
    return this.printError ? Promise.reject(this.printError) : Promise.resolve(PDF_BYTES);
  }
}

class FakePrintWindow {
  readonly webContents = new FakeContents();
  readonly loaded: Array<{ kind: 'url' | 'file'; target: string; fileContent?: string }> = [];
  destroyed = false;
  /** Set to make loading never finish. */
  hang = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {}

  loadURL(url: string): Promise<void> {
    this.loaded.push({ kind: 'url', target: url });
    return this.hang ? new Promise(() => {}) : Promise.resolve();
  }

  loadFile(path: string): Promise<void> {
    this.loaded.push({ kind: 'file', target: path, fileContent: readFileSync(path, 'utf8') });
    return Promise.resolve();
  }

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'shell-print-pdf-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function setup(options: { dialog?: SaveDialogReturnValue; configure?: (window: FakePrintWindow) => void; timeoutMs?: number } = {}) {
  const windows: FakePrintWindow[] = [];
  const dialogs: SaveDialogOptions[] = [];
  const tempRoot = join(folder, 'temp');
  rmSync(tempRoot, { recursive: true, force: true });
  const exporter = new PdfExporter({
    createWindow: (windowOptions) => {
      const window = new FakePrintWindow(windowOptions);
      options.configure?.(window);
      windows.push(window);
      return window as unknown as PrintWindow;
    },
    showSaveDialog: (dialogOptions) => {
      dialogs.push(dialogOptions);
      return Promise.resolve(options.dialog ?? { canceled: false, filePath: join(folder, 'ringkasan.pdf') });
    },
    writeFile: async (path, data) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path, data);
    },
    writeTempHtml: async (html) => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(tempRoot, { recursive: true });
      return writeTempHtmlFile(tempRoot, html);
    },
    logger,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return { exporter, windows, dialogs, tempRoot };
}

const request = { html: SUMMARY_HTML, fileName: 'ringkasan-2026-11-30.pdf', dialogTitle: 'Simpan ringkasan mingguan sebagai PDF' };

async function caught(promise: Promise<unknown>): Promise<CompanionError> {
  try {
    await promise;
  } catch (error) {
    if (isCompanionError(error)) return error;
    throw error;
  }
  throw new Error('Expected a CompanionError, but the call succeeded');
}

describe('pdfWindowOptions', () => {
  const options = pdfWindowOptions();

  it('hides the window', () => {
    expect(options.show).toBe(false);
  });

  it('turns JavaScript off', () => {
    expect(options.webPreferences?.javascript).toBe(false);
  });

  it('sandboxes without preload', () => {
    expect(options.webPreferences?.sandbox).toBe(true);
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.nodeIntegration).toBe(false);
  });

  it('uses the in-memory partition', () => {
    expect(options.webPreferences?.partition).toBe(PDF_PARTITION);
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });
});

describe('PdfExporter.export', () => {
  it('saves the printed PDF at the chosen path', async () => {
    const { exporter } = setup();
    const result = await exporter.export(request);
    expect(result).toEqual({ saved: true, path: join(folder, 'ringkasan.pdf'), bytes: PDF_BYTES.byteLength });
    expect(readFileSync(join(folder, 'ringkasan.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('offers the file name and title', async () => {
    const { exporter, dialogs } = setup();
    await exporter.export(request);
    expect(dialogs[0]?.defaultPath).toBe('ringkasan-2026-11-30.pdf');
    expect(dialogs[0]?.title).toBe('Simpan ringkasan mingguan sebagai PDF');
    expect(dialogs[0]?.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  });

  it('adds a missing .pdf extension', async () => {
    const { exporter } = setup({ dialog: { canceled: false, filePath: join(folder, 'laporan-minggu') } });
    const result = await exporter.export(request);
    expect(result.path).toBe(join(folder, 'laporan-minggu.pdf'));
    expect(existsSync(join(folder, 'laporan-minggu.pdf'))).toBe(true);
  });

  it('stops on a cancelled dialog', async () => {
    const { exporter, windows } = setup({ dialog: { canceled: true, filePath: '' } });
    const result = await exporter.export(request);
    expect(result).toEqual({ saved: false, path: null, bytes: 0 });
    expect(windows).toHaveLength(0);
  });

  it('explains a failed write', async () => {
    const target = join(folder, 'missing-folder', 'ringkasan.pdf');
    const { exporter } = setup({ dialog: { canceled: false, filePath: target } });
    const error = await caught(exporter.export(request));
    expect(error.code).toBe('pdf_write_failed');
    expect(error.text.id).toContain(target);
    expect(error.text.en).toContain('Choose another folder');
  });
});

describe('PdfExporter.print', () => {
  it('loads the HTML as a data URL', async () => {
    const { exporter, windows } = setup();
    await exporter.print(SUMMARY_HTML);
    const loaded = windows[0]?.loaded[0];
    expect(loaded?.kind).toBe('url');
    const base64 = loaded?.target.replace('data:text/html;charset=utf-8;base64,', '') ?? '';
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(SUMMARY_HTML);
  });

  it('destroys the window afterwards', async () => {
    const { exporter, windows } = setup();
    await exporter.print(SUMMARY_HTML);
    expect(windows[0]?.destroyed).toBe(true);
  });

  it('uses a temporary file for large HTML', async () => {
    const { exporter, windows, tempRoot } = setup();
    const large = `<!doctype html><p>${'Kegiatan harian. '.repeat(Math.ceil(MAX_DATA_URL_CHARS / 16))}</p>`;
    await exporter.print(large);
    const loaded = windows[0]?.loaded[0];
    expect(loaded?.kind).toBe('file');
    expect(loaded?.fileContent).toBe(large);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('blocks navigation and pop-ups', async () => {
    const { exporter, windows } = setup();
    await exporter.print(SUMMARY_HTML);
    const contents = windows[0]!.webContents;
    let prevented = 0;
    contents.emit('will-navigate', { preventDefault: () => (prevented += 1) }, 'http://127.0.0.1:9/');
    contents.emit('will-redirect', { preventDefault: () => (prevented += 1) }, 'http://127.0.0.1:9/');
    expect(prevented).toBe(2);
    expect(contents.openHandler?.({ url: 'http://127.0.0.1:9/' })).toEqual({ action: 'deny' });
  });

  it('explains a print failure', async () => {
    const { exporter, windows } = setup({ configure: (window) => (window.webContents.printError = new Error('Printing failed')) });
    const error = await caught(exporter.print(SUMMARY_HTML));
    expect(error.code).toBe('pdf_print_failed');
    expect(error.text.id).toContain('Printing failed');
    expect(windows[0]?.destroyed).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const { exporter, windows } = setup({ configure: (window) => (window.hang = true), timeoutMs: 30 });
    const error = await caught(exporter.print(SUMMARY_HTML));
    expect(error.text.en).toContain('timed out after 30 ms');
    expect(windows[0]?.destroyed).toBe(true);
  });
});

describe('restrictPdfSession', () => {
  function restricted() {
    let filter: ((details: { url: string; resourceType: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
    let permission: ((contents: unknown, name: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    const fakeSession = {
      webRequest: { onBeforeRequest: (listener: typeof filter) => (filter = listener) },
      setPermissionRequestHandler: (handler: typeof permission) => (permission = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    };
    restrictPdfSession(fakeSession as unknown as Parameters<typeof restrictPdfSession>[0], logger);
    const cancels = (url: string) => {
      let cancelled: boolean | null = null;
      filter!({ url, resourceType: 'image' }, (response) => (cancelled = response.cancel));
      return cancelled;
    };
    const grants = (name: string) => {
      let granted: boolean | null = null;
      permission!(null, name, (value) => (granted = value));
      return granted;
    };
    return { cancels, grants, check: () => check!() };
  }

  it('lets the document load', () => {
    expect(restricted().cancels('data:text/html;base64,PGgxPg==')).toBe(false);
    expect(restricted().cancels('file:///tmp/asn-summary-1/summary.html')).toBe(false);
  });

  it('cancels network requests', () => {
    expect(restricted().cancels('http://127.0.0.1:8080/logo.png')).toBe(true);
    expect(restricted().cancels('https://10.20.0.5/a.png')).toBe(true);
  });

  it('denies permissions', () => {
    const session = restricted();
    expect(session.grants('media')).toBe(false);
    expect(session.check()).toBe(false);
  });
});

describe('file names', () => {
  it('adds .pdf only once', () => {
    expect(withPdfExtension('/home/asn/Ringkasan.PDF')).toBe('/home/asn/Ringkasan.PDF');
    expect(withPdfExtension('/home/asn/ringkasan')).toBe('/home/asn/ringkasan.pdf');
  });

  it('turns the HTML name into a PDF name', () => {
    expect(pdfFileName('ringkasan-mingguan-2026-11-30.html')).toBe('ringkasan-mingguan-2026-11-30.pdf');
    expect(pdfFileName('ringkasan-mingguan-2026-11-30.pdf')).toBe('ringkasan-mingguan-2026-11-30.pdf');
  });
});

describe('withSummaryPdfExport', () => {
  function wrapped(language: 'id' | 'en' = 'id') {
    const rendered: unknown[] = [];
    const exported: unknown[] = [];
    const handlers = {
      renderWeeklySummaryHtml: (input: unknown) => {
        rendered.push(input);
        return { html: SUMMARY_HTML, fileName: 'ringkasan-mingguan-2026-11-30.html' };
      },
      exportWeeklySummaryPdf: () => {
        throw new Error('core handler must be replaced');
      },
    } as unknown as IpcHandlers;
    const result = withSummaryPdfExport(handlers, {
      exporter: {
        export: (exportRequest) => {
          exported.push(exportRequest);
          return Promise.resolve({ saved: true, path: '/home/asn/ringkasan.pdf', bytes: 1234 });
        },
      },
      language: () => language,
    });
    return { result, rendered, exported };
  }

  it('renders the week in the app language', async () => {
    const { result, rendered } = wrapped('en');
    await result.exportWeeklySummaryPdf({ weekStart: '2026-11-30' });
    expect(rendered).toEqual([{ weekStart: '2026-11-30', language: 'en' }]);
  });

  it('passes the HTML and PDF name', async () => {
    const { result, exported } = wrapped();
    const outcome = await result.exportWeeklySummaryPdf({ weekStart: '2026-11-30', language: 'id' });
    expect(outcome).toEqual({ saved: true, path: '/home/asn/ringkasan.pdf', bytes: 1234 });
    expect(exported).toEqual([{ html: SUMMARY_HTML, fileName: 'ringkasan-mingguan-2026-11-30.pdf', dialogTitle: 'Simpan ringkasan mingguan sebagai PDF' }]);
  });
});

describe('core exportWeeklySummaryPdf', () => {
  it('explains that it needs the desktop app', async () => {
    const handlers = createShellHandlers() as unknown as IpcHandlers;
    const result = await dispatch(handlers, 'exportWeeklySummaryPdf', { weekStart: '2026-11-30' });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.text?.id).toBe(
      'Ekspor PDF hanya tersedia di aplikasi desktop. Di peramban, unduh ringkasan sebagai HTML lalu cetak dari sana.',
    );
  });
});
