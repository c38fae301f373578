// `asn-companion requests [--json]`, `requests ack ID` and `requests respond ID --text TEKS`: the
// urgent requests from the command line. Listing asks the central system once when the device is
// enrolled; acknowledging and answering commit the click time locally and queue it for delivery.
import type { Language } from '../../shared/domain';
import type { RequestLevel, RequestState, UrgentRequestView } from '../../shared/requests';
import { formatClock, zoneAbbreviation } from '../../shared/zones';
import type { Companion } from '../core/companion';
import { dateKey } from '../core/worktime/zoned-time';

const EXIT_OK = 0;

export interface RequestsCommandIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

export interface RequestsArguments {
  action: string | undefined;
  id: string | undefined;
  text: string | undefined;
  json: boolean;
}

const texts = {
  id: {
    usage: 'Gunakan "requests [--json]", "requests ack ID" atau "requests respond ID --text TEKS".',
    missingId: (action: string) => `Sebutkan ID permintaan: "requests ${action} ID". ID tercantum pada daftar "asn-companion requests".`,
    missingText: 'Opsi --text TEKS wajib untuk "requests respond", misalnya --text "Sudah dikirim lewat surel".',
    none: 'Tidak ada permintaan.',
    level: { urgent: 'MENDESAK', emergency: 'DARURAT' } satisfies Record<RequestLevel, string>,
    state: { open: 'belum diterima', acknowledged: 'diterima, belum dijawab', answered: 'dijawab', overdue: 'lewat tenggat' } satisfies Record<RequestState, string>,
    due: (deadline: string, state: string) => `  Tenggat: ${deadline} · Status: ${state}`,
    answer: (time: string, onTime: boolean, text: string) => `  Dijawab ${time} (${onTime ? 'tepat waktu' : 'terlambat'}): ${text}`,
    pollFailed: (reason: string) => `Catatan: ${reason} Daftar di bawah berisi permintaan yang sudah tersimpan.`,
    acknowledged: (subject: string, time: string) => `Permintaan "${subject}" diterima pukul ${time}; konfirmasi masuk antrean pengiriman.`,
    answered: (subject: string, time: string, onTime: boolean) =>
      `Jawaban untuk "${subject}" tercatat pukul ${time} (${onTime ? 'tepat waktu' : 'melewati tenggat'}) dan masuk antrean pengiriman.`,
  },
  en: {
    usage: 'Use "requests [--json]", "requests ack ID" or "requests respond ID --text TEXT".',
    missingId: (action: string) => `Name the request: "requests ${action} ID". The ids are in the list of "asn-companion requests".`,
    missingText: 'The "requests respond" command requires --text TEXT, for example --text "Sent by e-mail".',
    none: 'No requests.',
    level: { urgent: 'URGENT', emergency: 'EMERGENCY' },
    state: { open: 'not acknowledged', acknowledged: 'acknowledged, not answered', answered: 'answered', overdue: 'past its deadline' },
    due: (deadline: string, state: string) => `  Deadline: ${deadline} · State: ${state}`,
    answer: (time: string, onTime: boolean, text: string) => `  Answered ${time} (${onTime ? 'on time' : 'late'}): ${text}`,
    pollFailed: (reason: string) => `Note: ${reason} The list below shows the requests already stored.`,
    acknowledged: (subject: string, time: string) => `Request "${subject}" acknowledged at ${time}; the confirmation is queued for delivery.`,
    answered: (subject: string, time: string, onTime: boolean) =>
      `The answer to "${subject}" is recorded at ${time} (${onTime ? 'on time' : 'past the deadline'}) and queued for delivery.`,
  },
} satisfies Record<Language, unknown>;

function clock(instant: number, zone: string): string {
  return `${formatClock(instant, zone)} ${zoneAbbreviation(zone)}`;
}

/** The date is written only when it is not today, so the usual case stays short. */
function moment(instant: number, zone: string, now: number): string {
  const date = dateKey(instant, zone);
  return date === dateKey(now, zone) ? clock(instant, zone) : `${date} ${clock(instant, zone)}`;
}

function formatRequest(request: UrgentRequestView, language: Language, zone: string, now: number): string[] {
  const text = texts[language];
  const lines = [
    `[${text.level[request.level]}] ${request.subject} — ${request.sender} (ID ${request.id})`,
    text.due(moment(request.dueAt, zone, now), text.state[request.state]),
  ];
  if (request.answeredAt !== null && request.responseText !== null) {
    lines.push(text.answer(moment(request.answeredAt, zone, now), request.responseTime.onTime === true, request.responseText));
  }
  return lines;
}

async function listCommand(args: RequestsArguments, companion: Companion, language: Language, io: RequestsCommandIo): Promise<number> {
  const outcome = companion.enrollment.current() === null ? null : await companion.requests.pollNow('user');
  if (outcome?.status === 'failed') io.stderr(texts[language].pollFailed(outcome.error[language]));

  const list = companion.requests.list();
  if (args.json) {
    io.stdout(JSON.stringify(list, null, 2));
    return EXIT_OK;
  }

  const zone = companion.policies.active().zone;
  const now = companion.options.now();
  const lines = list.requests.flatMap((request) => formatRequest(request, language, zone, now));
  io.stdout(lines.length > 0 ? lines.join('\n') : texts[language].none);
  return EXIT_OK;
}

/**
 * Runs `requests`, `requests ack` or `requests respond` after requestsUsageError() accepted the
 * arguments; core errors (unknown id, second answer, text too long) propagate to the CLI's handler.
 */
export async function requestsCommand(args: RequestsArguments, companion: Companion, language: Language, io: RequestsCommandIo): Promise<number> {
  const text = texts[language];
  const zone = companion.policies.active().zone;

  if (args.action === 'ack') {
    const request = companion.requests.acknowledge(args.id ?? '');
    io.stdout(args.json ? JSON.stringify(request, null, 2) : text.acknowledged(request.subject, clock(request.acknowledgedAt ?? request.answeredAt!, zone)));
    return EXIT_OK;
  }

  if (args.action === 'respond') {
    const request = companion.requests.respond(args.id ?? '', args.text ?? '');
    const summary = text.answered(request.subject, clock(request.answeredAt!, zone), request.responseTime.onTime === true);
    io.stdout(args.json ? JSON.stringify(request, null, 2) : summary);
    return EXIT_OK;
  }

  return listCommand(args, companion, language, io);
}

/** Checks the arguments that need no data folder, so a usage mistake does not open the database. */
export function requestsUsageError(args: RequestsArguments, language: Language): string | null {
  const text = texts[language];
  if (args.action !== undefined && !['list', 'ack', 'respond'].includes(args.action)) return text.usage;
  if ((args.action === 'ack' || args.action === 'respond') && !args.id) return text.missingId(args.action);
  if (args.action === 'respond' && args.text === undefined) return text.missingText;
  return null;
}
