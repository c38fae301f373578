// Demo mode: an unpackaged app with no central system configured starts the reference central server
// on loopback and enrolls against it, so every feature can be tried without the agency's system.
// Packaged builds never do this.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/logger';

/** Environment variable naming the central system to use when running from source. */
export const CENTRAL_URL_ENV = 'ASN_COMPANION_CENTRAL_URL';

/** Enrollment code the demo server accepts. */
export const DEMO_ENROLLMENT_CODE = 'DEMO';

/** The demo server's SQLite file in the data folder, kept across runs so its event list survives. */
export const DEMO_CENTRAL_DB_FILE = 'demo-central.sqlite3';

/** Records which central URL the last demo run enrolled against. */
const DEMO_MARKER_FILE = 'demo-central.json';

export interface DemoDecisionInput {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  /** The stored enrollment's central URL, or null when the device is not enrolled. */
  enrolledCentralUrl: string | null;
  /** The central URL of the previous demo run, from the marker file. */
  previousDemoUrl: string | null;
}

export type DemoDecision = { demo: true } | { demo: false; reason: string };

/**
 * Decides whether to run in demo mode. An enrollment left by an earlier demo run points at a server
 * that stopped with that run, so it counts as "not configured". Any other enrollment is kept.
 */
export function decideDemoMode(input: DemoDecisionInput): DemoDecision {
  if (input.isPackaged) return { demo: false, reason: 'packaged builds never run in demo mode' };
  if (input.env[CENTRAL_URL_ENV]) return { demo: false, reason: `${CENTRAL_URL_ENV} names a central system` };

  if (input.enrolledCentralUrl === null) return { demo: true };
  if (input.enrolledCentralUrl === input.previousDemoUrl) return { demo: true };
  return { demo: false, reason: 'the device is enrolled with a central system' };
}

export function readDemoMarker(dataDir: string, logger: Logger): string | null {
  const path = join(dataDir, DEMO_MARKER_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }

  try {
    const parsed = JSON.parse(text) as { centralUrl?: unknown };
    return typeof parsed.centralUrl === 'string' ? parsed.centralUrl : null;
  } catch (error) {
    logger.warn('Ignoring an unreadable demo marker file', { path, error: (error as Error).message });
    return null;
  }
}

export function writeDemoMarker(dataDir: string, centralUrl: string): void {
  writeFileSync(join(dataDir, DEMO_MARKER_FILE), JSON.stringify({ centralUrl }) + '\n', { mode: 0o600 });
}

export interface DemoCentral {
  url: string;
  close(): Promise<void>;
}

/** Returns the port of an earlier demo server's URL, or null when there is none. */
export function demoPort(previousUrl: string | null): number | null {
  if (previousUrl === null) return null;
  try {
    const port = Number(new URL(previousUrl).port);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/**
 * Starts the reference central server on 127.0.0.1, on the previous run's port when it is free, so
 * the device's demo enrollment stays valid; else on a free port. It is loaded on demand, so packaged
 * builds never load the server's code.
 */
export async function startDemoCentral(dataDir: string, logger: Logger, preferredPort: number | null = null): Promise<DemoCentral> {
  const { startCentralServer } = await import('../../central/server');
  const start = (port: number) =>
    startCentralServer({
      host: '127.0.0.1',
      port,
      dbPath: join(dataDir, DEMO_CENTRAL_DB_FILE),
      enrollmentCodes: [DEMO_ENROLLMENT_CODE],
      logger: (line) => logger.debug(line),
    });

  let server: Awaited<ReturnType<typeof start>>;
  if (preferredPort === null) {
    server = await start(0);
  } else {
    try {
      server = await start(preferredPort);
    } catch (error) {
      logger.info('Previous demo port is taken; using a free one', { port: preferredPort, error: (error as Error).message });
      server = await start(0);
    }
  }
  logger.info('Demo central server started', { url: server.url });
  return server;
}
