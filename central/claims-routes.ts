// Claim and training endpoints of the reference server: the device fetches its claim statuses and
// training record (conditional GET with an ETag); loopback administrators decide claims and set
// training records.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  claimDecisionRequestSchema,
  claimSubmittedPayloadSchema,
  setTrainingRequestSchema,
  type CentralClaimStatus,
} from '../shared/central-api';
import { HttpError, parseRequest, readJson, sendJson } from './http';
import { ClaimsStore } from './claims-store';
import type { CentralStore } from './store';

const ADMIN_BODY_LIMIT = 256 * 1024;

type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface FeatureRouteContext {
  store: CentralStore;
  /** Returns the device id of the request's bearer token, or raises a 401 HttpError. */
  authenticate: (req: IncomingMessage) => string;
  /** Raises a 403 HttpError unless the request comes from loopback. */
  requireLoopback: (req: IncomingMessage) => void;
  log: (line: string) => void;
}

/**
 * The claim.submitted payload as the server accepts it: the wire schema, plus each receipt's base64
 * decoding to exactly its stated size and SHA-256, so a corrupted upload is rejected, not stored.
 */
export const claimSubmittedEventSchema = claimSubmittedPayloadSchema.superRefine((payload, context) => {
  payload.receipts.forEach((receipt, index) => {
    const content = Buffer.from(receipt.contentBase64, 'base64');
    if (content.length !== receipt.sizeBytes) {
      context.addIssue({ code: 'custom', path: ['receipts', index, 'contentBase64'], message: `decodes to ${content.length} bytes, not sizeBytes ${receipt.sizeBytes}` });
      return;
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (sha256 !== receipt.sha256) {
      context.addIssue({ code: 'custom', path: ['receipts', index, 'contentBase64'], message: `has SHA-256 ${sha256}, not the stated ${receipt.sha256}` });
    }
  });
});

/** Sends the body with a strong ETag of its JSON; a matching If-None-Match gets 304 without a body. */
function sendConditional(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32)}"`;
  const wanted = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
  if (wanted.includes(etag) || wanted.includes('*')) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
    res.end();
    return;
  }
  sendJson(res, 200, body, { ETag: etag, 'Cache-Control': 'no-cache' });
}

function publicStatus({ deviceId: _deviceId, ...status }: CentralClaimStatus & { deviceId: string }): CentralClaimStatus {
  return status;
}

async function decideClaim(context: FeatureRouteContext, claims: ClaimsStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  context.requireLoopback(req);
  const request = parseRequest(claimDecisionRequestSchema, await readJson(req, ADMIN_BODY_LIMIT));
  const claim = claims.claim(request.claimId);
  if (claim === null) {
    throw new HttpError(404, 'unknown_claim', `No claim has the id "${request.claimId}". Deliver the device's outbox first, then decide.`);
  }

  const now = Date.now();
  if (request.action === 'reject') {
    if (!request.reason) throw new HttpError(400, 'reason_required', 'A rejection needs a reason the claimant can act on; send it in "reason".');
    if (claim.status === 'paid') throw new HttpError(409, 'already_paid', `Claim ${claim.claimId} is already paid and cannot be rejected.`);
    claims.decide(claim.claimId, 'rejected', request.reason, now);
  } else if (request.action === 'approve') {
    if (claim.status === 'paid') throw new HttpError(409, 'already_paid', `Claim ${claim.claimId} is already paid.`);
    claims.decide(claim.claimId, 'approved', null, now);
  } else {
    if (claim.status !== 'approved' && claim.status !== 'paid') {
      throw new HttpError(409, 'not_approved', `Claim ${claim.claimId} is ${claim.status}; approve it before marking it paid.`);
    }
    if (claim.status === 'approved') claims.markPaid(claim.claimId, now);
  }

  context.log(`Claim ${claim.claimId}: ${request.action}`);
  sendJson(res, 200, publicStatus(claims.claim(claim.claimId)!));
}

async function setTraining(context: FeatureRouteContext, claims: ClaimsStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  context.requireLoopback(req);
  const request = parseRequest(setTrainingRequestSchema, await readJson(req, ADMIN_BODY_LIMIT));
  if (!context.store.hasDevice(request.deviceId)) {
    throw new HttpError(404, 'unknown_device', `No enrolled device has the id "${request.deviceId}".`);
  }
  const { deviceId, ...record } = request;
  claims.setTraining(deviceId, record, Date.now());
  context.log(`Training record of device ${deviceId} set: ${record.modules.length} modules, ${record.certificates.length} certificates`);
  sendJson(res, 200, record);
}

/** The claim and training routes, to be merged into the server's route map. */
export function createClaimsRoutes(context: FeatureRouteContext): [string, Record<string, RouteHandler>][] {
  const claims = new ClaimsStore(context.store.database);
  return [
    ['/v1/claims', { GET: (req, res) => sendConditional(req, res, { claims: claims.claimsOf(context.authenticate(req)).map(publicStatus) }) }],
    ['/v1/training', { GET: (req, res) => sendConditional(req, res, claims.trainingOf(context.authenticate(req))) }],
    ['/admin/claims/decision', { POST: (req, res) => decideClaim(context, claims, req, res) }],
    ['/admin/training', { POST: (req, res) => setTraining(context, claims, req, res) }],
  ];
}
