// Agency helpdesk contacts and extra steps from the policy at the end of a failing check's remediation.
// This machine has no battery and no UPS, so the backup-power check really fails.
import { describe, expect, it } from 'vitest';
import { withAgencyRemediation } from '../../electron/core/compliance/agency-remediation';
import { runCompliance } from '../../electron/core/compliance/runner';
import { createLogger, silentSink } from '../../electron/core/logger';
import { articleProfile } from '../../electron/core/policy/profiles';
import { policySchema, type Policy } from '../../electron/core/policy/schema';
import type { CheckResult } from '../../shared/domain';

const agencySupport = {
  contacts: [
    {
      name: { id: 'Helpdesk TI Biro Umum', en: 'the General Bureau IT helpdesk' },
      phone: '+62 21 5550 1234',
      email: 'helpdesk@instansi.example',
      hours: { id: 'Senin–Jumat 08.00–16.00 WIB', en: 'Monday to Friday 08:00–16:00 WIB' },
    },
  ],
  remediation: {
    power: [{ id: 'Pinjam UPS dari gudang Biro Umum dengan formulir BU-7.', en: 'Borrow a UPS from the General Bureau store with form BU-7.' }],
  },
};

const withSupport: Policy = policySchema.parse({ ...articleProfile, agencySupport });

function run(policy: Policy) {
  return runCompliance({ policy, speedEndpoint: null, skipSpeed: true, now: Date.now, logger: createLogger(silentSink) });
}

describe('agency support in remediation', () => {
  it('ends a failing check with the agency steps', async () => {
    const power = (await run(withSupport)).checks.find((check) => check.check === 'power')!;
    const plain = (await run(articleProfile)).checks.find((check) => check.check === 'power')!;

    expect(power.verdict).toBe('fail');
    expect(power.remediation.slice(0, -2)).toEqual(plain.remediation);
    expect(power.remediation.at(-2)).toEqual(agencySupport.remediation.power[0]);
    expect(power.remediation.at(-1)?.id).toBe(
      'Bila masih belum teratasi, hubungi Helpdesk TI Biro Umum: telepon +62 21 5550 1234, surel helpdesk@instansi.example, layanan Senin–Jumat 08.00–16.00 WIB.',
    );
    expect(power.remediation.at(-1)?.en).toBe(
      'If this does not solve it, contact the General Bureau IT helpdesk: phone +62 21 5550 1234, e-mail helpdesk@instansi.example, hours Monday to Friday 08:00–16:00 WIB.',
    );
  });

  it('leaves unknown checks alone', async () => {
    const vpn = (await run(withSupport)).checks.find((check) => check.check === 'vpn')!;

    expect(vpn.verdict).toBe('unknown');
    expect(vpn.remediation.some((step) => step.id.includes('Helpdesk TI Biro Umum'))).toBe(false);
  });

  it('adds nothing without agency support', async () => {
    const snapshot = await run(articleProfile);
    const steps = snapshot.checks.flatMap((check) => check.remediation.map((step) => step.id));

    expect(steps.some((step) => step.includes('hubungi Helpdesk'))).toBe(false);
    expect(articleProfile.agencySupport).toBeUndefined();
  });

  it('adds contacts to a warning without own steps', () => {
    const warning: CheckResult = {
      check: 'vpn',
      verdict: 'warn',
      summary: { id: 'x', en: 'x' },
      evidence: {},
      policy: {},
      remediation: [],
      startedAt: 0,
      durationMs: 1,
    };

    const result = withAgencyRemediation(warning, withSupport.agencySupport);

    expect(result.remediation).toHaveLength(1);
    expect(result.remediation[0]?.en).toContain('helpdesk@instansi.example');
  });

  it('leaves a pass unchanged', () => {
    const pass: CheckResult = { check: 'power', verdict: 'pass', summary: { id: 'x', en: 'x' }, evidence: {}, policy: {}, remediation: [], startedAt: 0, durationMs: 1 };

    expect(withAgencyRemediation(pass, withSupport.agencySupport)).toBe(pass);
  });

  it('rejects a contact nobody can reach', () => {
    const result = policySchema.safeParse({ ...articleProfile, agencySupport: { contacts: [{ name: { id: 'Helpdesk', en: 'Helpdesk' } }] } });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('is missing both a phone number and an e-mail address');
  });

  it('rejects a malformed e-mail by example', () => {
    const result = policySchema.safeParse({ ...articleProfile, agencySupport: { contacts: [{ name: { id: 'A', en: 'A' }, email: 'helpdesk at menpan' }] } });

    expect(result.error?.issues[0]?.message).toContain('must be an e-mail address');
  });
});
