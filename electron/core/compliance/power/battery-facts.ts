import type { Systeminformation } from 'systeminformation';

/** The battery facts the power verdict depends on, with several batteries added together. */
export interface BatteryFacts {
  hasBattery: boolean;
  batteryCount: number;
  /** Capacity when new and when fully charged now, in `capacityUnit` (mWh or mAh); 0 when not reported. */
  designedCapacity: number;
  maxCapacity: number;
  capacityUnit: string;
  chargePercent: number;
  acConnected: boolean;
  isCharging: boolean;
  cycleCount: number;
}

/**
 * Converts systeminformation's battery() result. Laptops with two batteries (systeminformation puts
 * the second in additionalBatteries) count as one store of energy: capacities add up and the charge
 * is the share of the combined full capacity.
 */
export function batteryFacts(data: Systeminformation.BatteryData): BatteryFacts {
  const batteries = [data, ...(data.additionalBatteries ?? [])].filter((battery) => battery.hasBattery);
  if (batteries.length === 0) {
    return {
      hasBattery: false,
      batteryCount: 0,
      designedCapacity: 0,
      maxCapacity: 0,
      capacityUnit: '',
      chargePercent: 0,
      acConnected: data.acConnected,
      isCharging: false,
      cycleCount: 0,
    };
  }

  const sum = (pick: (battery: Systeminformation.BatteryData) => number): number =>
    batteries.reduce((total, battery) => total + (Number.isFinite(pick(battery)) ? pick(battery) : 0), 0);
  const maxCapacity = sum((battery) => battery.maxCapacity);
  const currentCapacity = sum((battery) => battery.currentCapacity);
  // A battery that misses its capacity makes the combined design capacity meaningless, so report 0 (unknown).
  const designedCapacity = batteries.every((battery) => battery.designedCapacity > 0) ? sum((battery) => battery.designedCapacity) : 0;
  const chargePercent =
    batteries.length > 1 && maxCapacity > 0 ? (currentCapacity / maxCapacity) * 100 : sum((battery) => battery.percent) / batteries.length;

  return {
    hasBattery: true,
    batteryCount: batteries.length,
    designedCapacity,
    maxCapacity,
    capacityUnit: batteries[0]!.capacityUnit,
    chargePercent,
    acConnected: batteries.some((battery) => battery.acConnected),
    isCharging: batteries.some((battery) => battery.isCharging),
    cycleCount: Math.max(...batteries.map((battery) => battery.cycleCount || 0)),
  };
}

/** Returns the battery health (full capacity now over design capacity) in percent, or null when either is not reported. */
export function batteryHealthPercent(facts: BatteryFacts): number | null {
  if (!facts.hasBattery || facts.designedCapacity <= 0 || facts.maxCapacity <= 0) return null;
  return (facts.maxCapacity / facts.designedCapacity) * 100;
}
