// The sending process of the crash test: opens the companion database in the data folder given as
// the first argument and delivers its outbox to the central URL in the second, with the device token
// from ASN_TEST_TOKEN. It prints "flush" before each flush and "done" once nothing is left to send.
// The test kills it with SIGKILL at random moments and starts it again.
import { CentralClient } from '../../electron/core/central/client';
import { createLogger, silentSink } from '../../electron/core/logger';
import { Outbox } from '../../electron/core/outbox/outbox';
import { OutboxSender } from '../../electron/core/outbox/sender';
import { openDatabase } from '../../electron/core/storage/database';

const [dataDir, centralUrl] = process.argv.slice(2);
const token = process.env.ASN_TEST_TOKEN;
if (!dataDir || !centralUrl || !token) {
  process.stderr.write('Usage: outbox-crash-child DATA_DIR CENTRAL_URL, with ASN_TEST_TOKEN set.\n');
  process.exit(2);
}

const db = openDatabase(dataDir);
const outbox = new Outbox(db, Date.now);
const client = new CentralClient({ baseUrl: centralUrl, token, timeoutMs: 5_000 });
const sender = new OutboxSender({
  outbox,
  client: async () => client,
  now: Date.now,
  logger: createLogger(silentSink),
  batchSize: 4,
  // Short, so that the next start resends what a killed process left in flight without a long wait.
  leaseMs: 300,
  backoff: { baseMs: 5, capMs: 50 },
});

for (;;) {
  process.stdout.write('flush\n');
  await sender.flush();

  const counts = outbox.counts();
  if (counts.queued + counts.inFlight === 0) break;
  const next = outbox.nextAttemptAt() ?? Date.now() + 20;
  await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(next - Date.now(), 1), 100)));
}
db.close();
process.stdout.write('done\n');
