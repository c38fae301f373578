// Windows route reader on PowerShell's NetTCPIP and NetAdapter modules (Windows 8 / Server 2012 and
// later). Every value is read from ConvertTo-Json output, and enums are written by their names, so no
// translated text is ever parsed.
import { z } from 'zod';
import { CommandUnavailableError, parsePowerShellJson, powerShellString, runCommand, runPowerShell, type CommandRunner } from '../platform-command';
import type { RouteDecision, RouteReader } from './route-reader';
import type { LinkFacts } from './tunnel';

const ipv4Address = /^(\d{1,3})(\.\d{1,3}){3}$/;

/**
 * Find-NetRoute writes two objects: the local address it would send from (IPAddress set) and the route
 * (DestinationPrefix and NextHop set). A failure is caught and written as its error id, which is not
 * translated, e.g. "Windows System Error 1231,Find-NetRoute".
 */
export function findNetRouteScript(address: string): string {
  if (!ipv4Address.test(address)) throw new Error(`Cannot look up a route to "${address}": it is not an IPv4 address.`);
  return (
    'try { ' +
    `Find-NetRoute -RemoteIPAddress ${powerShellString(address)} | Select-Object IPAddress,InterfaceAlias,InterfaceIndex,NextHop,DestinationPrefix | ConvertTo-Json -Compress ` +
    '} catch { @{ errorId = $_.FullyQualifiedErrorId; message = $_.Exception.Message } | ConvertTo-Json -Compress }'
  );
}

/** Adapters, hidden ones included (WAN miniports, vendor VPN miniports), with enums written as names. */
export const GET_NET_ADAPTER_SCRIPT =
  'Get-NetAdapter -IncludeHidden | Select-Object Name,InterfaceDescription,ifIndex,Status,InterfaceType,HardwareInterface,ConnectorPresent,' +
  "@{Name='MediaConnectionState';Expression={[string]$_.MediaConnectionState}} | ConvertTo-Json -Compress";

/** IP interfaces, which also list the built-in (RAS) VPN connections that Get-NetAdapter does not show. */
export const GET_NET_IP_INTERFACE_SCRIPT =
  "Get-NetIPInterface -AddressFamily IPv4 | Select-Object InterfaceAlias,InterfaceIndex,@{Name='ConnectionState';Expression={[string]$_.ConnectionState}} | ConvertTo-Json -Compress";

const routeEntrySchema = z.object({
  IPAddress: z.string().nullish(),
  InterfaceAlias: z.string().nullish(),
  InterfaceIndex: z.number().nullish(),
  NextHop: z.string().nullish(),
  DestinationPrefix: z.string().nullish(),
  errorId: z.string().nullish(),
  message: z.string().nullish(),
});

const adapterSchema = z.object({
  Name: z.string(),
  InterfaceDescription: z.string().nullish(),
  ifIndex: z.number().nullish(),
  Status: z.string().nullish(),
  /** IANA ifType: 6 Ethernet, 23 PPP, 53 proprietary virtual (Wintun, WireGuard), 71 Wi-Fi, 131 tunnel. */
  InterfaceType: z.number().nullish(),
  HardwareInterface: z.boolean().nullish(),
  ConnectorPresent: z.boolean().nullish(),
  MediaConnectionState: z.string().nullish(),
});
export type WindowsAdapter = z.infer<typeof adapterSchema>;

const ipInterfaceSchema = z.object({
  InterfaceAlias: z.string(),
  InterfaceIndex: z.number().nullish(),
  ConnectionState: z.string().nullish(),
});

/**
 * Windows system errors that mean "no route": 1231 network unreachable, 1232 host unreachable,
 * 1168 element not found (GetBestRoute2 with no matching route).
 */
const noRouteErrors = /Windows System Error (1231|1232|1168)\b/;

/** IANA ifType numbers and the link type names that tunnel.ts classifies. */
const interfaceTypeNames: Record<number, string> = { 6: 'ether', 23: 'ppp', 24: 'loopback', 53: 'propVirtual', 71: 'ieee80211', 131: 'tunnel', 243: 'wwanpp', 244: 'wwanpp2' };

