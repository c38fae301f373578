// A process writing to the outbox, for the concurrency case (C24) and the kill -9 case (C25): it
// enqueues COUNT events on one stream, each in its own read-then-write transaction, and prints "ok"
// or the first error. With EVERY it also prints the number committed after each EVERY events.
import { Outbox } from '../../electron/core/outbox/outbox';
import { openDatabase } from '../../electron/core/storage/database';

const [dataDir, countText, label, everyText] = process.argv.slice(2);
const every = everyText ? Number(everyText) : 0;
const db = openDatabase(dataDir!);
const outbox = new Outbox(db, Date.now);
try {
  for (let index = 0; index < Number(countText); index++) {
    outbox.enqueue({
      stream: 'attendance',
      type: 'attendance.check_in',
      occurredAt: Date.now(),
      payload: { sessionId: `${label}-${index}`, mode: 'wfh', startedAt: 0, endedAt: null },
    });
    if (every > 0 && (index + 1) % every === 0) process.stdout.write(`${index + 1}\n`);
  }
  process.stdout.write('ok\n');
} catch (error) {
  process.stdout.write(`error: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  db.close();
}
