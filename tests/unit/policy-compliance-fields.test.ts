// The optional compliance settings of the policy: the NUT server for the UPS and the VPN's HTTPS probe.
import { describe, expect, it } from 'vitest';
import { policySchema } from '../../electron/core/policy/schema';
import { articleProfile } from '../../electron/core/policy/profiles';

const fingerprint = 'AB:'.repeat(31) + 'CD';

describe('policy compliance fields', () => {
  it('accepts a NUT server and fills in the standard port', () => {
    const policy = policySchema.parse({ ...articleProfile, power: { ...articleProfile.power, nut: { host: 'ups.local' } } });

    expect(policy.power.nut).toEqual({ host: 'ups.local', port: 3493 });
  });

  it('accepts a pinned probe with or without colons', () => {
    const withColons = policySchema.parse({ ...articleProfile, vpn: { ...articleProfile.vpn, probe: { url: 'https://intranet.agency.test/', sha256: fingerprint } } });
    const without = policySchema.safeParse({ ...articleProfile, vpn: { ...articleProfile.vpn, probe: { url: 'https://10.77.0.10/', sha256: 'ab'.repeat(32) } } });

    expect(withColons.vpn.probe?.sha256).toBe(fingerprint);
    expect(without.success).toBe(true);
  });

  it('rejects a probe over plain HTTP', () => {
    const result = policySchema.safeParse({ ...articleProfile, vpn: { ...articleProfile.vpn, probe: { url: 'http://intranet.agency.test/', sha256: fingerprint } } });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must start with https://');
  });

  it('rejects a short fingerprint, saying what is expected', () => {
    const result = policySchema.safeParse({ ...articleProfile, vpn: { ...articleProfile.vpn, probe: { url: 'https://intranet.agency.test/', sha256: 'AB:CD' } } });

    expect(result.error?.issues[0]?.message).toContain('64 hex digits');
  });

  it('keeps profiles without these fields valid', () => {
    const policy = policySchema.parse(articleProfile);

    expect(policy.power.nut).toBeUndefined();
    expect(policy.vpn.probe).toBeUndefined();
  });
});