/** Parses the output of findNetRouteScript into the routing decision. */
export function parseFindNetRoute(stdout: string, address: string): RouteDecision {
  const entries = parsePowerShellJson(stdout, 'Find-NetRoute').map((entry) => routeEntrySchema.parse(entry));
  const failure = entries.find((entry) => entry.errorId);
  if (failure) {
    if (/CommandNotFoundException/.test(failure.errorId ?? '')) {
      throw new CommandUnavailableError('Find-NetRoute', 'this Windows has no NetTCPIP PowerShell module');
    }
    if (noRouteErrors.test(failure.errorId ?? '')) return { kind: 'no-route', reason: `Find-NetRoute ${address}: ${failure.errorId}` };
    throw new Error(`Find-NetRoute ${address} failed: ${failure.errorId} (${failure.message ?? 'no message'}).`);
  }

  const route = entries.find((entry) => entry.DestinationPrefix);
  if (!route?.InterfaceAlias) return { kind: 'no-route', reason: `Find-NetRoute ${address} returned no route` };

  const source = entries.find((entry) => entry.IPAddress)?.IPAddress ?? null;
  const gateway = route.NextHop && route.NextHop !== '0.0.0.0' ? route.NextHop : null;
  return { kind: 'route', device: route.InterfaceAlias, gateway, sourceAddress: source, type: route.DestinationPrefix ?? null };
}

export function parseNetAdapters(stdout: string): WindowsAdapter[] {
  return parsePowerShellJson(stdout, 'Get-NetAdapter').map((entry) => adapterSchema.parse(entry));
}

/**
 * Describes an adapter in the terms of tunnel.ts. PPP (23), tunnel (131) and proprietary virtual (53)
 * interfaces are tunnels by type. An Ethernet-type adapter with neither hardware nor a connector is a
 * software adapter, as the TAP, AnyConnect and FortiClient adapters are.
 * NOTE: a Hyper-V or other virtual switch adapter is also a software adapter, so a route through one
 * classifies as a tunnel. Only the policy's HTTPS probe tells them apart.
 */
export function adapterLinkFacts(adapter: WindowsAdapter): LinkFacts {
  const type = adapter.InterfaceType ?? null;
  const linkType = type === null ? null : (interfaceTypeNames[type] ?? `iftype-${type}`);
  const software = adapter.HardwareInterface === false && adapter.ConnectorPresent === false && type === 6;
  const up = adapter.Status === 'Up';
  const connected = adapter.MediaConnectionState === 'Connected' || (adapter.MediaConnectionState == null && up);

  return {
    name: adapter.Name,
    linkType,
    flags: [...(up ? ['UP'] : []), ...(up && connected ? ['LOWER_UP'] : [])],
    operstate: adapter.Status ?? null,
    kind: software ? 'software-adapter' : null,
  };
}

/** Facts of a RAS connection (built-in VPN or dial-up), which Windows shows as an IP interface only. */
export function rasLinkFacts(alias: string, connectionState: string | null): LinkFacts {
  const up = connectionState === 'Connected';
  return { name: alias, linkType: 'ppp', flags: up ? ['UP', 'LOWER_UP'] : [], operstate: connectionState, kind: 'ras' };
}

export class WindowsRouteReader implements RouteReader {
  private adapters: Promise<WindowsAdapter[]> | null = null;

  constructor(
    private readonly run: CommandRunner = runCommand,
    private readonly timeoutMs = 10_000,
  ) {}

  async routeTo(address: string): Promise<RouteDecision> {
    const { stdout } = await runPowerShell(this.run, findNetRouteScript(address), this.timeoutMs);
    return parseFindNetRoute(stdout, address);
  }

  async link(device: string): Promise<LinkFacts> {
    const adapter = (await this.readAdapters()).find((candidate) => candidate.Name === device);
    if (adapter) return adapterLinkFacts(adapter);

    const { stdout } = await runPowerShell(this.run, GET_NET_IP_INTERFACE_SCRIPT, this.timeoutMs);
    const entry = parsePowerShellJson(stdout, 'Get-NetIPInterface')
      .map((item) => ipInterfaceSchema.parse(item))
      .find((item) => item.InterfaceAlias === device);
    if (!entry) throw new Error(`Windows routes through "${device}", but neither Get-NetAdapter nor Get-NetIPInterface lists it.`);
    return rasLinkFacts(entry.InterfaceAlias, entry.ConnectionState ?? null);
  }

  /** Adapter names and descriptions: vendors name their adapter in the description ("FortiClient ..."). */
  async linkNames(): Promise<string[]> {
    const names = (await this.readAdapters()).flatMap((adapter) => [adapter.Name, ...(adapter.InterfaceDescription ? [adapter.InterfaceDescription] : [])]);
    return [...new Set(names)];
  }

  /** Reads the adapters once per reader, because one VPN check looks them up several times. */
  private readAdapters(): Promise<WindowsAdapter[]> {
    this.adapters ??= runPowerShell(this.run, GET_NET_ADAPTER_SCRIPT, this.timeoutMs).then(({ stdout }) => parseNetAdapters(stdout));
    return this.adapters;
  }
}
