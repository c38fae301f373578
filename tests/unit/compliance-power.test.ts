import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { batteryFacts, type BatteryFacts } from '../../electron/core/compliance/power/battery-facts';
import { decidePower, type PowerPolicy } from '../../electron/core/compliance/power/decision';

const policy: PowerPolicy = { minBatteryHealthPercent: 80, minChargePercent: 50, minUpsRuntimeSeconds: 600 };

/** Builds a battery() result shaped like systeminformation's, for a 50 000 mWh laptop battery. */
function battery(overrides: Partial<Systeminformation.BatteryData> = {}): Systeminformation.BatteryData {
  return {
    hasBattery: true,
    cycleCount: 212,
    isCharging: false,
    voltage: 11.4,
    designedCapacity: 50_000,
    maxCapacity: 45_000,
    currentCapacity: 40_500,
    capacityUnit: 'mWh',
    percent: 90,
    timeRemaining: 0,
    acConnected: true,
    type: 'Li-ion',
    model: 'TEST-BAT',
    manufacturer: 'TEST',
    serial: '0001',
    ...overrides,
  };
}

const noBattery: Systeminformation.BatteryData = battery({
  hasBattery: false,
  cycleCount: 0,
  designedCapacity: 0,
  maxCapacity: 0,
  currentCapacity: 0,
  capacityUnit: '',
  percent: 0,
});

const decide = (data: Systeminformation.BatteryData) => decidePower(batteryFacts(data), policy);

describe('power decision', () => {
  it('passes on AC at 95% charge with 90% health', () => {
    const outcome = decide(battery({ percent: 95, maxCapacity: 45_000, acConnected: true }));

    expect(outcome.verdict).toBe('pass');
    expect(outcome.evidence.healthPercent).toBe(90);
    expect(outcome.evidence.chargePercent).toBe(95);
    expect(outcome.evidence.acConnected).toBe(true);
    expect(outcome.remediation).toEqual([]);
  });

  it('fails at 62% health', () => {
    const outcome = decide(battery({ maxCapacity: 31_000 }));

    expect(outcome.verdict).toBe('fail');
    expect(outcome.evidence.healthPercent).toBe(62);
    expect(outcome.summary.id).toContain('62%');
    expect(outcome.summary.id).toContain('80%');
  });

  it('is unknown with designed capacity 0', () => {
    const outcome = decide(battery({ designedCapacity: 0 }));

    expect(outcome.verdict).toBe('unknown');
    expect(outcome.evidence.healthPercent).toBeNull();
  });

  it('fails with no battery', () => {
    const outcome = decide(noBattery);

    expect(outcome.verdict).toBe('fail');
    expect(outcome.evidence.hasBattery).toBe(false);
    expect(outcome.summary.id).toContain('Tidak ada baterai atau UPS terdeteksi');
    expect(outcome.remediation.length).toBeGreaterThan(0);
  });

  it('warns on low charge without AC', () => {
    const outcome = decide(battery({ percent: 30, acConnected: false }));

    expect(outcome.verdict).toBe('warn');
    expect(outcome.summary.en).toContain('30%');
  });

  it('does not warn on low charge while on AC', () => {
    expect(decide(battery({ percent: 30, acConnected: true })).verdict).toBe('pass');
  });

  it('warns on low charge with unknown health', () => {
    const outcome = decide(battery({ designedCapacity: 0, percent: 20, acConnected: false }));

    expect(outcome.verdict).toBe('warn');
    expect(outcome.evidence.healthPercent).toBeNull();
    expect(outcome.remediation.length).toBe(2);
  });

  it('adds two batteries together', () => {
    const data = battery({
      designedCapacity: 24_000,
      maxCapacity: 22_000,
      currentCapacity: 11_000,
      percent: 50,
      additionalBatteries: [battery({ designedCapacity: 24_000, maxCapacity: 14_000, currentCapacity: 14_000, percent: 100 })],
    });

    const facts: BatteryFacts = batteryFacts(data);
    const outcome = decidePower(facts, policy);

    expect(facts.batteryCount).toBe(2);
    expect(facts.designedCapacity).toBe(48_000);
    expect(facts.maxCapacity).toBe(36_000);
    expect(facts.chargePercent).toBeCloseTo((25_000 / 36_000) * 100, 6);
    expect(outcome.evidence.healthPercent).toBe(75);
    expect(outcome.verdict).toBe('fail');
  });
});
