// HTTP requests against a Cloudflare-style speed endpoint: GET {base}/__down?bytes=N returns N bytes,
// POST {base}/__up accepts and discards a body. Every request goes through one keep-alive agent per
// test run, and close() destroys that agent, so no socket outlives the test.
import http from 'node:http';
import https from 'node:https';

/** Error of a speed request: a status other than 200, a failed request, or a timeout. */
export class SpeedEndpointError extends Error {
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SpeedEndpointError';
  }
}

export interface TransferRequest {
  signal: AbortSignal;
  /** Called with the payload bytes each time some arrive (download) or reach the OS (upload). */
  onBytes: (bytes: number) => void;
  /** The request fails when its socket is idle this long, as with no response or a stalled transfer. */
  idleTimeoutMs: number;
}

/** Parses the endpoint's base URL; throws a TypeError naming the value when it is not an http or https URL. */
export function parseSpeedEndpointUrl(base: string): URL {
  let url: URL;
  try {
    url = new URL(base);
  } catch (error) {
    throw new TypeError(`The speed endpoint "${base}" is not a valid URL; give one like http://host:port/.`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`The speed endpoint "${base}" must start with http:// or https://.`);
  }
  return url;
}

export class SpeedEndpoint {
  readonly base: URL;
  private readonly agent: http.Agent;
  private readonly transport: typeof http | typeof https;

  /** Throws a TypeError naming the value when `base` is not an http or https URL. */
  constructor(base: string, maxSockets: number) {
    const url = parseSpeedEndpointUrl(base);

    // Resolve __down and __up relative to the base path, so https://host/speed/ gives /speed/__down.
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.search = '';
    url.hash = '';

    this.base = url;
    this.transport = url.protocol === 'https:' ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true, maxSockets });
  }

  downloadUrl(bytes: number): URL {
    const url = new URL('__down', this.base);
    url.searchParams.set('bytes', String(bytes));
    return url;
  }

  uploadUrl(): URL {
    return new URL('__up', this.base);
  }

  /** Downloads `bytes` bytes, reporting them as they arrive; resolves when the body has ended. */
  download(bytes: number, request: TransferRequest): Promise<void> {
    const url = this.downloadUrl(bytes);

    return new Promise<void>((resolve, reject) => {
      const outgoing = this.transport.request(url, { method: 'GET', agent: this.agent, signal: request.signal });
      outgoing.setTimeout(request.idleTimeoutMs, () => outgoing.destroy(idleTimeout(url, request.idleTimeoutMs)));
      outgoing.on('error', (error) => reject(wrapRequestError(error, url)));

      outgoing.on('response', (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(statusError(response.statusCode, url));
          return;
        }
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          request.onBytes(chunk.length);
        });
        response.on('end', () => {
          // An empty body for a non-empty request would make the streams spin without measuring anything.
          if (bytes > 0 && received === 0) reject(new SpeedEndpointError(`The speed endpoint sent an empty body for ${url.pathname}${url.search}.`, url.href));
          else resolve();
        });
        response.on('error', (error) => reject(wrapRequestError(error, url)));
        response.on('close', () => {
          if (!response.complete) reject(new SpeedEndpointError(`The download from ${url.href} ended before its last byte.`, url.href));
        });
      });

      outgoing.end();
    });
  }

  /** Uploads `bytes` bytes, repeating `payload`, respecting back-pressure; resolves on the endpoint's 200. */
  upload(bytes: number, payload: Buffer, request: TransferRequest): Promise<void> {
    const url = this.uploadUrl();

    return new Promise<void>((resolve, reject) => {
      const outgoing = this.transport.request(url, {
        method: 'POST',
        agent: this.agent,
        signal: request.signal,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes) },
      });
      outgoing.setTimeout(request.idleTimeoutMs, () => outgoing.destroy(idleTimeout(url, request.idleTimeoutMs)));
      outgoing.on('error', (error) => reject(wrapRequestError(error, url)));

      outgoing.on('response', (response) => {
        response.resume();
        if (response.statusCode !== 200) {
          reject(statusError(response.statusCode, url));
          return;
        }
        response.on('end', () => resolve());
        response.on('error', (error) => reject(wrapRequestError(error, url)));
      });

      let queued = 0;
      const writeMore = (): void => {
        while (queued < bytes && !request.signal.aborted && !outgoing.destroyed) {
          const size = Math.min(payload.length, bytes - queued);
          queued += size;
          // Count bytes once the OS has accepted them, not when they are queued in Node's buffer.
          const accepted = outgoing.write(size === payload.length ? payload : payload.subarray(0, size), (error) => {
            if (!error) request.onBytes(size);
          });
          if (!accepted) {
            outgoing.once('drain', writeMore);
            return;
          }
        }
        if (queued >= bytes) outgoing.end();
      };
      writeMore();
    });
  }

  /** Destroys every socket of this endpoint, idle or busy. */
  close(): void {
    this.agent.destroy();
  }
}

function idleTimeout(url: URL, idleTimeoutMs: number): SpeedEndpointError {
  return new SpeedEndpointError(`The speed endpoint ${url.origin} sent or accepted nothing for ${idleTimeoutMs} ms (timed out).`, url.href);
}

function statusError(statusCode: number | undefined, url: URL): SpeedEndpointError {
  return new SpeedEndpointError(`The speed endpoint returned HTTP ${statusCode ?? 'without a status'} for ${url.pathname}.`, url.href);
}

function wrapRequestError(error: Error, url: URL): Error {
  if (error instanceof SpeedEndpointError || error.name === 'AbortError') return error;

  const code = (error as NodeJS.ErrnoException).code;
  let reason = error.message;
  if (code === 'ECONNREFUSED') reason = 'connection refused';
  else if (code) reason = `${code}: ${error.message}`;
  return new SpeedEndpointError(`The request to the speed endpoint ${url.origin} failed (${reason}).`, url.href, { cause: error });
}
