// Runs the real VPN check for each VPN policy given as a JSON array in argv[2] and prints the results
// as one JSON array. Tests start it inside a network namespace with `ip netns exec`.
import { runVpnCheck } from '../../electron/core/compliance/vpn/vpn-check';
import { createLogger, silentSink } from '../../electron/core/logger';
import type { Policy } from '../../electron/core/policy/schema';

const policies = JSON.parse(process.argv[2] ?? '[]') as Policy['vpn'][];
const results = [];
for (const vpn of policies) {
  results.push(await runVpnCheck({ vpn, now: Date.now, logger: createLogger(silentSink) }));
}
process.stdout.write(JSON.stringify(results));
