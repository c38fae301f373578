// HTTP client of the central API. Every request has a timeout, every response is validated against
// the wire schemas, and every failure becomes a CentralError. Its kind shows the caller whether a
// retry can help.
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import {
  apiErrorSchema,
  enrollResponseSchema,
  eventBatchResponseSchema,
  type EnrollRequest,
  type EnrollResponse,
  type EventBatchResponse,
  policyDocumentSchema,
  type PolicyDocument,
  type UrgentRequest,
  urgentRequestsResponseSchema,
  type WireEvent,
} from '../../../shared/central-api';
import type { LocalizedText } from '../../../shared/domain';
import { deviceKeyResponseSchema } from '../../../shared/central-api';
import { insecureCentralUrlReason } from './central-url';

/**
 * - unauthorized: 401, or no token. The user has to enroll again.
 * - rejected: the server rejected the request as invalid (other 3xx and 4xx), so a retry gets the same response.
 * - server: 5xx, 408 or 429. Worth retrying later, after retryAfterMs when given.
 * - network, timeout: no answer at all; worth retrying later.
 * - invalid_response: an answer that breaks the API contract.
 */
export type CentralErrorKind = 'unauthorized' | 'rejected' | 'server' | 'network' | 'timeout' | 'invalid_response';

export class CentralError extends Error {
  readonly kind: CentralErrorKind;
  readonly status?: number;
  /** Delay the server asked for through Retry-After, capped at MAX_RETRY_AFTER_MS. */
  readonly retryAfterMs?: number;

