// Speed-test endpoints in the Cloudflare style: GET /__down?bytes=N sends N bytes, POST /__up reads
// and discards the body. Neither is cached, buffered in full, or compressed, so the bytes on the wire
// are the bytes counted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { consumeBody, HttpError, sendJson } from './http';

/** Largest download one request may ask for (200 MiB); a speed test needs tens of megabytes at most. */
export const MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024;

/** Largest upload body counted; a longer one gets a 413 response. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const CHUNK = Buffer.alloc(64 * 1024);

function parseByteCount(value: string | null): number {
  if (value === null) {
    throw new HttpError(400, 'invalid_request', 'Missing query parameter "bytes": ask for a byte count, e.g. /__down?bytes=1000000.');
  }
  if (!/^\d+$/.test(value)) {
    throw new HttpError(400, 'invalid_request', `Query parameter "bytes" must be a whole number of bytes, got "${value}".`);
  }

  const bytes = Number(value);
  if (bytes > MAX_DOWNLOAD_BYTES) {
    throw new HttpError(
      400,
      'invalid_request',
      `Query parameter "bytes" is ${value}, above the maximum of ${MAX_DOWNLOAD_BYTES}; ask for less and repeat the request.`,
    );
  }
  return bytes;
}

/** Resolves once the response can take more data, or once the client went away. */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** GET /__down?bytes=N: streams exactly N zero bytes, honouring back-pressure. */
export async function handleDownload(_req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const total = parseByteCount(url.searchParams.get('bytes'));

  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': total,
    'Cache-Control': 'no-store',
  });

  let remaining = total;
  while (remaining > 0 && !res.destroyed) {
    const size = Math.min(remaining, CHUNK.length);
    const accepted = res.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size));
    remaining -= size;
    if (!accepted) await writable(res);
  }
  res.end();
}

/** POST /__up: counts and discards the body, then returns `{ bytes }`. */
export async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const bytes = await consumeBody(req, MAX_UPLOAD_BYTES);
  sendJson(res, 200, { bytes });
}
