// Command-line entry of the reference central server:
//   npx tsx central/main.ts --port 8787 --db central.sqlite3 --enrollment-code DEMO
// The project CLI runs the same code as `asn-companion central`.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFaultSpec, type FaultPlan } from './faults';
import { startCentralServer } from './server';

export const DEFAULT_CENTRAL_PORT = 8787;

const USAGE = `Usage: central [--port N] [--host ADDRESS] [--db FILE] [--enrollment-code CODE]... [--faults SPEC]

Starts the reference central server for development and demos.

Options:
  --port N                TCP port to listen on (default ${DEFAULT_CENTRAL_PORT}; 0 picks a free port)
  --host ADDRESS          address to listen on (default 127.0.0.1, this machine only)
  --db FILE               SQLite file for devices and events (default: in memory, lost on exit)
  --enrollment-code CODE  code that enrolls a device; repeat for several (default DEMO)
  --faults SPEC           inject faults into POST /v1/events for testing, e.g.
                          rate=0.3,kinds=error500+status429+timeout+drop_after_commit+malformed+latency,
                          latency=200,retry-after=1,hang=30000 (default: no faults)
  -h, --help              show this help`;

export interface CentralCliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Resolves when the server should stop; defaults to the first SIGINT or SIGTERM. */
  untilStopped?: () => Promise<void>;
}

const processIo: CentralCliIo = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
};

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

interface CentralCliOptions {
  port: number;
  host: string;
  dbPath: string;
  enrollmentCodes: string[];
  faults: FaultPlan | null;
}

/** Parses the arguments; returns a message for the user instead of options when they are invalid. */
function parseCentralArgs(argv: string[]): CentralCliOptions | { help: true } | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'enrollment-code': { type: 'string', multiple: true },
        faults: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return { help: true };

  const portText = values.port ?? String(DEFAULT_CENTRAL_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    return { error: `--port must be a whole number from 0 to 65535, got "${portText}".` };
  }

  const codes = values['enrollment-code'] ?? ['DEMO'];
  const emptyCode = codes.find((code) => code.trim() === '');
  if (emptyCode !== undefined) return { error: '--enrollment-code must not be empty.' };

  let faults: FaultPlan | null = null;
  if (values.faults !== undefined) {
    try {
      faults = parseFaultSpec(values.faults);
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  return { port, host: values.host ?? '127.0.0.1', dbPath: values.db ?? ':memory:', enrollmentCodes: codes, faults };
}

/** Runs the server until stopped; resolves with the process exit code (0 after a clean stop, 2 on bad arguments). */
export async function runCentralCli(argv: string[], io: CentralCliIo = processIo): Promise<number> {
  const parsed = parseCentralArgs(argv);
  if ('help' in parsed) {
    io.stdout(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n\n${USAGE}`);
    return 2;
  }

  let server;
  try {
    server = await startCentralServer({ ...parsed, logger: io.stdout });
  } catch (error) {
    io.stderr((error as Error).message);
    return 1;
  }

  // Only the built-in demo code is printed; codes given on the command line stay out of the output.
  const isDemoCode = parsed.enrollmentCodes.length === 1 && parsed.enrollmentCodes[0] === 'DEMO';
  const codes = isDemoCode ? 'enrollment code: DEMO' : `enrollment codes: ${parsed.enrollmentCodes.length}`;
  io.stdout(`Central server ready at ${server.url} (database: ${parsed.dbPath}, ${codes}).`);
  if (parsed.faults) {
    io.stdout(`Injecting faults into ${Math.round(parsed.faults.rate * 100)}% of event requests: ${parsed.faults.kinds.join(', ')}.`);
  }
  io.stdout('Press Ctrl+C to stop.');
  await (io.untilStopped ?? waitForSignal)();

  io.stdout('Stopping the central server…');
  await server.close();
  return 0;
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.exitCode = await runCentralCli(process.argv.slice(2));
}
