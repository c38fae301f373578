// A UPS that the operating system reports as a battery (Windows lists USB HID UPSes among the
// batteries; UPower does the same on Linux desktops). It is judged as a UPS, not as a laptop battery,
// because its design capacity is rarely reported and its runtime matters more than its health.
import type { Systeminformation } from 'systeminformation';
import type { UpsReading } from './ups-reading';

const upsPattern = /\bUPS\b|uninterruptible/i;

/** True when systeminformation's battery entry describes a UPS rather than a laptop battery. */
export function isUpsBattery(battery: Systeminformation.BatteryData): boolean {
  return battery.hasBattery && [battery.type, battery.model, battery.manufacturer].some((text) => upsPattern.test(text ?? ''));
}

/** Splits battery() into the laptop batteries (as one BatteryData) and the UPS readings. */
export function splitOsUps(data: Systeminformation.BatteryData): { laptop: Systeminformation.BatteryData; ups: UpsReading[] } {
  const all = [data, ...(data.additionalBatteries ?? [])].filter((battery) => battery.hasBattery);
  const upses = all.filter(isUpsBattery);
  if (upses.length === 0) return { laptop: data, ups: [] };

  const batteries = all.filter((battery) => !isUpsBattery(battery));
  const laptop: Systeminformation.BatteryData =
    batteries.length > 0
      ? { ...batteries[0]!, additionalBatteries: batteries.slice(1) }
      : { ...data, hasBattery: false, additionalBatteries: [], designedCapacity: 0, maxCapacity: 0, currentCapacity: 0, percent: 0 };
  return { laptop, ups: upses.map(osUpsReading) };
}

function osUpsReading(battery: Systeminformation.BatteryData): UpsReading {
  const onBattery = !battery.acConnected;
  // systeminformation gives the remaining time in minutes, and 0 or null when it is not known.
  const runtimeSeconds = Number.isFinite(battery.timeRemaining) && battery.timeRemaining > 0 ? battery.timeRemaining * 60 : null;

  return {
    kind: 'ups',
    server: 'os',
    ups: {
      name: [battery.manufacturer, battery.model].filter((part) => part && part.trim().length > 0).join(' ') || 'UPS',
      flags: [onBattery ? 'OB' : 'OL', ...(battery.isCharging ? ['CHRG'] : [])],
      onLine: !onBattery,
      onBattery,
      lowBattery: false,
      replaceBattery: false,
      forcedShutdown: false,
      alarm: null,
      chargePercent: Number.isFinite(battery.percent) ? battery.percent : null,
      runtimeSeconds,
      model: battery.model || null,
    },
  };
}
