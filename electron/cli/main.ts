// asn-companion: the command line of Pendamping Kerja ASN. Run with `npm run cli -- COMMAND`.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { ComplianceSnapshot, Language, Verdict } from '../../shared/domain';
import { Companion } from '../core/companion';
import { defaultDataDir } from '../core/data-dir';
import { isCompanionError } from '../core/errors';
import { formatClock, zoneAbbreviation } from '../../shared/zones';
import { formatSnapshot, formatStatus } from './format';
import { messages } from './messages';
import { exportSnapshotCommand, snapshotUsage, verifySnapshotCommand } from './snapshot-command';
import { requestsCommand, requestsUsageError } from './requests-command';

export const EXIT_OK = 0;
export const EXIT_CHECK_NOT_PASSED = 1;
export const EXIT_ERROR = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const options = {
  'data-dir': { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  'no-speed': { type: 'boolean' },
  'allow-metered': { type: 'boolean' },
  'speed-endpoint': { type: 'string' },
  mode: { type: 'string' },
  central: { type: 'string' },
  code: { type: 'string' },
  port: { type: 'string' },
  db: { type: 'string' },
  'enrollment-code': { type: 'string', multiple: true },
  faults: { type: 'string' },
  out: { type: 'string' },
  id: { type: 'string' },
  'public-key': { type: 'string' },
  text: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedOptions = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

/**
 * 0 when every check that ran passed, 2 when a check itself broke, 1 for any other verdict. A check
 * the user skipped (evidence.skipped is true) does not count either way.
 */
export function exitCodeFor(snapshot: ComplianceSnapshot): number {
  const ran = snapshot.checks.filter((check) => check.evidence.skipped !== true);
  const verdicts = new Set<Verdict>(ran.map((check) => check.verdict));
  if (verdicts.has('error')) return EXIT_ERROR;
  if ([...verdicts].every((verdict) => verdict === 'pass')) return EXIT_OK;
  return EXIT_CHECK_NOT_PASSED;
}

class UsageError extends Error {}

/** Returns the value of --lang, read before the full parse so that parse errors are in that language too. */
function requestedLanguage(argv: string[]): string | undefined {
  // The last --lang wins, as in parseArgs.
  const index = argv.findLastIndex((argument) => argument === '--lang' || argument.startsWith('--lang='));
  if (index === -1) return undefined;
  const argument = argv[index]!;
  return argument.includes('=') ? argument.slice('--lang='.length) : argv[index + 1];
}

/** Turns a node:util parseArgs error into a message in the user's language. */
function describeParseError(error: unknown, language: Language): string {
  const text = messages(language);
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^']*)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return text.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return text.missingValue(option.split(' ')[0] ?? option);
  return text.invalidOption(message);
}

/**
 * Builds the reference server's own arguments. With --data-dir and no --db, its database lives in
 * that folder. --lang has no effect there, because the development server logs in English.
 */
export function centralArguments(values: ParsedOptions): string[] {
  const args: string[] = [];
  if (values.port !== undefined) args.push('--port', values.port);
  const db = values.db ?? (values['data-dir'] ? join(values['data-dir'], 'central.sqlite3') : undefined);
  if (db !== undefined) args.push('--db', db);
  for (const code of values['enrollment-code'] ?? []) args.push('--enrollment-code', code);
  if (values.faults !== undefined) args.push('--faults', values.faults);
  return args;
}

/** Runs one command and returns its exit code; never calls process.exit, so tests can drive it. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const languageOption = requestedLanguage(argv);
  const language: Language = languageOption === 'en' ? 'en' : 'id';
  if (languageOption === '' || languageOption?.startsWith('-') || (argv.includes('--lang') && languageOption === undefined)) {
    io.stderr(messages('id').missingValue('--lang'));
    return EXIT_ERROR;
  }
  if (languageOption !== undefined && languageOption !== 'id' && languageOption !== 'en') {
    io.stderr(messages('id').invalidLanguage(languageOption));
    return EXIT_ERROR;
  }

  let values: ParsedOptions;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr(describeParseError(error, language));
    return EXIT_ERROR;
  }

  const text = messages(language);
  const command = positionals[0] ?? 'help';
  if (values.help || command === 'help') {
    io.stdout(text.usage);
    return EXIT_OK;
  }

  if (command === 'central') {
    const { runCentralCli } = await import('../../central/main');
    return runCentralCli(centralArguments(values));
  }

  const snapshotArguments = { action: positionals[1], target: positionals[2], id: values.id, out: values.out, publicKey: values['public-key'] };
  if (command === 'snapshot' && snapshotArguments.action === 'verify') return verifySnapshotCommand(snapshotArguments, language, io);
  if (command === 'snapshot' && snapshotArguments.action !== 'export') {
    io.stderr(snapshotUsage(language));
    return EXIT_ERROR;
  }

  const requestsArguments = { action: positionals[1], id: positionals[2], text: values.text, json: values.json ?? false };
  const requestsUsage = command === 'requests' ? requestsUsageError(requestsArguments, language) : null;
  if (requestsUsage !== null) {
    io.stderr(requestsUsage);
    return EXIT_ERROR;
  }

  const known = ['check', 'checkin', 'checkout', 'status', 'enroll', 'flush', 'snapshot', 'requests'];
  if (!known.includes(command)) {
    io.stderr(text.unknownCommand(command));
    return EXIT_ERROR;
  }

  let companion: Companion | null = null;
  try {
    companion = await Companion.open({
      dataDir: values['data-dir'] ?? defaultDataDir(io.env),
      speedEndpoint: values['speed-endpoint'] ?? null,
    });
    if (command === 'snapshot') return await exportSnapshotCommand(snapshotArguments, companion, language, io);
    if (command === 'requests') return await requestsCommand(requestsArguments, companion, language, io);
    return await runCommand(command, values, companion, language, io);
  } catch (error) {
    const detail = isCompanionError(error) ? error.text[language] : (error as Error).message;
    io.stderr(text.failed(detail));
    return EXIT_ERROR;
  } finally {
    companion?.close();
  }
}

async function runCommand(
  command: string,
  values: ParsedOptions,
  companion: Companion,
  language: Language,
  io: CliIo,
): Promise<number> {
  const text = messages(language);

  switch (command) {
    case 'check': {
      const snapshot = await companion.runCheck({ skipSpeed: values['no-speed'] ?? false, allowMetered: values['allow-metered'] ?? false });
      io.stdout(values.json ? JSON.stringify(snapshot, null, 2) : formatSnapshot(language, snapshot));
      return exitCodeFor(snapshot);
    }

    case 'checkin': {
      const mode = values.mode ?? 'wfh';
      if (mode !== 'wfh' && mode !== 'office') {
        io.stderr(text.invalidMode(mode));
        return EXIT_ERROR;
      }
      const status = companion.checkIn(mode);
      const startedAt = status.session!.startedAt;
      io.stdout(text.checkedIn(text.mode[mode], `${formatClock(startedAt, status.zone)} ${zoneAbbreviation(status.zone)}`));
      return EXIT_OK;
    }

    case 'checkout': {
      const status = companion.checkOut();
      io.stdout(text.checkedOut(`${formatClock(companion.options.now(), status.zone)} ${zoneAbbreviation(status.zone)}`));
      return EXIT_OK;
    }

    case 'status': {
      const status = companion.status();
      io.stdout(values.json ? JSON.stringify(status, null, 2) : formatStatus(language, status));
      return EXIT_OK;
    }

    case 'enroll': {
      if (!values.central) throw new UsageError(text.missingOption('--central URL', 'enroll'));
      if (!values.code) throw new UsageError(text.missingOption('--code KODE', 'enroll'));
      const enrollment = await companion.enroll(values.central, values.code);
      io.stdout(text.enrolled(enrollment.centralUrl, enrollment.deviceId));
      if (!companion.secrets.status.available && companion.secrets.status.reason) {
        io.stderr(text.secureStorageWarning(companion.secrets.status.reason[language]));
        io.stderr(text.memoryOnlyToken);
      }
      return EXIT_OK;
    }

    case 'flush': {
      const result = await companion.flush();
      if (result.attempted > 0 || !result.stoppedBecause) {
        io.stdout(text.flushResult(result.accepted, result.duplicates, result.rejected, result.failed));
      }
      if (result.stoppedBecause) {
        io.stderr(text.stopped(result.stoppedBecause[language]));
        if (!companion.secrets.status.available) io.stderr(text.memoryOnlyToken);
        return EXIT_ERROR;
      }
      return result.failed > 0 ? EXIT_ERROR : EXIT_OK;
    }

    default:
      io.stderr(text.unknownCommand(command));
      return EXIT_ERROR;
  }
}

const isEntryPoint = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntryPoint) {
  const code = await runCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(line + '\n'),
    stderr: (line) => process.stderr.write(line + '\n'),
    env: process.env,
  });
  process.exitCode = code;
}
