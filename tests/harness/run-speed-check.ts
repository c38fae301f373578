// Runs the real speed check against the endpoint in argv[2] with the speed policy in argv[3] (JSON)
// and prints the result as JSON. Tests start it inside the "client" network namespace.
import { runSpeedCheck } from '../../electron/core/compliance/speed/speed-check';
import type { SpeedPolicy } from '../../electron/core/compliance/speed/verdict';
import { createLogger, silentSink } from '../../electron/core/logger';

const endpoint = process.argv[2]!;
const speed = JSON.parse(process.argv[3] ?? '{}') as SpeedPolicy;
const result = await runSpeedCheck({ speed, endpoint, skip: false, now: Date.now, logger: createLogger(silentSink) });
process.stdout.write(JSON.stringify(result));
