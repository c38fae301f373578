// The typing process of the draft crash test. It opens a Companion on the data folder given as the
// first argument and autosaves the daily report of the date in the second argument in a loop, as the
// renderer does after each debounced keystroke. After each save returns it prints "saved <n>".
// The test kills it with SIGKILL at a random moment.
import { Companion } from '../../electron/core/companion';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { draftAt } from './reports-draft';

const [dataDir, date, nowText] = process.argv.slice(2);
if (!dataDir || !date || !nowText) {
  process.stderr.write('Usage: reports-draft-child DATA_DIR YYYY-MM-DD NOW_MS\n');
  process.exit(2);
}

const companion = await Companion.open({ dataDir, now: () => Number(nowText), secretStore: new MemorySecretStore(), logSink: silentSink });
for (let n = 0; ; n++) {
  companion.reports.daily.saveDraft(date, draftAt(n));
  process.stdout.write(`saved ${n}\n`);
  await new Promise((resolve) => setTimeout(resolve, 1));
}
