// CentralClient against a tiny loopback HTTP server that misbehaves on purpose. Every bad response
// must become a CentralError of the right kind that names what was wrong.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CentralClient,
  CentralError,
  InvalidCentralUrlError,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  type CentralErrorKind,
} from '../../electron/core/central/client';
import type { WireEvent } from '../../shared/central-api';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
let requests: { method: string; url: string; authorization: string | undefined; body: string }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
  handler = (_req, res) => reply(res, 500, { error: 'no_handler', message: 'The test set no handler.' });
});

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(text);
}

const event: WireEvent = {
  id: 'event-1',
  stream: 'attendance',
  seq: 1,
  type: 'attendance.check_in',
  occurredAt: 1_767_229_200_000,
  payload: { sessionId: 's1', mode: 'wfh', startedAt: 1_767_229_200_000, endedAt: null },
};

async function failure(promise: Promise<unknown>): Promise<CentralError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CentralError);
  return error as CentralError;
}

function client(options: { token?: string | null; timeoutMs?: number; path?: string } = {}): CentralClient {
  return new CentralClient({ baseUrl: baseUrl + (options.path ?? ''), token: 'token' in options ? options.token : 'device-token', timeoutMs: options.timeoutMs ?? 2000 });
}

describe('CentralClient responses', () => {
  it('returns a valid enrollment', async () => {
    handler = (_req, res) => reply(res, 201, { deviceId: 'device-1', token: 'a-token-of-enough-length' });

    const response = await client({ token: null }).enroll({ code: 'DEMO' });

    expect(response).toEqual({ deviceId: 'device-1', token: 'a-token-of-enough-length' });
    expect(requests[0]?.url).toBe('/v1/enroll');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ code: 'DEMO' });
    expect(requests[0]?.authorization).toBeUndefined();
  });

  it('keeps a base path and sends the token', async () => {
    handler = (_req, res) => reply(res, 200, { results: [{ id: 'event-1', status: 'accepted', serverId: 'srv-1' }] });

    const response = await client({ path: '/api/central' }).postEvents([event]);

    expect(response.results).toEqual([{ id: 'event-1', status: 'accepted', serverId: 'srv-1' }]);
    expect(requests[0]?.url).toBe('/api/central/v1/events');
    expect(requests[0]?.authorization).toBe('Bearer device-token');
  });

  it('reports a body that is not JSON', async () => {
    handler = (_req, res) => reply(res, 201, '{"deviceId": "d1", "tok');

    const error = await failure(client().enroll({ code: 'DEMO' }));

    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('not valid JSON');
  });

  it('names the field of a wrong shape', async () => {
    handler = (_req, res) => reply(res, 201, { deviceId: 42, token: 'a-token-of-enough-length' });

    const error = await failure(client().enroll({ code: 'DEMO' }));

    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('deviceId');
  });

  it('names a nested field of a wrong shape', async () => {
    handler = (_req, res) => reply(res, 200, { results: [{ id: 'event-1', status: 'accepted' }] });

    const error = await failure(client().postEvents([event]));

    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('results.0');
  });

  it('reports an event left without a result', async () => {
    const second = { ...event, id: 'event-2', seq: 2 };
    handler = (_req, res) => reply(res, 200, { results: [{ id: 'event-1', status: 'accepted', serverId: 'srv-1' }] });

    const error = await failure(client().postEvents([event, second]));

    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('no result for event event-2');
  });

  it('reports a result for an event never sent', async () => {
    handler = (_req, res) =>
      reply(res, 200, {
        results: [
          { id: 'event-1', status: 'accepted', serverId: 'srv-1' },
          { id: 'stranger', status: 'accepted', serverId: 'srv-2' },
        ],
      });

    const error = await failure(client().postEvents([event]));

    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('stranger');
  });
});

describe('CentralClient failures', () => {
  it.each<[number, CentralErrorKind]>([
    [400, 'rejected'],
    [401, 'unauthorized'],
    [403, 'rejected'],
    [404, 'rejected'],
    [408, 'server'],
    [422, 'rejected'],
    [429, 'server'],
    [500, 'server'],
    [503, 'server'],
  ])('classifies HTTP %i as %s', async (status, kind) => {
    handler = (_req, res) => reply(res, status, { error: 'test', message: `Status ${status} from the test server.` });

    const error = await failure(client().postEvents([event]));

    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`Status ${status} from the test server.`);
  });

  it('reads Retry-After in seconds', async () => {
    handler = (_req, res) => reply(res, 503, { error: 'busy', message: 'Busy.' }, { 'Retry-After': '7' });

    const error = await failure(client().postEvents([event]));

    expect(error.retryAfterMs).toBe(7000);
  });

  it('names the redirect target', async () => {
    handler = (_req, res) => reply(res, 308, '', { Location: 'https://central.invalid/v1/events' });

    const error = await failure(client().postEvents([event]));

    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('https://central.invalid/v1/events');
    expect(requests).toHaveLength(1);
  });

  it('times out when no headers arrive', async () => {
    handler = () => {};

    const started = Date.now();
    const error = await failure(client({ timeoutMs: 200 }).postEvents([event]));

    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('200 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out when the body stalls', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"results": [');
    };

    const error = await failure(client({ timeoutMs: 200 }).postEvents([event]));

    expect(error.kind).toBe('timeout');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await failure(new CentralClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't' }).postEvents([event]));

    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses to send events without a token', async () => {
    const error = await failure(client({ token: null }).postEvents([event]));

    expect(error.kind).toBe('unauthorized');
    expect(requests).toHaveLength(0);
  });
});

describe('CentralClient base URL', () => {
  it.each([
    ['ftp://127.0.0.1/central', 'scheme "ftp:"'],
    ['file:///etc/passwd', 'scheme "file:"'],
    ['127.0.0.1:8787', 'no scheme'],
    ['central.invalid:8443/api', 'no scheme'],
    ['not a url', 'no scheme'],
    ['http://exa mple.invalid', 'not a URL'],
    ['http://user:secret@127.0.0.1:8787', 'user name or password'],
  ])('rejects %s', (url, expected) => {
    expect(() => new CentralClient({ baseUrl: url })).toThrow(InvalidCentralUrlError);
    expect(() => new CentralClient({ baseUrl: url })).toThrow(expected);
  });

  it('accepts https and http', () => {
    expect(new CentralClient({ baseUrl: 'https://central.invalid' }).baseUrl.href).toBe('https://central.invalid/');
    expect(new CentralClient({ baseUrl: ' http://127.0.0.1:8787/api ' }).baseUrl.href).toBe('http://127.0.0.1:8787/api/');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-02T08:00:00Z');

  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['120', 120_000],
    ['0', 0],
    ['Mon, 02 Mar 2026 08:00:30 GMT', 30_000],
    ['Mon, 02 Mar 2026 07:59:00 GMT', 0],
    ['soon', undefined],
    ['999999', MAX_RETRY_AFTER_MS],
  ])('reads %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
