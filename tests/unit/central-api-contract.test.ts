// docs/central-api.yaml and the zod schemas in shared/central-api.ts describe the same wire format:
// for every schema of the document, the zod schema (as JSON Schema) has the same fields, the same
// required fields, enums, constants and length bounds, recursively.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as api from '../../shared/central-api';
import { localizedTextSchema } from '../../shared/domain';

type Json = Record<string, unknown>;

const document = load(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'central-api.yaml'), 'utf8')) as Json;
const components = (document.components as Json).schemas as Record<string, Json>;

/** The document's schema name → the zod schema it must match, and whether it describes input (defaults may be absent). */
const pairs: Record<string, { schema: z.ZodType; io: 'input' | 'output' }> = {
  ApiError: { schema: api.apiErrorSchema, io: 'output' },
  EnrollRequest: { schema: api.enrollRequestSchema, io: 'input' },
  EnrollResponse: { schema: api.enrollResponseSchema, io: 'output' },
  EventType: { schema: api.eventTypeSchema, io: 'output' },
  WireEvent: { schema: api.wireEventSchema, io: 'input' },
  EventBatchRequest: { schema: api.eventBatchRequestSchema, io: 'input' },
  EventResult: { schema: api.eventResultSchema, io: 'output' },
  EventBatchResponse: { schema: api.eventBatchResponseSchema, io: 'output' },
  PolicyDocument: { schema: api.policyDocumentSchema, io: 'output' },
  UrgentRequest: { schema: api.urgentRequestSchema, io: 'output' },
  UrgentRequestsResponse: { schema: api.urgentRequestsResponseSchema, io: 'output' },
  RequestAcknowledgedPayload: { schema: api.requestAcknowledgedPayloadSchema, io: 'input' },
  RequestAnsweredPayload: { schema: api.requestAnsweredPayloadSchema, io: 'input' },
  PostUrgentRequest: { schema: api.postUrgentRequestSchema, io: 'input' },
  PostUrgentRequestResponse: { schema: api.postUrgentRequestResponseSchema, io: 'output' },
  HealthResponse: { schema: api.healthResponseSchema, io: 'output' },
  SnapshotSignature: { schema: api.snapshotSignatureSchema, io: 'input' },
  DeviceKeyRequest: { schema: api.deviceKeyRequestSchema, io: 'input' },
  DeviceKeyResponse: { schema: api.deviceKeyResponseSchema, io: 'output' },
  SnapshotVerification: { schema: api.snapshotVerificationSchema, io: 'output' },
  LocalizedText: { schema: localizedTextSchema, io: 'output' },
  HelpdeskDevice: { schema: api.helpdeskDeviceSchema, io: 'output' },
  AdminDevicesResponse: { schema: api.adminDevicesResponseSchema, io: 'output' },
  ReportActivity: { schema: api.reportActivityWireSchema, io: 'input' },
  DailyReportPayload: { schema: api.dailyReportPayloadSchema, io: 'input' },
  WeeklySummaryPayload: { schema: api.weeklySummaryPayloadSchema, io: 'input' },
  ClaimReceipt: { schema: api.claimReceiptWireSchema, io: 'input' },
  ClaimSubmittedPayload: { schema: api.claimSubmittedPayloadSchema, io: 'input' },
  CentralClaimStatus: { schema: api.centralClaimStatusSchema, io: 'output' },
  ClaimStatusesResponse: { schema: api.claimStatusesResponseSchema, io: 'output' },
  ClaimDecisionRequest: { schema: api.claimDecisionRequestSchema, io: 'input' },
  TrainingModule: { schema: api.trainingModuleWireSchema, io: 'input' },
  TrainingCertificate: { schema: api.trainingCertificateWireSchema, io: 'input' },
  TrainingRecord: { schema: api.trainingRecordSchema, io: 'output' },
  SetTrainingRequest: { schema: api.setTrainingRequestSchema, io: 'input' },
};

function resolveRef(schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = components[name];
  if (!target) throw new Error(`The document refers to ${ref}, which it does not define.`);
  return target;
}

/**
 * Reduces a JSON Schema to what the contract promises: type (with nullability), fields, required
 * fields, enum and const values, string and array length bounds. Numeric bounds that zod adds for
 * safe integers, descriptions and formats are left out.
 */
function essence(raw: Json): unknown {
  const schema = resolveRef(raw);

  const variants = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (variants) {
    const nonNull = variants.filter((variant) => variant.type !== 'null');
    if (nonNull.length === 1 && variants.length === 2) return { ...(essence(nonNull[0]!) as Json), nullable: true };
    return { oneOf: variants.map(essence) };
  }

  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const result: Json = { type: types.filter((type) => type !== 'null')[0] };
  if (types.includes('null')) result.nullable = true;
  for (const key of ['enum', 'const', 'minLength', 'maxLength', 'minItems', 'maxItems']) {
    if (schema[key] !== undefined) result[key] = schema[key];
  }
  if (schema.properties) {
    const properties = schema.properties as Record<string, Json>;
    result.properties = Object.fromEntries(Object.keys(properties).sort().map((key) => [key, essence(properties[key]!)]));
    result.required = [...((schema.required as string[] | undefined) ?? [])].sort();
  }
  if (schema.items) result.items = essence(schema.items as Json);
  return result;
}

describe('central API contract', () => {
  it('names a zod schema for every schema of the document', () => {
    expect(Object.keys(components).sort()).toEqual(Object.keys(pairs).sort());
  });

  it.each(Object.keys(pairs))('%s agrees with its zod schema', (name) => {
    const { schema, io } = pairs[name]!;
    const fromZod = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
    expect(essence(components[name]!)).toEqual(essence(fromZod));
  });

  it('uses only schemas it defines', () => {
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(components[ref.split('/').pop()!], ref).toBeDefined();
  });
});
