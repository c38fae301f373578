// Helpdesk endpoints of the reference server. Devices register their snapshot signing key with
// enrollment or with PUT /v1/device-key. An administrator on this machine lists every device with its
// latest snapshot and that snapshot's verification (GET /admin/devices as JSON, GET /helpdesk as HTML).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deviceKeyRequestSchema, type HelpdeskDevice } from '../shared/central-api';
import { complianceSnapshotSchema } from '../shared/domain';
import { helpdeskStore, type HelpdeskDeviceRow } from './helpdesk-store';
import { renderHelpdeskPage } from './helpdesk-page';
import { keyIdOf, parsePublicKey, verifySnapshotPayload } from './helpdesk-verify';
import { parseRequest, readJson, sendJson } from './http';
import type { CentralStore } from './store';

const KEY_BODY_LIMIT = 4 * 1024;

export interface HelpdeskRoutesContext {
  store: CentralStore;
  /** Returns the calling device's id or raises 401. */
  authenticate: (req: IncomingMessage) => string;
  requireLoopback: (req: IncomingMessage) => void;
  log: (line: string) => void;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/**
 * Validates the key sent with an enrollment before the device is created, so a bad key leaves no
 * device behind (400). Returns null when the request carried no key.
 */
export function enrollmentPublicKey(publicKey: string | undefined): string | null {
  if (publicKey === undefined) return null;
  parsePublicKey(publicKey);
  return publicKey;
}

/** Stores the key of a device that has just enrolled. */
export function registerEnrollmentKey(store: CentralStore, deviceId: string, publicKey: string | null, at: number): void {
  if (publicKey !== null) helpdeskStore(store).registerKey(deviceId, publicKey, at);
}

/** Records an authenticated request of the device, for "last seen". */
export function markDeviceSeen(store: CentralStore, deviceId: string, at: number): void {
  helpdeskStore(store).markSeen(deviceId, at);
}

/** Builds the facts of one device, verifying its newest snapshot against its registered key. */
function describeDevice(store: CentralStore, row: HelpdeskDeviceRow): HelpdeskDevice {
  const payloadJson = helpdeskStore(store).latestSnapshotPayload(row.deviceId);
  let latestSnapshot: HelpdeskDevice['latestSnapshot'] = null;

  if (payloadJson !== null) {
    const verification = verifySnapshotPayload(payloadJson, row.publicKey);
    // The columns come from the payload as stored, edited or not, so the page shows what was received.
    const content = complianceSnapshotSchema.safeParse(parseJsonOrNull(payloadJson));
    latestSnapshot = content.success
      ? {
          id: content.data.id,
          createdAt: content.data.createdAt,
          overall: content.data.overall,
          checks: content.data.checks.map((check) => ({ check: check.check, verdict: check.verdict })),
          verification,
        }
      : { id: '', createdAt: 0, overall: 'error', checks: [], verification };
  }

  return {
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    enrolledAt: row.enrolledAt,
    lastSeenAt: row.lastSeenAt,
    keyId: row.publicKey === null ? null : keyIdOf(row.publicKey),
    latestSnapshot,
  };
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function listDevices(store: CentralStore): HelpdeskDevice[] {
  return helpdeskStore(store)
    .devices()
    .map((row) => describeDevice(store, row));
}

async function putDeviceKey(context: HelpdeskRoutesContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const deviceId = context.authenticate(req);
  const request = parseRequest(deviceKeyRequestSchema, await readJson(req, KEY_BODY_LIMIT));
  parsePublicKey(request.publicKey);

  helpdeskStore(context.store).registerKey(deviceId, request.publicKey, Date.now());
  const keyId = keyIdOf(request.publicKey);
  context.log(`Device ${deviceId} registered signing key ${keyId}`);
  sendJson(res, 200, { keyId });
}

function servePage(context: HelpdeskRoutesContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  context.requireLoopback(req);
  const language = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
  const html = renderHelpdeskPage(listDevices(context.store), language);
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    // The page has no script of its own; this keeps any markup that slipped past escaping inert.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}

/** Builds the helpdesk routes, to spread into the server's route map. */
export function helpdeskRoutes(context: HelpdeskRoutesContext): [string, Record<string, Handler>][] {
  return [
    ['/v1/device-key', { PUT: (req, res) => putDeviceKey(context, req, res) }],
    [
      '/admin/devices',
      {
        GET: (req, res) => {
          context.requireLoopback(req);
          sendJson(res, 200, { devices: listDevices(context.store) });
        },
      },
    ],
    ['/helpdesk', { GET: (req, res, url) => servePage(context, req, res, url) }],
  ];
}
