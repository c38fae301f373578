// Urgent-request endpoints of the reference server: an administrator on this machine posts a request
// (POST /admin/requests), devices poll for theirs with an ETag (GET /v1/requests). The device's
// acknowledgement and answer arrive as events on POST /v1/events.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { postUrgentRequestSchema, type PolicyDocument, type UrgentRequestsResponse } from '../shared/central-api';
import type { RequestLevel } from '../shared/requests';
import { HttpError, parseRequest, readJson, sendJson } from './http';
import type { RequestsStore } from './requests-store';

const POST_BODY_LIMIT = 16 * 1024;
const MINUTE = 60_000;

/** The article's deadlines, used when the served policy does not set them: 2 hours and 30 minutes. */
export const FALLBACK_DEADLINE_MINUTES: Record<RequestLevel, number> = { urgent: 120, emergency: 30 };

export interface RequestsRoutesContext {
  store: RequestsStore;
  policy: PolicyDocument | null;
  now: () => number;
  /** Returns the calling device's id or raises 401. */
  authenticate: (req: IncomingMessage) => string;
  requireLoopback: (req: IncomingMessage) => void;
  hasDevice: (deviceId: string) => boolean;
  log: (line: string) => void;
}

/** Minutes the served policy allows for the level (policy.requests.<level>ResponseMinutes), else the article's. */
export function deadlineMinutes(policy: PolicyDocument | null, level: RequestLevel): number {
  const requests = policy?.profile.requests as Record<string, unknown> | undefined;
  const value = requests?.[`${level}ResponseMinutes`];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : FALLBACK_DEADLINE_MINUTES[level];
}

async function postRequest(context: RequestsRoutesContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  context.requireLoopback(req);
  const request = parseRequest(postUrgentRequestSchema, await readJson(req, POST_BODY_LIMIT));
  const deviceId = request.deviceId ?? null;
  if (deviceId !== null && !context.hasDevice(deviceId)) {
    throw new HttpError(404, 'unknown_device', `No enrolled device has the id "${deviceId}". Leave deviceId out to address every device.`);
  }

  const createdAt = context.now();
  const dueAt = request.dueAt ?? createdAt + deadlineMinutes(context.policy, request.level) * MINUTE;
  if (dueAt <= createdAt) {
    throw new HttpError(400, 'invalid_request', `Invalid request: dueAt ${dueAt} is not after the current time ${createdAt}. Give a later deadline or leave dueAt out.`);
  }

  const { level, sender, subject, body } = request;
  const id = context.store.add({ deviceId, level, sender, subject, body, createdAt, dueAt });
  context.log(`${level === 'emergency' ? 'Emergency' : 'Urgent'} request ${id} posted to ${deviceId ?? 'every device'}, due ${new Date(dueAt).toISOString()}`);
  sendJson(res, 201, { id, dueAt });
}

/** Lists the device's requests with a strong ETag over the body; a matching If-None-Match gets 304 and no body. */
function listRequests(context: RequestsRoutesContext, req: IncomingMessage, res: ServerResponse): void {
  const deviceId = context.authenticate(req);
  const body: UrgentRequestsResponse = { requests: context.store.listFor(deviceId) };
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(json).digest('hex').slice(0, 32)}"`;

  const wanted = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
  if (wanted.includes(etag) || wanted.includes('*')) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
    res.end();
    return;
  }
  sendJson(res, 200, body, { ETag: etag, 'Cache-Control': 'no-cache' });
}

/** The acknowledgement endpoint of the first API draft; it recorded no click time and is replaced by events. */
function retiredAcknowledge(context: RequestsRoutesContext, req: IncomingMessage): never {
  context.authenticate(req);
  req.resume();
  throw new HttpError(
    410,
    'gone',
    'POST /v1/requests/ack is retired. Send a request.acknowledged event on POST /v1/events; its occurredAt is the moment the user acknowledged.',
  );
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** The request endpoints, keyed by path and method, for the server's route table. */
export function requestsRoutes(context: RequestsRoutesContext): [string, Record<string, Handler>][] {
  return [
    ['/v1/requests', { GET: (req, res) => listRequests(context, req, res) }],
    ['/v1/requests/ack', { POST: (req) => retiredAcknowledge(context, req) }],
    ['/admin/requests', { POST: (req, res) => postRequest(context, req, res) }],
  ];
}
