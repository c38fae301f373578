// "Terima" and "Selesai": each click is committed with its moment and queued in the outbox in the
// same transaction, so it reaches the central system with that moment however late the laptop is
// back online. Answers are final; the texts below say why a click was refused and what to do.
import type { RequestAcknowledgedPayload, RequestAnsweredPayload } from '../../../shared/central-api';
import { formatClock, zoneAbbreviation } from '../../../shared/zones';
import { CompanionError } from '../errors';
import type { Outbox } from '../outbox/outbox';
import { writeTransaction, type Database } from '../storage/database';
import type { RequestsRepository, StoredRequest } from './repository';

export const REQUESTS_STREAM = 'requests';

export interface AnswerContext {
  db: Database;
  repository: RequestsRepository;
  outbox: Outbox;
  zone: string;
}

export function requireRequest(repository: RequestsRepository, id: string): StoredRequest {
  const request = repository.get(id);
  if (request === null) {
    throw new CompanionError('request_not_found', {
      id: `Tidak ada permintaan dengan ID "${id}". Periksa ID di daftar permintaan (asn-companion requests atau halaman Permintaan).`,
      en: `There is no request with the id "${id}". Check the id in the list of requests (asn-companion requests or the Requests page).`,
    });
  }
  return request;
}

/** Text length as a person counts it: characters, not UTF-16 units, so an emoji counts once. */
function characterCount(text: string): number {
  return [...text].length;
}

/** Checks the response text against the policy limit; returns it trimmed. */
export function checkResponseText(text: string, maxLength: number): string {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new CompanionError('response_text_missing', {
      id: 'Jawaban kosong. Tulis jawaban singkat (misalnya "Sudah dikirim lewat surel"), lalu tekan Selesai lagi.',
      en: 'The answer is empty. Write a short answer (for example "Sent by e-mail"), then press Done again.',
    });
  }

  const length = characterCount(trimmed);
  if (length > maxLength) {
    const excess = length - maxLength;
    throw new CompanionError('response_text_too_long', {
      id: `Jawaban terlalu panjang: ${length} karakter, batasnya ${maxLength}. Persingkat jawaban sebanyak ${excess} karakter, lalu coba lagi.`,
      en: `The answer is too long: ${length} characters, the limit is ${maxLength}. Shorten it by ${excess} character${excess === 1 ? '' : 's'}, then try again.`,
    });
  }
  return trimmed;
}

function queueAcknowledgement(context: AnswerContext, request: StoredRequest, at: number): void {
  const payload: RequestAcknowledgedPayload = { requestId: request.id, level: request.level, dueAt: request.dueAt, acknowledgedAt: at };
  const event = context.outbox.enqueue({ stream: REQUESTS_STREAM, type: 'request.acknowledged', occurredAt: at, payload });
  context.repository.recordAcknowledgement(request.id, at, event.id);
}

/** Records "Terima" at `at`; a request already acknowledged or answered keeps its first moment. Returns whether anything was recorded. */
export function acknowledge(context: AnswerContext, id: string, at: number): boolean {
  return writeTransaction(context.db, () => {
    const request = requireRequest(context.repository, id);
    if (request.acknowledgedAt !== null || request.answeredAt !== null) return false;
    queueAcknowledgement(context, request, at);
    return true;
  });
}

/** Records "Selesai" with the text at `at`, acknowledging first when that was skipped. A second answer is refused. */
export function respond(context: AnswerContext, id: string, text: string, at: number, maxLength: number): void {
  writeTransaction(context.db, () => {
    const request = requireRequest(context.repository, id);
    if (request.answeredAt !== null) {
      const time = `${formatClock(request.answeredAt, context.zone)} ${zoneAbbreviation(context.zone)}`;
      throw new CompanionError('request_already_answered', {
        id: `Permintaan "${request.subject}" sudah dijawab pukul ${time}; jawaban yang terkirim tidak dapat diubah. Hubungi pengirim bila perlu menambahkan sesuatu.`,
        en: `The request "${request.subject}" was already answered at ${time}; a sent answer cannot be changed. Contact the sender to add anything.`,
      });
    }

    const checked = checkResponseText(text, maxLength);
    if (request.acknowledgedAt === null) queueAcknowledgement(context, request, at);

    const answeredAfterMs = at - request.sentAt;
    const payload: RequestAnsweredPayload = {
      requestId: request.id,
      level: request.level,
      dueAt: request.dueAt,
      answeredAt: at,
      text: checked,
      answeredAfterMs,
      onTime: at <= request.dueAt,
    };
    const event = context.outbox.enqueue({ stream: REQUESTS_STREAM, type: 'request.answered', occurredAt: at, payload });
    context.repository.recordAnswer(request.id, at, checked, event.id);
  });
}
