// The VPN check: reads from the kernel how it would route traffic to each internal subnet, and whether
// the outgoing interface is a live tunnel.
import type { CheckResult } from '../../../../shared/domain';
import type { Logger } from '../../logger';
import { monotonicMs, type CheckOutcome } from '../check-result';
import { decideVpn, routeFinding, vpnPolicyValues, type LanOverlap, type SubnetRouteFacts, type VpnFacts, type VpnPolicy } from './decision';
import { probeHttps } from './https-probe';
import { CommandUnavailableError } from '../platform-command';
import { readDnsSuffixHint, type DnsSuffixHint } from './dns-suffix';
import * as messages from './messages';
import { routeReaderFor } from './platform-route-reader';
import type { RouteReader } from './route-reader';
import { parseSubnet, probeAddress, subnetsOverlap } from './subnet';
import { classifyLink, type TunnelClassification } from './tunnel';

export interface VpnCheckOptions {
  vpn: VpnPolicy;
  now: () => number;
  logger: Logger;
  platform?: NodeJS.Platform;
  /** Route reader to use instead of the platform's own. */
  reader?: RouteReader;
  /** Reader of the configured DNS suffixes; the platform's own by default. */
  readDnsSuffixes?: (expected: readonly string[]) => Promise<DnsSuffixHint>;
}

export async function runVpnCheck(options: VpnCheckOptions): Promise<CheckResult> {
  const startedAt = options.now();
  const started = monotonicMs();
  const outcome = await vpnOutcome(options);
  return { check: 'vpn', ...outcome, startedAt, durationMs: monotonicMs() - started };
}

async function vpnOutcome(options: VpnCheckOptions): Promise<CheckOutcome> {
  const platform = options.platform ?? process.platform;
  const reader = options.reader ?? routeReaderFor(platform);

  if (reader === null) {
    return {
      verdict: 'unknown',
      summary: messages.unsupportedPlatformSummary(platform),
      evidence: { platform, routeReader: null },
      policy: vpnPolicyValues(options.vpn),
      remediation: messages.unsupportedPlatformRemediation,
    };
  }

  let facts: VpnFacts;
  try {
    facts = await readVpnFacts(reader, options.vpn);
  } catch (error) {
    // A missing tool shows nothing about the VPN, so the check is `unknown`. Any other failure is the check's own `error`.
    if (!(error instanceof CommandUnavailableError)) throw error;
    options.logger.warn('VPN routes not readable', { command: error.command });
    return commandUnavailableOutcome(error, platform, options.vpn);
  }

  const expectedSuffixes = options.vpn.dnsSuffixes ?? [];
  if (expectedSuffixes.length > 0) {
    const readSuffixes = options.readDnsSuffixes ?? ((expected: readonly string[]) => readDnsSuffixHint(expected, { platform }));
    facts.dnsSuffixHint = await readSuffixes(expectedSuffixes);
  }

  // The probe waits for a timeout when the host is unreachable, so it runs only when the routes alone would pass.
  if (options.vpn.probe && facts.routes.length > 0 && facts.routes.every((route) => routeFinding(route) === 'through-tunnel')) {
    facts.probe = await probeHttps(options.vpn.probe.url, options.vpn.probe.sha256);
  }
  const outcome = decideVpn(facts, options.vpn);
  options.logger.info('VPN routes read', { subnets: facts.routes.length, verdict: outcome.verdict });
  return outcome;
}

/** Reads the route of every internal subnet and the link behind it; each interface is read once. */
export async function readVpnFacts(reader: RouteReader, policy: VpnPolicy): Promise<VpnFacts> {
  const links = new Map<string, Promise<TunnelClassification>>();
  const classify = (device: string): Promise<TunnelClassification> => {
    let link = links.get(device);
    if (!link) {
      link = reader.link(device).then(classifyLink);
      links.set(device, link);
    }
    return link;
  };

  const routes = await Promise.all(
    policy.internalSubnets.map(async (cidr): Promise<SubnetRouteFacts> => {
      const address = probeAddress(parseSubnet(cidr));
      const route = await reader.routeTo(address);
      const link = route.kind === 'route' ? await classify(route.device) : null;
      return { subnet: cidr, probeAddress: address, route, link };
    }),
  );

  const hints = policy.adapterHints.map((hint) => hint.toLowerCase());
  const names = hints.length > 0 ? await reader.linkNames() : [];
  const hintedAdapters = names.filter((name) => hints.some((hint) => name.toLowerCase().includes(hint)));

  const lanOverlaps = reader.localSubnets ? findLanOverlaps(policy.internalSubnets, await reader.localSubnets()) : [];

  return { routes, hintedAdapters, lanOverlaps };
}

function findLanOverlaps(internalSubnets: readonly string[], local: readonly { device: string; cidr: string }[]): LanOverlap[] {
  const overlaps: LanOverlap[] = [];
  for (const internal of internalSubnets) {
    for (const lan of local) {
      if (subnetsOverlap(parseSubnet(internal), parseSubnet(lan.cidr))) overlaps.push({ internalSubnet: internal, lanSubnet: lan.cidr, device: lan.device });
    }
  }
  return overlaps;
}

function commandUnavailableOutcome(error: CommandUnavailableError, platform: string, vpn: VpnPolicy): CheckOutcome {
  return {
    verdict: 'unknown',
    summary: messages.commandUnavailableSummary(error.command),
    evidence: { platform, routeReader: null, error: error.message },
    policy: vpnPolicyValues(vpn),
    remediation: messages.unsupportedPlatformRemediation,
  };
}
