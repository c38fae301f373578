// Allowance and training settings of the built-in profiles, and profiles stored before they existed.
import { describe, expect, it } from 'vitest';
import { articleProfile, perpresProfile } from '../../electron/core/policy/profiles';
import { policySchema } from '../../electron/core/policy/schema';

describe('allowance policy', () => {
  it('carries the article amounts in rupiah', () => {
    const { types } = articleProfile.allowances;
    expect(types.internet).toEqual({ frequency: 'monthly', amountRupiah: 500_000 });
    expect(types['workspace-setup']).toEqual({ frequency: 'once', amountRupiah: 5_000_000 });
    expect(types.electricity).toEqual({ frequency: 'monthly', amountRupiah: 200_000 });
    expect(articleProfile.allowances.approvalWorkingDays).toBe(14);
  });

  it('carries the article training figures', () => {
    expect(articleProfile.training.deadlineMonths).toBe(6);
    expect(articleProfile.training.competencyAllowanceRupiah).toBe(300_000);
  });

  it('leaves the regulation profile unset', () => {
    expect(Object.values(perpresProfile.allowances.types).map((type) => type.amountRupiah)).toEqual([null, null, null]);
    expect(perpresProfile.allowances.approvalWorkingDays).toBeNull();
    expect(perpresProfile.training.programmeStart).toBeNull();
  });

  it('loads a stored profile without the settings', () => {
    const { allowances: _allowances, training: _training, ...older } = articleProfile;
    const parsed = policySchema.parse(older);
    expect(parsed.allowances.types.internet.amountRupiah).toBeNull();
    expect(parsed.training.programmeStart).toBeNull();
  });

  it('rejects a fractional amount', () => {
    const broken = structuredClone(articleProfile);
    broken.allowances.types.internet.amountRupiah = 500_000.5;
    expect(policySchema.safeParse(broken).success).toBe(false);
  });

  it('rejects a receipt limit above the wire bound', () => {
    const broken = structuredClone(articleProfile);
    broken.allowances.receipts.maxBytes = 8 * 1024 * 1024;
    expect(policySchema.safeParse(broken).success).toBe(false);
  });
});
