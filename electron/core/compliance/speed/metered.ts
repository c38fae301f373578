// Whether the connection that would carry the speed test is metered (a mobile hotspot, a data plan),
// as the operating system records it. A speed test spends tens of megabytes, so on a metered
// connection it runs only when the policy or the user allows it.
import { z } from 'zod';
import { parsePowerShellJson, runCommand, runPowerShell, type CommandRunner } from '../platform-command';

export type MeteredState = 'yes' | 'no' | 'unknown';

export interface MeteredReading {
  state: MeteredState;
  /** NetworkManager guessed the value (e.g. from a phone's DHCP hint) rather than the user setting it. */
  guessed: boolean;
  /** Source of the reading: "nmcli", "NetworkInformation", or null where the platform has none. */
  source: string | null;
  interface: string | null;
  /** Reason for an unknown state. */
  reason?: string;
}

/** Reads the metered state of the interface that carries the test (null when it is not known). */
export type MeteredDetector = (device: string | null) => Promise<MeteredReading>;

/** Parses `nmcli -t -f GENERAL.METERED device show IFACE`: "GENERAL.METERED:yes (guessed)". */
export function parseNmcliMetered(stdout: string): { state: MeteredState; guessed: boolean } {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('GENERAL.METERED:'));
  const value = line?.slice('GENERAL.METERED:'.length).trim().toLowerCase() ?? '';
  const match = /^(yes|no|unknown)( \(guessed\))?$/.exec(value);
  if (!match?.[1]) return { state: 'unknown', guessed: false };
  return { state: match[1] as MeteredState, guessed: match[2] !== undefined };
}

/**
 * The internet connection profile's cost through WinRT (Windows PowerShell 5.1 only; pwsh cannot load
 * WinRT types). NetworkCostType is Unknown, Unrestricted, Fixed or Variable; Fixed and Variable are
 * metered, and so is roaming or being over the data limit.
 */
export const WINDOWS_COST_SCRIPT =
  '[void][Windows.Networking.Connectivity.NetworkInformation, Windows.Networking.Connectivity, ContentType=WindowsRuntime]; ' +
  '$profile = [Windows.Networking.Connectivity.NetworkInformation]::GetInternetConnectionProfile(); ' +
  "if ($null -eq $profile) { @{ connected = $false } | ConvertTo-Json -Compress } else { " +
  '$cost = $profile.GetConnectionCost(); ' +
  '@{ connected = $true; profileName = $profile.ProfileName; networkCostType = [string]$cost.NetworkCostType; roaming = $cost.Roaming; overDataLimit = $cost.OverDataLimit } | ConvertTo-Json -Compress }';

const windowsCostSchema = z.object({
  connected: z.boolean(),
  profileName: z.string().nullish(),
  networkCostType: z.string().nullish(),
  roaming: z.boolean().nullish(),
  overDataLimit: z.boolean().nullish(),
});

export function parseWindowsCost(stdout: string): { state: MeteredState; detail: string } {
  const [entry] = parsePowerShellJson(stdout, 'NetworkInformation').map((item) => windowsCostSchema.parse(item));
  if (!entry?.connected) return { state: 'unknown', detail: 'no internet connection profile' };

  const detail = `cost ${entry.networkCostType ?? 'Unknown'}${entry.roaming ? ', roaming' : ''}${entry.overDataLimit ? ', over data limit' : ''}`;
  if (entry.roaming || entry.overDataLimit || entry.networkCostType === 'Fixed' || entry.networkCostType === 'Variable') return { state: 'yes', detail };
  if (entry.networkCostType === 'Unrestricted') return { state: 'no', detail };
  return { state: 'unknown', detail };
}

/** Builds the detector of this platform: NetworkManager on Linux, WinRT on Windows, none on macOS. */
export function platformMeteredDetector(platform: NodeJS.Platform, run: CommandRunner = runCommand): MeteredDetector {
  if (platform === 'linux') return (device) => readNetworkManager(device, run);
  if (platform === 'win32') return () => readWindowsCost(run);
  // NOTE: macOS keeps "Low Data Mode" per network but offers no command-line reader of it, so it stays unknown.
  return async (device) => ({ state: 'unknown', guessed: false, source: null, interface: device, reason: `no metered-connection reader on ${platform}` });
}

async function readNetworkManager(device: string | null, run: CommandRunner): Promise<MeteredReading> {
  if (device === null) return { state: 'unknown', guessed: false, source: 'nmcli', interface: null, reason: 'the interface of the test is not known' };

  try {
    const { stdout } = await run('nmcli', ['-t', '-f', 'GENERAL.METERED', 'device', 'show', device]);
    return { ...parseNmcliMetered(stdout), source: 'nmcli', interface: device };
  } catch (error) {
    return { state: 'unknown', guessed: false, source: 'nmcli', interface: device, reason: failureReason(error) };
  }
}

async function readWindowsCost(run: CommandRunner): Promise<MeteredReading> {
  try {
    const { state, detail } = parseWindowsCost((await runPowerShell(run, WINDOWS_COST_SCRIPT)).stdout);
    return { state, guessed: false, source: 'NetworkInformation', interface: null, ...(state === 'unknown' ? { reason: detail } : {}) };
  } catch (error) {
    return { state: 'unknown', guessed: false, source: 'NetworkInformation', interface: null, reason: failureReason(error) };
  }
}

function failureReason(error: unknown): string {
  // nmcli exits with 8 when NetworkManager is not running and 10 when the device is not found; the message keeps its output.
  return error instanceof Error ? error.message : String(error);
}