  constructor(kind: CentralErrorKind, message: string, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CentralError';
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Raised by the constructor when the central URL cannot be used. */
export class InvalidCentralUrlError extends Error {
  constructor(
    readonly url: string,
    reason: string,
    /** The reason for the person, in both languages, when it is more than a typing mistake. */
    readonly text?: LocalizedText,
  ) {
    super(`Invalid central server URL "${url}": ${reason}`);
    this.name = 'InvalidCentralUrlError';
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Upper bound on a Retry-After delay, so that a wrong header cannot stall delivery for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export interface CentralClientOptions {
  baseUrl: string;
  token?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Event batches at least this large (bytes of JSON) are sent gzip-compressed when that saves a tenth or more. */
  compressMinBytes?: number;
}

/** Below about a kilobyte gzip's header and the server's inflate cost more than the bytes saved. */
export const DEFAULT_COMPRESS_MIN_BYTES = 1024;

/** A request body ready to send, with the headers that describe its encoding. */
interface EncodedBody {
  body: string | Uint8Array;
  headers: Record<string, string>;
}

/** Compresses a JSON body when it is large enough and gzip saves at least 10 % of it. */
export function encodeBody(json: string, compressMinBytes: number): EncodedBody {
  const plain: EncodedBody = { body: json, headers: { 'Content-Type': 'application/json' } };
  const size = Buffer.byteLength(json);
  if (size < compressMinBytes) return plain;

  const compressed = gzipSync(json, { level: 6 });
  if (compressed.length > size * 0.9) return plain;
  return { body: new Uint8Array(compressed), headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } };
}

/**
 * Parses the base URL, accepting https, or http to this computer only, without credentials, and ends
 * its path with a slash.
 */
export function parseCentralUrl(text: string): URL {
  const trimmed = text.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new InvalidCentralUrlError(text, 'it has no scheme. Enter the full address, starting with https://.');
  }

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InvalidCentralUrlError(text, 'it is not a URL. Enter the full address, starting with https://.');
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidCentralUrlError(text, `the scheme "${url.protocol}" is not supported. Use an address that starts with https:// or http://.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidCentralUrlError(text, 'it contains a user name or password. Remove them; the device authenticates with its token.');
  }
  const insecure = insecureCentralUrlReason(url);
  if (insecure !== null) throw new InvalidCentralUrlError(text, insecure.en, insecure);

  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Converts a Retry-After header (seconds or an HTTP date) to milliseconds from now. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();

  let delayMs: number;
  if (/^\d+$/.test(text)) {
    delayMs = Number(text) * 1000;
  } else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    delayMs = at - now;
  }
  return Math.min(Math.max(delayMs, 0), MAX_RETRY_AFTER_MS);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}

/** Classifies a failed fetch: the timeout signal fired, or the connection failed. */
function transportError(error: unknown, target: string, timeoutMs: number): CentralError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CentralError('timeout', `The central server at ${target} did not respond within ${timeoutMs} ms.`, { cause: error });
  }

  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new CentralError('network', `Cannot reach the central server at ${target} (${detail}). Check the network connection.`, {
    cause: error,
  });
}

function errorKindForStatus(status: number): CentralErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 408 || status === 429 || status >= 500) return 'server';
  return 'rejected';
}

/** Extracts the message of an `{ error, message }` body, or returns null for any other body. */
function serverMessage(bodyText: string): string | null {
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data.message : null;
  } catch {
    return null;
  }
}

export class CentralClient {
  readonly baseUrl: URL;
  private readonly token: string | null;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly compressMinBytes: number;

  constructor(options: CentralClientOptions) {
    this.baseUrl = parseCentralUrl(options.baseUrl);
    this.token = options.token ?? null;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? fetch;
    this.compressMinBytes = options.compressMinBytes ?? DEFAULT_COMPRESS_MIN_BYTES;
  }

  enroll(request: EnrollRequest): Promise<EnrollResponse> {
    return this.post('v1/enroll', request, enrollResponseSchema, false);
  }

  /** Sends one batch. The response contains exactly one result per event sent, or this throws invalid_response. */
  async postEvents(events: WireEvent[]): Promise<EventBatchResponse> {
    if (this.token === null) {
      throw new CentralError('unauthorized', 'This client has no device token. Enroll the device before sending events.');
    }

    const response = await this.post('v1/events', { events }, eventBatchResponseSchema, true, this.compressMinBytes);
    checkResultsCoverEvents(events, response);
    return response;
  }

  /**
   * Lists the urgent requests addressed to this device, oldest first. With the ETag of the last list
   * the device has, a poll with nothing new costs a 304 without a body ('unchanged').
   */
  async fetchUrgentRequests(
    etag: string | null,
  ): Promise<{ status: 'unchanged' } | { status: 'updated'; etag: string | null; requests: UrgentRequest[] }> {
    const result = await this.getConditional('v1/requests', urgentRequestsResponseSchema, etag);
    if (result.status === 'unchanged') return result;
    return { status: 'updated', etag: result.etag, requests: result.body.requests };
  }

  /** Replaces the snapshot signing key registered for this device (PUT /v1/device-key); returns its key id. */
  async registerDeviceKey(publicKey: string): Promise<string> {
    const url = new URL('v1/device-key', this.baseUrl);
    const target = `${url.origin}${url.pathname}`;
    const headers = { ...this.authorizedHeaders(), 'Content-Type': 'application/json' };
    const { response, bodyText } = await this.send(url, target, { method: 'PUT', headers, body: JSON.stringify({ publicKey }) });
    if (!response.ok) throw this.statusError(response, bodyText, target);
    return parseResponse(deviceKeyResponseSchema, bodyText, target).keyId;
  }

  private authorizedHeaders(): Record<string, string> {
    if (this.token === null) {
      throw new CentralError('unauthorized', 'This client has no device token. Enroll the device before calling the central system.');
    }
    return { Accept: 'application/json', Authorization: `Bearer ${this.token}` };
  }

  /** Sends one request with the timeout covering the body too; a failure to connect or a timeout becomes a CentralError. */
  private async send(url: URL, target: string, init: RequestInit): Promise<{ response: Response; bodyText: string }> {
    try {
      const response = await this.fetchImpl(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      return { response, bodyText: await response.text() };
    } catch (error) {
      throw transportError(error, target, this.timeoutMs);
    }
  }

  /**
   * Fetches the assigned policy. With the ETag of the copy the device has, an unchanged policy costs a
   * 304 without a body. A server that assigns none (404) yields 'none'.
   */
  async fetchPolicy(
    etag: string | null,
  ): Promise<{ status: 'unchanged' } | { status: 'none' } | { status: 'updated'; etag: string | null; document: PolicyDocument }> {
    const url = new URL('v1/policy', this.baseUrl);
    const target = `${url.origin}${url.pathname}`;
    const headers = this.authorizedHeaders();
    if (etag !== null) headers['If-None-Match'] = etag;
    const { response, bodyText } = await this.send(url, target, { method: 'GET', headers });

    if (response.status === 304) return { status: 'unchanged' };
    if (response.status === 404) return { status: 'none' };
    if (!response.ok) throw this.statusError(response, bodyText, target);
    return { status: 'updated', etag: response.headers.get('etag'), document: parseResponse(policyDocumentSchema, bodyText, target) };
  }

  /**
   * Fetches a resource of this device with GET, sending the ETag of the copy the caller has; a 304
   * yields 'unchanged' without a body. Used for claim statuses and training records.
   */
  async getConditional<T>(
    path: string,
    schema: z.ZodType<T>,
    etag: string | null,
  ): Promise<{ status: 'unchanged' } | { status: 'updated'; etag: string | null; body: T }> {
    const url = new URL(path, this.baseUrl);
    const target = `${url.origin}${url.pathname}`;
    const headers = this.authorizedHeaders();
    if (etag !== null) headers['If-None-Match'] = etag;
    const { response, bodyText } = await this.send(url, target, { method: 'GET', headers });

    if (response.status === 304) return { status: 'unchanged' };
    if (!response.ok) throw this.statusError(response, bodyText, target);
    return { status: 'updated', etag: response.headers.get('etag'), body: parseResponse(schema, bodyText, target) };
  }

  private async post<T>(
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    authorized: boolean,
    compressMinBytes = Number.POSITIVE_INFINITY,
  ): Promise<T> {
    const url = new URL(path, this.baseUrl);
    const target = `${url.origin}${url.pathname}`;
    const encoded = encodeBody(JSON.stringify(body), compressMinBytes);
    const headers: Record<string, string> = { ...encoded.headers, Accept: 'application/json' };
    if (authorized && this.token !== null) headers.Authorization = `Bearer ${this.token}`;

    // The timeout covers the body too: a server that sends headers and then stalls still times out.
    let response: Response;
    let bodyText: string;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers,
        body: encoded.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      bodyText = await response.text();
    } catch (error) {
      throw transportError(error, target, this.timeoutMs);
    }

    if (!response.ok) throw this.statusError(response, bodyText, target);
    return parseResponse(schema, bodyText, target);
  }

  private statusError(response: Response, bodyText: string, target: string): CentralError {
    const status = response.status;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const explanation = serverMessage(bodyText);

    let message = `The central server returned HTTP ${status} for ${target}`;
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      message += location ? `, redirecting to ${location}. Set the central URL to that address.` : ' (a redirect).';
    } else {
      message += explanation ? `: ${explanation}` : '.';
    }
    return new CentralError(errorKindForStatus(status), message, { status, retryAfterMs });
  }
}

function parseResponse<T>(schema: z.ZodType<T>, bodyText: string, target: string): T {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch (error) {
    throw new CentralError('invalid_response', `The central server at ${target} sent a body that is not valid JSON: ${(error as Error).message}`);
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new CentralError('invalid_response', `The central server at ${target} sent an unexpected response: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

function checkResultsCoverEvents(events: WireEvent[], response: EventBatchResponse): void {
  const sent = new Set(events.map((event) => event.id));
  const answered = new Set<string>();
  for (const result of response.results) {
    if (!sent.has(result.id)) {
      throw new CentralError('invalid_response', `results: the server returned a result for event ${result.id}, which was not in the batch.`);
    }
    answered.add(result.id);
  }

  const missing = events.find((event) => !answered.has(event.id));
  if (missing) {
    throw new CentralError('invalid_response', `results: the server sent no result for event ${missing.id}.`);
  }
}
