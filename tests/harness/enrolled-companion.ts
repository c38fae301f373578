// A companion enrolled with the reference central server on 127.0.0.1, in a temporary data folder,
// with a controlled clock and a fetch that records every response status (to tell a 304 from a 200).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentralServer, type CentralServer } from '../../central/server';
import { Companion } from '../../electron/core/companion';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import type { PolicyDocument } from '../../shared/central-api';

export interface EnrolledCompanion {
  companion: Companion;
  central: CentralServer;
  dataDir: string;
  /** HTTP status of every response the companion received, in order. */
  statuses: number[];
  /** Stops the companion and the server and removes the data folder. */
  close(): Promise<void>;
}

export interface EnrolledCompanionOptions {
  /** Wall clock of the companion in UTC milliseconds. */
  now: () => number;
  /** Policy the server assigns at GET /v1/policy; none when absent. */
  policy?: PolicyDocument | null;
}

export async function openEnrolledCompanion(options: EnrolledCompanionOptions): Promise<EnrolledCompanion> {
  const dataDir = mkdtempSync(join(tmpdir(), 'asn-enrolled-'));
  const central = await startCentralServer({ port: 0, enrollmentCodes: ['DEMO'], policy: options.policy ?? null });
  const statuses: number[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };

  const companion = await Companion.open({ dataDir, now: options.now, secretStore: new MemorySecretStore(), logSink: silentSink, fetch: recordingFetch });
  await companion.enroll(central.url, 'DEMO');
  return {
    companion,
    central,
    dataDir,
    statuses,
    close: async () => {
      companion.close();
      await central.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
