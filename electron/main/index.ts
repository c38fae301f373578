// Entry of the Electron main process. The single-instance lock comes first: a second launch exits
// before it touches the database, the keychain or anything else, and the first one shows its window.
import { app, dialog, protocol } from 'electron';
import { join } from 'node:path';
import { createLogger } from '../core/logger';
import { resolveNativeBinding } from '../core/storage/native-binding';
import { APP_ID } from './app-id';
import { registerAppScheme } from './app-protocol';
import { parseOpenRequest } from './open-request';
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

  // Electron's ABI differs from the Node build that the tests use; see `npm run rebuild:electron`.
  // process.resourcesPath is set by Electron only; the shell tests run this bundle under Node.
  const roots = [app.getAppPath()];
  if (process.resourcesPath) roots.push(join(process.resourcesPath, 'app.asar.unpacked'));
  const nativeBinding = resolveNativeBinding({ versions: process.versions, platform: process.platform, arch: process.arch }, roots);
  logger.info('SQLite module', { nativeBinding: nativeBinding ?? 'better-sqlite3 default build' });

  try {
    const { companion, demoCentral } = await openCompanion({
      dataDir,
      nativeBinding,
      isPackaged: app.isPackaged,
      env: process.env,
      logSink,
      logger,
    });
    return startShell(companion, demoCentral, logger, parseOpenRequest(process.argv));
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
  // Must run before `ready`: the built renderer is served from app://, registered as standard and secure.
  registerAppScheme(protocol);

  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return;
  }

  // Windows groups taskbar entries and routes notifications by this id; it must equal the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  // A second launch hands over its command line: `--open-request=ID` opens that request here. One
  // that arrives while this instance still starts is kept until the shell exists.
  let shell: Shell | null = null;
  let requestBeforeStart: string | null = null;
  app.on('second-instance', (_event, argv) => {
    const requestId = parseOpenRequest(argv);
    if (shell === null) requestBeforeStart = requestId ?? requestBeforeStart;
    else if (requestId === null) shell.showWindow();
    else shell.openRequest(requestId);
  });

  app
    .whenReady()
    .then(start)
    .then((started) => {
      shell = started;
      if (shell !== null && requestBeforeStart !== null) shell.openRequest(requestBeforeStart);
    })
    .catch((error: unknown) => {
      process.stderr.write(`Start-up failed: ${(error as Error).stack ?? String(error)}\n`);
      app.exit(1);
    });
}

main();
