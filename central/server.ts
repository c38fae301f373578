// Reference implementation of the central API for development, demo mode and tests. It enrolls
// devices, stores their events once each, serves the speed-test endpoints and lists what it received
// to callers on the same machine. It is not a production server.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  enrollRequestSchema,
  type EnrollResponse,
  type EventBatchResponse,
  type PolicyDocument,
} from '../shared/central-api';
import { batchEnvelopeSchema, ingestBatch } from './events';
import { createClaimsRoutes } from './claims-routes';
import { delay, FaultInjector, hang, sendMalformed, type FaultPlanInput } from './faults';
import { HttpError, parseRequest, readJson, sendError, sendJson } from './http';
import { enrollmentPublicKey, helpdeskRoutes, markDeviceSeen, registerEnrollmentKey } from './helpdesk-routes';
import { requestsRoutes } from './requests-routes';
import { RequestsStore } from './requests-store';
import { handleDownload, handleUpload } from './speed';
import { CentralStore } from './store';

export interface CentralServerOptions {
  /** TCP port; 0 picks a free one. */
  port?: number;
  /** Address to listen on; defaults to loopback. */
  host?: string;
  /** SQLite file for devices and events; ':memory:' (the default) keeps nothing after close. */
  dbPath?: string;
  /** Codes that enroll a device; each may be used any number of times. */
  enrollmentCodes?: string[];
  logger?: (line: string) => void;
  /** Random faults on POST /v1/events; see central/faults.ts. */
  faults?: FaultPlanInput | null;
  /** Policy served at GET /v1/policy; without one, that endpoint returns 404. */
  policy?: PolicyDocument | null;
  /** Random source of the fault draws; tests pass a seeded one to repeat a run. */
  faultRandom?: () => number;
  /** Wall clock for urgent requests (createdAt and default deadlines); tests pass a controlled one. */
  now?: () => number;
}

export interface CentralServer {
  url: string;
  port: number;
  /** Faults on POST /v1/events: configure() a random plan or script() the next ones. */
  faults: FaultInjector;
  close(): Promise<void>;
}

const ENROLL_BODY_LIMIT = 16 * 1024;
const EVENTS_BODY_LIMIT = 16 * 1024 * 1024;

type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;
type Routes = Map<string, Record<string, RouteHandler>>;

interface Context {
  policy: { document: PolicyDocument; etag: string } | null;
  store: CentralStore;
  faults: FaultInjector;
  enrollmentCodes: ReadonlySet<string>;
  log: (line: string) => void;
  /** Clock of request times (createdAt, default deadlines). */
  now: () => number;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4);
}

/** Returns the device id of the request's bearer token, or raises a 401 HttpError. */
function authenticate(context: Context, req: IncomingMessage): string {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const challenge = { 'WWW-Authenticate': 'Bearer' };
  if (!match?.[1]) {
    throw new HttpError(401, 'unauthorized', 'Missing "Authorization: Bearer <token>" header. Enroll the device to get a token.', challenge);
  }

  const deviceId = context.store.deviceForToken(sha256(match[1]));
  if (deviceId === null) {
    throw new HttpError(401, 'unauthorized', 'The device token is not known to this server. Enroll the device again.', challenge);
  }
  markDeviceSeen(context.store, deviceId, Date.now());
  return deviceId;
}

async function enroll(context: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = parseRequest(enrollRequestSchema, await readJson(req, ENROLL_BODY_LIMIT));
  if (!context.enrollmentCodes.has(request.code)) {
    throw new HttpError(403, 'enrollment_code_rejected', 'The enrollment code is not valid on this server. Ask your IT administrator for a current code.');
  }

  // Only the token's hash is stored, so a copy of the database does not let anyone send as the device.
  const token = randomBytes(32).toString('base64url');
  const publicKey = enrollmentPublicKey(request.publicKey);
  // The server's clock (a test's controlled one), so requests posted later compare with it.
  const enrolledAt = context.now();
  const deviceId = context.store.addDevice(sha256(token), request.deviceName ?? null, enrolledAt);
  registerEnrollmentKey(context.store, deviceId, publicKey, enrolledAt);
  context.log(`Enrolled device ${deviceId}`);

  const body: EnrollResponse = { deviceId, token };
  sendJson(res, 201, body);
}

async function receiveEvents(context: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const deviceId = authenticate(context, req);
  const fault = context.faults.next();
  if (fault?.kind === 'latency') await delay(context.faults.latencyMs);
  if (fault?.kind === 'timeout') return hang(req, res, context.faults.hangMs);
  if (fault?.kind === 'error500') {
    req.resume();
    throw new HttpError(500, 'injected_fault', 'Injected fault: the server failed before storing anything.');
  }
  if (fault?.kind === 'status429') {
    req.resume();
    const retryAfter = context.faults.retryAfterHeader(Date.now());
    throw new HttpError(429, 'too_many_requests', 'Injected fault: too many requests; retry later.', { 'Retry-After': retryAfter });
  }

  const batch = parseRequest(batchEnvelopeSchema, await readJson(req, EVENTS_BODY_LIMIT));
  const results = ingestBatch(context.store, deviceId, batch, Date.now());

  if (fault?.kind === 'drop_after_commit') {
    context.log(`Injected fault: stored ${results.length} results for device ${deviceId}, then dropped the connection`);
    res.destroy();
    return;
  }
  if (fault?.kind === 'malformed') {
    sendMalformed(res, context.faults.injected.malformed);
    return;
  }

  const count = (status: string) => results.filter((result) => result.status === status).length;
  context.log(
    `Device ${deviceId} sent ${results.length} events: ${count('accepted')} accepted, ` +
      `${count('duplicate')} duplicate, ${count('rejected')} rejected`,
  );

  const body: EventBatchResponse = { results };
  sendJson(res, 200, body);
}

