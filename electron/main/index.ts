// Entry of the Electron main process. The single-instance lock comes first: a second launch exits
// before it touches the database, the keychain or anything else, and the first one shows its window.
import { app, dialog } from 'electron';
import { createLogger } from '../core/logger';
import { APP_ID } from './app-id';
import { startShell, type Shell } from './shell';
import { createShellLogSink, openCompanion, startupErrorDialog } from './startup';

async function start(): Promise<Shell | null> {
  const dataDir = app.getPath('userData');
  const logSink = createShellLogSink(dataDir, !app.isPackaged);
  const logger = createLogger(logSink, 'shell');
  logger.info('Shell starting', { version: app.getVersion(), packaged: app.isPackaged, platform: process.platform });
  process.on('unhandledRejection', (reason) => {
    logger.error('Unhandled promise rejection', { error: reason instanceof Error ? reason.message : String(reason) });
  });

  try {
    const { companion, demoCentral } = await openCompanion({ dataDir, isPackaged: app.isPackaged, env: process.env, logSink, logger });
    return startShell(companion, demoCentral, logger);
  } catch (error) {
    // No in-memory fallback: an app that cannot store a check-in must not pretend to take one.
    logger.error('Start-up failed', { error: (error as Error).message });
    const { title, content } = startupErrorDialog(error, dataDir);
    dialog.showErrorBox(title, content);
    app.exit(1);
    return null;
  }
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return;
  }

  // Windows groups taskbar entries and routes notifications by this id; it must equal the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  let shell: Shell | null = null;
  app.on('second-instance', () => shell?.showWindow());

  app
    .whenReady()
    .then(start)
    .then((started) => {
      shell = started;
    })
    .catch((error: unknown) => {
      process.stderr.write(`Start-up failed: ${(error as Error).stack ?? String(error)}\n`);
      app.exit(1);
    });
}

main();
