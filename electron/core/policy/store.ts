import type { z } from 'zod';
import { writeTransaction, type Database } from '../storage/database';
import { builtInProfiles, DEFAULT_PROFILE_ID } from './profiles';
import { policySchema, type Policy } from './schema';

/** A profile that failed validation; the message names each field and why, and nothing was changed. */
export class PolicyValidationError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(
      'The policy profile was rejected and the previous one stays in force: ' +
        issues.map((issue) => `${issue.path || '(profile)'}: ${issue.message}`).join('; '),
    );
    this.name = 'PolicyValidationError';
  }
}

export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Validates an untrusted profile (from the central system or a file) without installing it. */
export function parsePolicy(candidate: unknown): Policy {
  const result = policySchema.safeParse(candidate);
  if (!result.success) throw new PolicyValidationError(describeIssues(result.error));
  return result.data;
}

export class PolicyStore {
  private current: Policy;
  private readonly listeners = new Set<(policy: Policy) => void>();

  constructor(private readonly db: Database) {
    this.current = this.loadActive();
  }

  active(): Policy {
    return this.current;
  }

  /** Installs and activates a profile; a malformed one throws PolicyValidationError and leaves the active one in place. */
  install(candidate: unknown, installedAt: number): Policy {
    const policy = parsePolicy(candidate);
    writeTransaction(this.db, () => {
      this.db.prepare('UPDATE policy_profiles SET active = 0 WHERE active = 1').run();
      this.db
        .prepare(
          `INSERT INTO policy_profiles (id, version, profile_json, installed_at, active) VALUES (?, ?, ?, ?, 1)
           ON CONFLICT (id, version) DO UPDATE SET profile_json = excluded.profile_json, active = 1`,
        )
        .run(policy.id, policy.version, JSON.stringify(policy), installedAt);
    });
    this.current = policy;
    for (const listener of this.listeners) listener(policy);
    return policy;
  }

  /** Subscribes to installed profiles, e.g. to rebuild reminders; returns a function that unsubscribes. */
  onInstalled(listener: (policy: Policy) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Activates one of the built-in profiles by id. */
  useBuiltIn(id: string, installedAt: number): Policy {
    const profile = builtInProfiles.find((candidate) => candidate.id === id);
    if (!profile) {
      const known = builtInProfiles.map((candidate) => candidate.id).join(', ');
      throw new Error(`Unknown policy profile "${id}". Built-in profiles: ${known}.`);
    }
    return this.install(profile, installedAt);
  }

  private loadActive(): Policy {
    const row = this.db.prepare('SELECT profile_json FROM policy_profiles WHERE active = 1').get() as
      | { profile_json: string }
      | undefined;
    if (row) {
      const stored = policySchema.safeParse(JSON.parse(row.profile_json));
      if (stored.success) return stored.data;
    }
    return builtInProfiles.find((profile) => profile.id === DEFAULT_PROFILE_ID)!;
  }
}
