// The contract's calls mapped onto the companion. Both the Electron wrapper and the loopback
// WebSocket bridge dispatch through here, so the renderer sees one behaviour in both.
import { z } from 'zod';
import { ipcCalls, type IpcCallName, type IpcInput, type IpcOutput, type IpcResult } from '../../../shared/ipc';
import type { Companion } from '../companion';
import { AttestationRepository } from '../compliance/attestations';
import { isCompanionError } from '../errors';
import { createClaimsHandlers } from './handlers-claims';
import { createComplianceHandlers } from './handlers-compliance';
import { createLoginItemHandlers } from './handlers-login-item';
import { createPrivacyHandlers } from './handlers-privacy';
import { createReportsHandlers } from './handlers-reports';
import { createRequestsHandlers } from './handlers-requests';
import { createShellHandlers } from './handlers-shell';

export type IpcHandlers = {
  [K in IpcCallName]: (input: z.output<(typeof ipcCalls)[K]['input']>) => Promise<IpcOutput<K>> | IpcOutput<K>;
};

export function createHandlers(companion: Companion): IpcHandlers {
  return {
    getStatus: () => companion.status(),
    checkIn: ({ mode }) => companion.checkIn(mode),
    checkOut: () => companion.checkOut(),
    runCheck: ({ skipSpeed }) => companion.runCheck({ skipSpeed }),
    // Pressing "Periksa ulang" on the speed check is the user's explicit request to measure, even on a metered connection.
    runSingleCheck: ({ check }) => companion.runCheck({ only: check, allowMetered: check === 'speed' }),
    getAttestations: () => new AttestationRepository(companion.db).list(),
    declareAttestation: ({ kind, holds }) =>
      new AttestationRepository(companion.db).declare(kind, holds, companion.status().attendance.today, companion.options.now()),
    flushOutbox: () => companion.flush(),
    listOutbox: ({ states, limit }) => companion.listOutbox({ ...(states ? { states } : {}), ...(limit ? { limit } : {}) }),
    retryDead: ({ ids }) => companion.retryDead(ids),
    exportDead: () => companion.exportDead(),
    dismissStorageNotice: () => companion.dismissStorageNotice(),
    getWorkTime: ({ date }) => companion.workTime(date),
    decideAway: ({ awayId, choice }) => companion.decideAway(awayId, choice),
    postponeAway: ({ awayId }) => companion.postponeAway(awayId),
    planWfhDay: ({ date, place, exception }) => companion.planWfhDay(date, place, exception),
    setJobCategory: ({ category }) => companion.setJobCategory(category),
    getLanguage: () => ({ language: companion.language() }),
    setLanguage: ({ language }) => ({ language: companion.setLanguage(language) }),
    ...createComplianceHandlers(companion),
    ...createRequestsHandlers(companion),
    ...createReportsHandlers(companion),
    ...createClaimsHandlers(companion),
    ...createPrivacyHandlers(companion),
    ...createLoginItemHandlers(),
    ...createShellHandlers(),
  };
}

function isCallName(name: string): name is IpcCallName {
  return Object.prototype.hasOwnProperty.call(ipcCalls, name);
}

/**
 * Validates the input of one call, runs its handler and wraps the outcome. Never throws: an invalid
 * input, an unknown call or a failing handler each become { ok: false, error } with a message.
 */
export async function dispatch(
  handlers: IpcHandlers,
  name: string,
  rawInput: unknown,
): Promise<IpcResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown_call', message: `Unknown call "${name}".` } };
  }

  const parsed = ipcCalls[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
    return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${name}: ${detail}` } };
  }

  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown> | unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const text = isCompanionError(error) ? error.text : undefined;
    const field = isCompanionError(error) ? error.field : undefined;
    return { ok: false, error: { code: 'failed', message, ...(text ? { text } : {}), ...(field ? { field } : {}) } };
  }
}

export type { IpcInput };
