// The first launch of case C15: opens the companion in the data folder given as the first argument,
// checks in and out three times with no central system reachable, prints "confirmed N" after the
// core returned each action (what the UI waits for), then "frozen-ready" and waits to be stopped.
import { Companion } from '../../electron/core/companion';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';

const dataDir = process.argv[2]!;
const companion = await Companion.open({ dataDir, secretStore: new MemorySecretStore(), logSink: silentSink });

let confirmed = 0;
for (let round = 0; round < 3; round++) {
  companion.checkIn('wfh');
  process.stdout.write(`confirmed ${++confirmed}\n`);
  companion.checkOut();
  process.stdout.write(`confirmed ${++confirmed}\n`);
}
process.stdout.write('frozen-ready\n');
setInterval(() => {}, 60_000);
