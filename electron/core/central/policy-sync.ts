// Keeps the device's policy in step with the one the central system assigns. GET /v1/policy is sent
// with the ETag of the installed copy, so an unchanged policy costs one 304 and no database write.
import type { Logger } from '../logger';
import type { PolicyStore } from '../policy/store';
import type { Database } from '../storage/database';
import { readSetting, writeSetting } from '../storage/settings';
import type { CentralClient } from './client';

/** ETag of the policy document installed from the central system. */
const POLICY_ETAG_SETTING = 'central_policy_etag';

/**
 * Time between two policy checks during background delivery. An agency changes its policy rarely
 * and a change may wait an hour; every check is still one request per device.
 */
export const POLICY_SYNC_INTERVAL_MS = 60 * 60_000;

export type PolicySyncOutcome = 'updated' | 'unchanged' | 'none' | 'not_enrolled' | 'failed' | 'invalid';

export interface PolicySyncOptions {
  db: Database;
  policies: PolicyStore;
  client: () => Promise<CentralClient | null>;
  now: () => number;
  logger: Logger;
  intervalMs?: number;
}

export class PolicySync {
  private lastCheckAt: number | null = null;
  private running: Promise<PolicySyncOutcome> | null = null;

  constructor(private readonly options: PolicySyncOptions) {}

  /** Checks the central policy when the last check is older than the interval (or never ran). */
  async syncIfDue(): Promise<PolicySyncOutcome | 'not_due'> {
    const intervalMs = this.options.intervalMs ?? POLICY_SYNC_INTERVAL_MS;
    if (this.lastCheckAt !== null && this.options.now() - this.lastCheckAt < intervalMs) return 'not_due';
    return this.sync();
  }

  /** Fetches and installs the assigned policy now; never throws, and one check runs at a time. */
  sync(): Promise<PolicySyncOutcome> {
    this.running ??= this.fetchAndInstall().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async fetchAndInstall(): Promise<PolicySyncOutcome> {
    const client = await this.options.client();
    if (client === null) return 'not_enrolled';
    this.lastCheckAt = this.options.now();

    const etag = readSetting(this.options.db, POLICY_ETAG_SETTING);
    let fetched: Awaited<ReturnType<CentralClient['fetchPolicy']>>;
    try {
      fetched = await client.fetchPolicy(etag);
    } catch (error) {
      this.options.logger.warn('Policy check failed; keeping the installed policy', { error: (error as Error).message });
      return 'failed';
    }

    if (fetched.status !== 'updated') return fetched.status;
    return this.install(fetched.document.profile, fetched.etag);
  }

  private install(profile: unknown, etag: string | null): PolicySyncOutcome {
    try {
      const policy = this.options.policies.install(profile, this.options.now());
      writeSetting(this.options.db, POLICY_ETAG_SETTING, etag);
      this.options.logger.info('Installed the policy assigned by the central system', { id: policy.id, version: policy.version });
      return 'updated';
    } catch (error) {
      // The ETag is not stored, so the next check fetches the document again once the server fixes it.
      this.options.logger.error('The central system sent a policy that failed validation; keeping the installed policy', {
        error: (error as Error).message,
      });
      return 'invalid';
    }
  }
}
