import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { batteryFacts } from '../../electron/core/compliance/power/battery-facts';
import { decidePower, type PowerPolicy } from '../../electron/core/compliance/power/decision';
import { splitNutLine } from '../../electron/core/compliance/power/nut-client';
import { isUpsBattery, splitOsUps } from '../../electron/core/compliance/power/os-ups';
import { combinePowerSources } from '../../electron/core/compliance/power/power-check';
import { upsFacts, type UpsReading } from '../../electron/core/compliance/power/ups-reading';

const policy: PowerPolicy = { minBatteryHealthPercent: 80, minChargePercent: 50, minUpsRuntimeSeconds: 600 };

function battery(overrides: Partial<Systeminformation.BatteryData> = {}): Systeminformation.BatteryData {
  return {
    hasBattery: true,
    cycleCount: 100,
    isCharging: false,
    voltage: 11.4,
    designedCapacity: 50_000,
    maxCapacity: 45_000,
    currentCapacity: 45_000,
    capacityUnit: 'mWh',
    percent: 100,
    timeRemaining: 0,
    acConnected: true,
    type: 'Li-ion',
    model: 'TEST-BAT',
    manufacturer: 'TEST',
    serial: '0001',
    ...overrides,
  };
}

const nutReading = (status: string, runtime: number): UpsReading => ({
  kind: 'ups',
  server: '127.0.0.1:3493',
  ups: upsFacts('ups1', new Map([['ups.status', status], ['battery.charge', '100'], ['battery.runtime', String(runtime)]])),
});

describe('NUT protocol lines', () => {
  it('splits quoted values with escapes', () => {
    expect(splitNutLine('VAR ups1 ups.alarm "Replace \\"now\\" \\\\ soon"')).toEqual(['VAR', 'ups1', 'ups.alarm', 'Replace "now" \\ soon']);
    expect(splitNutLine('UPS ups1 "Test UPS"')).toEqual(['UPS', 'ups1', 'Test UPS']);
  });

  it('reads the status flags', () => {
    const facts = upsFacts('ups1', new Map([['ups.status', 'FSD OB LB'], ['battery.charge', '5']]));

    expect(facts).toMatchObject({ forcedShutdown: true, onBattery: true, lowBattery: true, onLine: false, chargePercent: 5, runtimeSeconds: null });
  });
});

describe('backup power from several sources', () => {
  it('keeps the battery verdict without a UPS', () => {
    const batteryOutcome = decidePower(batteryFacts(battery()), policy);

    expect(combinePowerSources(batteryOutcome, [], policy)).toBe(batteryOutcome);
  });

  it('lets a good laptop battery win over a failing UPS, with both in the evidence', () => {
    const batteryOutcome = decidePower(batteryFacts(battery()), policy);

    const combined = combinePowerSources(batteryOutcome, [nutReading('OL RB', 1800)], policy);

    expect(combined.verdict).toBe('pass');
    expect(combined.evidence.ups).toEqual([expect.objectContaining({ status: 'OL RB', verdict: 'fail' })]);
  });

  it('lets a UPS decide on a desktop', () => {
    const desktop = decidePower(batteryFacts(battery({ hasBattery: false, designedCapacity: 0, maxCapacity: 0, percent: 0 })), policy);

    expect(desktop.verdict).toBe('fail');
    expect(combinePowerSources(desktop, [nutReading('OL', 1800)], policy).verdict).toBe('pass');
    expect(combinePowerSources(desktop, [nutReading('OL', 180)], policy).verdict).toBe('fail');
  });
});

describe('a UPS that the OS reports as a battery', () => {
  const osUps = battery({ model: 'Back-UPS ES 700', manufacturer: 'APC', designedCapacity: 0, maxCapacity: 0, percent: 100, timeRemaining: 25 });

  it('is judged as a UPS, not by battery health', () => {
    expect(isUpsBattery(osUps)).toBe(true);
    expect(isUpsBattery(battery())).toBe(false);

    const { laptop, ups } = splitOsUps(osUps);
    const outcome = combinePowerSources(decidePower(batteryFacts(laptop), policy), ups, policy);

    expect(laptop.hasBattery).toBe(false);
    expect(outcome.verdict).toBe('pass');
    expect(outcome.evidence.ups).toEqual([expect.objectContaining({ server: 'os', runtimeSeconds: 1500, status: 'OL' })]);
  });

  it('warns when the OS says the UPS runs on battery', () => {
    const { laptop, ups } = splitOsUps({ ...osUps, acConnected: false });

    expect(combinePowerSources(decidePower(batteryFacts(laptop), policy), ups, policy).verdict).toBe('warn');
  });

  it('keeps the laptop batteries beside it added together', () => {
    const data = battery({ additionalBatteries: [battery({ maxCapacity: 40_000, currentCapacity: 20_000 }), osUps] });

    const { laptop, ups } = splitOsUps(data);

    expect(ups).toHaveLength(1);
    expect(batteryFacts(laptop)).toMatchObject({ batteryCount: 2, designedCapacity: 100_000, maxCapacity: 85_000 });
  });
});
