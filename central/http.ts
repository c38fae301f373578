// Small HTTP helpers for the reference server: JSON replies, bounded body reading and request
// validation that names the offending field.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';

/** An error that becomes a JSON reply `{ error, message }` with the given status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.code, message: error.message }, error.headers);
}

/**
 * Reads the request body chunk by chunk and returns its length. Past limitBytes it stops reading and
 * rejects with 413; the request is paused, not destroyed, so that the reply can still be sent.
 */
export function consumeBody(req: IncomingMessage, limitBytes: number, onChunk: (chunk: Buffer) => void = () => {}): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;

    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limitBytes) {
        cleanup();
        req.pause();
        reject(new HttpError(413, 'payload_too_large', `The request body is larger than the maximum of ${limitBytes} bytes.`, { Connection: 'close' }));
        return;
      }
      onChunk(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(total);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };

    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Reads the whole request body into memory; a body over limitBytes raises a 413 HttpError. */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await consumeBody(req, limitBytes, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/**
 * Undoes the request's Content-Encoding: identity or gzip. The inflated size has the same limit as a
 * plain body, so a small compressed body cannot expand into gigabytes.
 */
export function decodeBody(req: IncomingMessage, body: Buffer, limitBytes: number): Buffer {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return body;
  if (encoding !== 'gzip') {
    throw new HttpError(415, 'unsupported_encoding', `Content-Encoding "${encoding}" is not supported; send the body plain or as gzip.`);
  }
  try {
    return gunzipSync(body, { maxOutputLength: limitBytes });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(413, 'payload_too_large', `The request body inflates to more than the maximum of ${limitBytes} bytes.`);
    }
    throw new HttpError(400, 'invalid_encoding', `The request body is not valid gzip: ${(error as Error).message}`);
  }
}

export async function readJson(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const body = decodeBody(req, await readBody(req, limitBytes), limitBytes);
  if (body.length === 0) {
    throw new HttpError(400, 'invalid_json', 'The request body is empty; expected a JSON object.');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Joins zod issues as "path: message" pairs, with `prefix` prepended to each path. */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
      return `${path || '(body)'}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates a request body; invalid input raises a 400 HttpError that names the failing fields. */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(400, 'invalid_request', `Invalid request: ${describeIssues(result.error)}`);
  }
  return result.data;
}