function requireLoopback(req: IncomingMessage): void {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    throw new HttpError(403, 'forbidden', 'The admin endpoints accept requests from this machine (loopback) only.');
  }
}

function listEvents(context: Context, req: IncomingMessage, res: ServerResponse): void {
  requireLoopback(req);
  sendJson(res, 200, { events: context.store.listEvents() });
}

/** Serves the device's policy with a strong ETag; a matching If-None-Match gets 304 and no body. */
function servePolicy(context: Context, req: IncomingMessage, res: ServerResponse): void {
  authenticate(context, req);
  if (context.policy === null) {
    throw new HttpError(404, 'no_policy', 'This server assigns no policy; the device keeps the policy it has.');
  }

  const { document, etag } = context.policy;
  const wanted = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
  if (wanted.includes(etag) || wanted.includes('*')) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
    res.end();
    return;
  }
  sendJson(res, 200, document, { ETag: etag, 'Cache-Control': 'no-cache' });
}

function createRoutes(context: Context): Routes {
  return new Map<string, Record<string, RouteHandler>>([
    ['/v1/enroll', { POST: (req, res) => enroll(context, req, res) }],
    ['/v1/events', { POST: (req, res) => receiveEvents(context, req, res) }],
    ['/v1/health', { GET: (_req, res) => sendJson(res, 200, { ok: true }) }],
    ['/v1/policy', { GET: (req, res) => servePolicy(context, req, res) }],
    ['/admin/events', { GET: (req, res) => listEvents(context, req, res) }],
    ...requestsRoutes({
      store: new RequestsStore(context.store.database),
      policy: context.policy?.document ?? null,
      now: context.now,
      authenticate: (req) => authenticate(context, req),
      requireLoopback,
      hasDevice: (deviceId) => context.store.hasDevice(deviceId),
      log: context.log,
    }),
    ...createClaimsRoutes({ store: context.store, authenticate: (req) => authenticate(context, req), requireLoopback, log: context.log }),
    ...helpdeskRoutes({ store: context.store, authenticate: (req) => authenticate(context, req), requireLoopback, log: context.log }),
    ['/__down', { GET: handleDownload }],
    ['/__up', { POST: (req, res) => handleUpload(req, res) }],
  ]);
}

/** Finds the route, runs it, and turns every failure into a JSON error reply. */
async function dispatch(routes: Routes, log: (line: string) => void, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://central.invalid');

  try {
    const route = routes.get(url.pathname);
    if (!route) {
      const known = [...routes.keys()].join(', ');
      throw new HttpError(404, 'not_found', `No endpoint at ${url.pathname}. Known paths: ${known}.`);
    }

    const handler = route[method];
    if (!handler) {
      const allowed = Object.keys(route).join(', ');
      throw new HttpError(405, 'method_not_allowed', `${url.pathname} does not accept ${method}; use ${allowed}.`, { Allow: allowed });
    }

    await handler(req, res, url);
  } catch (error) {
    if (res.headersSent) {
      log(`${method} ${url.pathname} failed after the reply started: ${(error as Error).message}`);
      res.destroy();
      return;
    }
    if (error instanceof HttpError) {
      sendError(res, error);
      return;
    }
    log(`${method} ${url.pathname} failed: ${(error as Error).stack ?? String(error)}`);
    sendError(res, new HttpError(500, 'internal_error', 'The central server failed to handle the request; see its log.'));
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Starts the server; the returned close() stops it, ends open connections and closes the database. */
export async function startCentralServer(options: CentralServerOptions = {}): Promise<CentralServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.logger ?? (() => {});
  const store = new CentralStore(options.dbPath ?? ':memory:');
  const faults = new FaultInjector(options.faultRandom);
  faults.configure(options.faults ?? null);
  const policy = options.policy ? { document: options.policy, etag: `"${sha256(JSON.stringify(options.policy)).slice(0, 32)}"` } : null;
  const routes = createRoutes({ policy, store, faults, enrollmentCodes: new Set(options.enrollmentCodes ?? ['DEMO']), log, now: options.now ?? Date.now });

  const server = createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${Math.round(performance.now() - started)} ms`));
    void dispatch(routes, log, req, res);
  });

  try {
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    store.close();
    throw new Error(`The central server cannot listen on ${host}:${options.port ?? 0}: ${(error as Error).message}`, { cause: error });
  }

  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`Central server listening on ${url}`);

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => {
        store.close();
        log('Central server stopped');
        resolve();
      });
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, port, faults, close };
}
