// Child-process scenarios for tests/integration/keychain.test.ts. Each mode prints one JSON line
// with what it saw as the last line of stdout.
//
//   keychain DATA_DIR  (inside tests/harness/keyring-session.sh) starts the reference server,
//                      enrolls with the OS keychain, then runs `send` in a second process.
//   send DATA_DIR      reads the token back from the keychain through a fresh EnrollmentService
//                      and delivers one queued check-in.
//   memory DATA_DIR    (without D-Bus) opens the secret store, enrolls, and simulates a restart.
//   migrate DATA_DIR   (inside tests/harness/keyring-session.sh) moves a secret from the memory store
//                      to the keychain, then to a second keychain service, reading each back.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCentralServer } from '../../central/server';
import { CentralClient } from '../../electron/core/central/client';
import { deviceTokenAccount, EnrollmentService } from '../../electron/core/central/enrollment';
import { isCompanionError } from '../../electron/core/errors';
import { createLogger, fileSink } from '../../electron/core/logger';
import { Outbox } from '../../electron/core/outbox/outbox';
import { OutboxSender } from '../../electron/core/outbox/sender';
import { migrateSecret } from '../../electron/core/secrets/migrate-secret';
import { MemorySecretStore, openSecretStore, type SecretStore } from '../../electron/core/secrets/secret-store';
import { openDatabase } from '../../electron/core/storage/database';

export const TEST_KEYCHAIN_SERVICE = 'asn-work-companion-test';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs this script in another mode as a child process, asynchronously so that this process's server keeps responding. */
function runMode(mode: string, dataDir: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [fileURLToPath(import.meta.url), mode, dataDir],
      { encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => done({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Paths of the files under dir whose bytes contain needle. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      found.push(...filesContaining(path, needle));
    } else if (readFileSync(path).includes(needle)) {
      found.push(path);
    }
  }
  return found;
}

function openStack(dataDir: string, secrets: SecretStore) {
  const logger = createLogger(fileSink(dataDir));
  const db = openDatabase(dataDir);
  const enrollment = new EnrollmentService({
    db,
    secrets,
    now: Date.now,
    createClient: (baseUrl, token) => new CentralClient({ baseUrl, token }),
    logger: logger.child('enrollment'),
  });
  return { db, logger, enrollment };
}

async function openKeychain(dataDir: string): Promise<SecretStore> {
  return openSecretStore({ service: TEST_KEYCHAIN_SERVICE, logger: createLogger(fileSink(dataDir)).child('secrets') });
}

async function keychainScenario(dataDir: string): Promise<unknown> {
  const central = await startCentralServer({ port: 0 });
  try {
    const secrets = await openKeychain(dataDir);
    const { db, enrollment } = openStack(dataDir, secrets);
    const enrolled = await enrollment.enroll(central.url, 'DEMO');
    db.close();

    const second = await runMode('send', dataDir);
    const secondLine = second.stdout.trim().split('\n').at(-1) ?? '';

    const token = await secrets.get(deviceTokenAccount(enrolled.deviceId));
    const events = (await (await fetch(`${central.url}/admin/events`)).json()) as { events: { id: string; deviceId: string }[] };
    await secrets.delete(deviceTokenAccount(enrolled.deviceId));

    return {
      status: secrets.status,
      deviceId: enrolled.deviceId,
      tokenStored: token !== null,
      tokenFoundInFiles: token ? filesContaining(dataDir, token) : [],
      // The device id is stored in the database, so finding it shows that the scan reads those files.
      deviceIdFoundInFiles: filesContaining(dataDir, enrolled.deviceId).length > 0,
      second: { exitCode: second.exitCode, stderr: second.stderr, result: secondLine ? JSON.parse(secondLine) : null },
      serverEvents: events.events,
    };
  } finally {
    await central.close();
  }
}

async function sendScenario(dataDir: string): Promise<unknown> {
  const secrets = await openKeychain(dataDir);
  const { db, logger, enrollment } = openStack(dataDir, secrets);
  const outbox = new Outbox(db, Date.now);
  const sender = new OutboxSender({ outbox, client: () => enrollment.client(), now: Date.now, logger: logger.child('outbox') });

  const at = Date.now();
  const queued = outbox.enqueue({
    stream: 'attendance',
    type: 'attendance.check_in',
    occurredAt: at,
    payload: { sessionId: 'keychain-session', mode: 'wfh', startedAt: at, endedAt: null },
  });
  const flush = await sender.flush();
  db.close();
  return { status: secrets.status, eventId: queued.id, flush };
}

async function memoryScenario(dataDir: string): Promise<unknown> {
  const central = await startCentralServer({ port: 0 });
  try {
    const secrets = await openKeychain(dataDir);
    const { db, enrollment } = openStack(dataDir, secrets);
    const enrolled = await enrollment.enroll(central.url, 'DEMO');
    const token = await secrets.get(deviceTokenAccount(enrolled.deviceId));
    const sentWhileRunning = (await enrollment.client()) !== null;

    // A restart: the database keeps the enrollment, a fresh memory store has no token.
    const restarted = openStack(dataDir, await openKeychain(dataDir));
    let afterRestart: unknown = null;
    try {
      await restarted.enrollment.client();
    } catch (error) {
      afterRestart = isCompanionError(error) ? { code: error.code, text: error.text } : { message: String(error) };
    }
    restarted.db.close();
    db.close();

    return {
      status: secrets.status,
      tokenStored: token !== null,
      clientWhileRunning: sentWhileRunning,
      tokenFoundInFiles: token ? filesContaining(dataDir, token) : [],
      deviceIdFoundInFiles: filesContaining(dataDir, enrolled.deviceId).length > 0,
      afterRestart,
    };
  } finally {
    await central.close();
  }
}

async function migrateScenario(dataDir: string): Promise<unknown> {
  const account = 'device-token:migration-test';
  const secret = `migrated-${Date.now()}-secret`;
  const memory = new MemorySecretStore();
  await memory.set(account, secret);
  const keychain = await openKeychain(dataDir);
  const toKeychain = await migrateSecret(memory, keychain, account);

  // A fresh store reads what the first one wrote, as a restarted app would.
  const reopened = await openKeychain(dataDir);
  const readAfterMove = await reopened.get(account);

  const renamed = await openSecretStore({ service: `${TEST_KEYCHAIN_SERVICE}-renamed`, logger: createLogger(fileSink(dataDir)).child('secrets') });
  const toRenamed = await migrateSecret(reopened, renamed, account);
  const result = {
    status: keychain.status,
    toKeychain,
    memoryAfterMove: await memory.get(account),
    readAfterMove: readAfterMove === secret,
    toRenamed,
    oldServiceAfterRename: await reopened.get(account),
    renamedHasSecret: (await renamed.get(account)) === secret,
  };
  await renamed.delete(account);
  return result;
}

const scenarios: Record<string, (dataDir: string) => Promise<unknown>> = {
  migrate: migrateScenario,
  keychain: keychainScenario,
  send: sendScenario,
  memory: memoryScenario,
};

const [mode = '', dataDir] = process.argv.slice(2);
const scenario = scenarios[mode];
if (!scenario || !dataDir) {
  process.stderr.write(`usage: keychain-scenario.ts (${Object.keys(scenarios).join('|')}) DATA_DIR\n`);
  process.exitCode = 2;
} else {
  const result = await scenario(dataDir);
  process.stdout.write(JSON.stringify(result) + '\n');
}
