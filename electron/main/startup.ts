// Opening the companion at start-up: the data folder, the log, and demo mode when it applies.
import { join } from 'node:path';
import { Companion } from '../core/companion';
import { fileSink, type Logger, type LogSink } from '../core/logger';
import { StorageError } from '../core/storage/database';
import { enrollFromProvisioning, provisioningFilePath } from '../core/provisioning';
import { startupFailureDialog, unexpectedStartupDialog } from '../../shared/locales/tray';
import {
  decideDemoMode,
  DEMO_ENROLLMENT_CODE,
  readDemoMarker,
  demoPort,
  startDemoCentral,
  writeDemoMarker,
  type DemoCentral,
} from './demo';

/**
 * Builds the log sink: lines go to the data folder, and also to stderr when running from source.
 * When the folder cannot be created, lines go to stderr only, and the start-up dialog explains why.
 */
export function createShellLogSink(dataDir: string, echoToStderr: boolean): LogSink {
  let file: LogSink | null;
  try {
    file = fileSink(dataDir);
  } catch (error) {
    process.stderr.write(`Cannot write the log in ${dataDir}: ${(error as Error).message}\n`);
    file = null;
  }

  return {
    write: (line) => {
      file?.write(line);
      if (echoToStderr || file === null) process.stderr.write(line + '\n');
    },
  };
}

export interface OpenedCompanion {
  companion: Companion;
  /** The loopback reference server in demo mode, otherwise null. */
  demoCentral: DemoCentral | null;
}

export interface OpenCompanionOptions {
  dataDir: string;
  /** The Electron build of better-sqlite3, from resolveNativeBinding. */
  nativeBinding?: string;
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  logSink: LogSink;
  logger: Logger;
}

/**
 * Opens the companion; in demo mode also starts the reference server and enrolls against it.
 * Throws StorageError when the database cannot be opened.
 */
export async function openCompanion(options: OpenCompanionOptions): Promise<OpenedCompanion> {
  const { dataDir, logSink, logger } = options;
  const companion = await Companion.open({ dataDir, logSink, nativeBinding: options.nativeBinding });
  await applyProvisioning(companion, provisioningFilePath(options.env, process.platform), logger);

  const previousDemoUrl = readDemoMarker(dataDir, logger);
  const decision = decideDemoMode({
    isPackaged: options.isPackaged,
    env: options.env,
    enrolledCentralUrl: companion.enrollment.current()?.centralUrl ?? null,
    previousDemoUrl,
  });
  if (!decision.demo) {
    logger.info('Demo mode off', { reason: decision.reason });
    return { companion, demoCentral: null };
  }

  let demoCentral: DemoCentral;
  try {
    demoCentral = await startDemoCentral(dataDir, logger, demoPort(previousDemoUrl));
  } catch (error) {
    logger.error('Demo central server failed to start; running without demo mode', { error: (error as Error).message });
    return { companion, demoCentral: null };
  }

  companion.enterDemoMode(demoCentral.url);

  // The demo server keeps its port and database across runs, so the enrollment stays valid while the
  // device still has its token. A new port, or a token lost with a keychain-less restart, enrolls again.
  const enrolledUrl = companion.enrollment.current()?.centralUrl ?? null;
  if (enrolledUrl === demoCentral.url && (await companion.enrollment.client()) !== null) {
    logger.info('Demo enrollment kept', { url: demoCentral.url });
    return { companion, demoCentral };
  }
  try {
    await companion.enroll(demoCentral.url, DEMO_ENROLLMENT_CODE);
    writeDemoMarker(dataDir, demoCentral.url);
  } catch (error) {
    logger.error('Demo enrollment failed; events stay queued until the device is enrolled', {
      url: demoCentral.url,
      error: (error as Error).message,
    });
  }
  return { companion, demoCentral };
}

/** Enrolls from the IT provisioning file when it applies, and logs what happened. */
async function applyProvisioning(companion: Companion, path: string, logger: Logger): Promise<void> {
  const outcome = await enrollFromProvisioning(companion, path);
  if (outcome.kind === 'failed') {
    logger.error('Provisioning failed; the device stays unenrolled', { path, error: outcome.error.message });
  } else if (outcome.kind === 'enrolled' || outcome.kind === 'no-code') {
    logger.info('Provisioning file applied', { path, outcome: outcome.kind, centralUrl: outcome.centralUrl });
  }
}

/** Builds the dialog for an error that stops the start, in both languages at once. */
export function startupErrorDialog(error: unknown, dataDir: string): { title: string; content: string } {
  if (error instanceof StorageError) return startupFailureDialog(error.path, error.message);

  const detail = error instanceof Error ? error.message : String(error);
  return unexpectedStartupDialog(join(dataDir, 'logs'), detail);
}
