// Reads one UPS through a NUT server into the facts the power verdict depends on.
import { NutClient, NutConnectionError, NutProtocolError, type NutServerAddress } from './nut-client';

const NUT_TIMEOUT_MS = 2_000;

/** The `ups.status` flags the verdict uses; upsd may send others (CHRG, DISCHRG, BYPASS…), kept in `flags`. */
export interface UpsFacts {
  name: string;
  flags: string[];
  onLine: boolean;
  onBattery: boolean;
  lowBattery: boolean;
  replaceBattery: boolean;
  forcedShutdown: boolean;
  /** `ups.alarm`, or null when the UPS reports none. */
  alarm: string | null;
  chargePercent: number | null;
  runtimeSeconds: number | null;
  model: string | null;
}

export type UpsUnavailableReason = 'refused' | 'timeout' | 'unreachable' | 'stale' | 'driver-not-connected' | 'unknown-ups' | 'no-ups' | 'protocol';

export type UpsReading =
  | { kind: 'ups'; server: string; ups: UpsFacts }
  | { kind: 'unavailable'; server: string; ups: string | null; reason: UpsUnavailableReason; detail: string };

export interface NutSettings extends NutServerAddress {
  ups?: string | undefined;
}

/** Converts `LIST VAR` variables into UPS facts. */
export function upsFacts(name: string, vars: ReadonlyMap<string, string>): UpsFacts {
  const flags = (vars.get('ups.status') ?? '').split(/\s+/).filter((flag) => flag.length > 0);
  const alarm = (vars.get('ups.alarm') ?? '').trim();

  return {
    name,
    flags,
    onLine: flags.includes('OL'),
    onBattery: flags.includes('OB'),
    lowBattery: flags.includes('LB'),
    replaceBattery: flags.includes('RB'),
    forcedShutdown: flags.includes('FSD'),
    alarm: alarm.length > 0 || flags.includes('ALARM') ? alarm || 'ALARM' : null,
    chargePercent: numberOrNull(vars.get('battery.charge')),
    runtimeSeconds: numberOrNull(vars.get('battery.runtime')),
    model: vars.get('ups.model') ?? vars.get('device.model') ?? null,
  };
}

/**
 * Asks the NUT server about the UPS the policy names, or the first one it lists. Never throws: a
 * server that refuses, stays silent or reports stale data gives an `unavailable` reading.
 */
export async function readUps(settings: NutSettings): Promise<UpsReading> {
  const server = `${settings.host}:${settings.port}`;
  let client: NutClient | null = null;
  let upsName: string | null = settings.ups ?? null;

  try {
    client = await NutClient.connect(settings, NUT_TIMEOUT_MS);
    if (upsName === null) {
      const listed = await client.listUps();
      if (listed.length === 0) return { kind: 'unavailable', server, ups: null, reason: 'no-ups', detail: `The NUT server ${server} lists no UPS.` };
      upsName = listed[0]!.name;
    }

    const vars = await client.listVars(upsName);
    const facts = upsFacts(upsName, vars);
    if (facts.flags.length === 0 || facts.flags.includes('WAIT')) {
      return { kind: 'unavailable', server, ups: upsName, reason: 'stale', detail: `The UPS ${upsName} on ${server} has no status yet (ups.status "${vars.get('ups.status') ?? ''}").` };
    }
    return { kind: 'ups', server, ups: facts };
  } catch (error) {
    return { kind: 'unavailable', server, ups: upsName, reason: unavailableReason(error), detail: error instanceof Error ? error.message : String(error) };
  } finally {
    await client?.logout();
  }
}

function unavailableReason(error: unknown): UpsUnavailableReason {
  if (error instanceof NutProtocolError) {
    if (error.code === 'DATA-STALE') return 'stale';
    if (error.code === 'DRIVER-NOT-CONNECTED') return 'driver-not-connected';
    if (error.code === 'UNKNOWN-UPS') return 'unknown-ups';
    return 'protocol';
  }
  if (error instanceof NutConnectionError) {
    if (error.code === 'ECONNREFUSED') return 'refused';
    if (error.code === 'ETIMEDOUT') return 'timeout';
    return error.code === null ? 'protocol' : 'unreachable';
  }
  return 'protocol';
}

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}
