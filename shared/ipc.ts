// The one IPC contract between the renderer and the core. The preload builds window.companion from
// it, the Electron main process registers its handlers through one checking wrapper, and the loopback
// WebSocket bridge used by the browser tests serves the same calls from the same handlers.
import { z } from 'zod';
import {
  attendanceStatusSchema,
  attestationKindSchema,
  attestationSchema,
  checkNameSchema,
  companionStatusSchema,
  complianceSnapshotSchema,
  deadExportSchema,
  flushResultSchema,
  languageSchema,
  localizedTextSchema,
  outboxListSchema,
  outboxStateSchema,
  workModeSchema,
} from './domain';
import { claimsCalls } from './ipc-claims';
import { complianceCalls } from './ipc-compliance';
import { loginItemCalls } from './ipc-login-item';
import { privacyCalls } from './ipc-privacy';
import { reportsCalls } from './ipc-reports';
import { requestsCalls } from './ipc-requests';
import { shellCalls } from './ipc-shell';
import { requestAlertSchema, requestsSummarySchema } from './requests';
import { jobCategorySchema, officeExceptionSchema, returnChoiceSchema, workPlaceSchema, workTimeViewSchema } from './worktime';

const empty = z.object({}).strict();

const coreCalls = {
  getStatus: { input: empty, output: companionStatusSchema },
  checkIn: { input: z.object({ mode: workModeSchema }).strict(), output: attendanceStatusSchema },
  checkOut: { input: empty, output: attendanceStatusSchema },
  runCheck: {
    input: z.object({ skipSpeed: z.boolean().optional() }).strict(),
    output: complianceSnapshotSchema,
  },
  /** Re-runs one check alone ("Periksa ulang") and stores a snapshot with the other checks unchanged. */
  runSingleCheck: { input: z.object({ check: checkNameSchema }).strict(), output: complianceSnapshotSchema },
  getAttestations: { input: empty, output: z.array(attestationSchema) },
  /** Records the user's declaration of one standard the companion cannot measure, dated today in the policy zone. */
  declareAttestation: { input: z.object({ kind: attestationKindSchema, holds: z.boolean() }).strict(), output: z.array(attestationSchema) },
  flushOutbox: { input: empty, output: flushResultSchema },
  listOutbox: {
    input: z.object({ states: z.array(outboxStateSchema).optional(), limit: z.number().int().min(1).max(5000).optional() }).strict(),
    output: outboxListSchema,
  },
  retryDead: { input: z.object({ ids: z.array(z.string().min(1)).min(1).max(5000) }).strict(), output: z.object({ retried: z.number().int() }) },
  exportDead: { input: empty, output: deadExportSchema },
  dismissStorageNotice: { input: empty, output: z.object({ dismissed: z.boolean() }) },
  getWorkTime: {
    input: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').optional() }).strict(),
    output: workTimeViewSchema,
  },
  decideAway: { input: z.object({ awayId: z.string().min(1), choice: returnChoiceSchema }).strict(), output: workTimeViewSchema },
  postponeAway: { input: z.object({ awayId: z.string().min(1) }).strict(), output: workTimeViewSchema },
  /** Plans a day as WFH or office (with an optional exception); place null removes the plan. */
  planWfhDay: {
    input: z
      .object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
        place: workPlaceSchema.nullable(),
        exception: officeExceptionSchema.nullable(),
      })
      .strict(),
    output: workTimeViewSchema,
  },
  setJobCategory: { input: z.object({ category: jobCategorySchema }).strict(), output: workTimeViewSchema },
  getLanguage: { input: empty, output: z.object({ language: languageSchema }) },
  setLanguage: {
    input: z.object({ language: languageSchema }).strict(),
    output: z.object({ language: languageSchema }),
  },
} as const;

/** Every call of the contract: the core's own and each feature's (shared/ipc-*.ts). */
export const ipcCalls = {
  ...coreCalls,
  ...complianceCalls,
  ...requestsCalls,
  ...reportsCalls,
  ...claimsCalls,
  ...privacyCalls,
  ...loginItemCalls,
  ...shellCalls,
};

export type IpcCallName = keyof typeof ipcCalls;
export type IpcInput<K extends IpcCallName> = z.input<(typeof ipcCalls)[K]['input']>;
export type IpcOutput<K extends IpcCallName> = z.output<(typeof ipcCalls)[K]['output']>;

/** Events the core pushes to the renderer. */
export const ipcEvents = {
  statusChanged: companionStatusSchema,
  /** Requests were received, acknowledged, answered or became overdue; the page reloads with listRequests. */
  requestsChanged: requestsSummarySchema,
  /** An alert for one request (new, reminder, overdue), raised once; the shell shows it as a notification. */
  requestAlert: requestAlertSchema,
} as const;

export type IpcEventName = keyof typeof ipcEvents;
export type IpcEventPayload<K extends IpcEventName> = z.output<(typeof ipcEvents)[K]>;

export const ipcCallNames = Object.keys(ipcCalls) as IpcCallName[];
export const ipcEventNames = Object.keys(ipcEvents) as IpcEventName[];

/** Prefix of every Electron IPC channel, so the main process can reject anything else. */
export const IPC_CHANNEL_PREFIX = 'companion:';

export function callChannel(name: IpcCallName): string {
  return `${IPC_CHANNEL_PREFIX}call:${name}`;
}

export function eventChannel(name: IpcEventName): string {
  return `${IPC_CHANNEL_PREFIX}event:${name}`;
}

export const ipcErrorSchema = z.object({
  code: z.enum(['invalid_input', 'forbidden_sender', 'failed', 'unknown_call']),
  /** English text for logs and developers. */
  message: z.string(),
  /** What the person should read, in both languages, when the core provided it. */
  text: localizedTextSchema.optional(),
  /** The form field the error is about (e.g. `activities.2.description`), so a page can show the text beside it. */
  field: z.string().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The object the preload exposes as window.companion, one method per contract call. */
export type CompanionApi = {
  [K in IpcCallName]: (input: IpcInput<K>) => Promise<IpcResult<IpcOutput<K>>>;
} & {
  /** Subscribes to a pushed event; returns a function that unsubscribes. */
  on<K extends IpcEventName>(event: K, listener: (payload: IpcEventPayload<K>) => void): () => void;
};
