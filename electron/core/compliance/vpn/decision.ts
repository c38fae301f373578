// The VPN verdict as a pure function of the routing facts: the agency VPN counts as connected only
// when the kernel sends traffic for every internal subnet through a tunnel that has a carrier. An
// adapter that merely exists never counts, because VPN clients leave theirs installed while disconnected.
import type { LocalizedText } from '../../../../shared/domain';
import type { Policy } from '../../policy/schema';
import type { CheckOutcome } from '../check-result';
import type { DnsSuffixHint } from './dns-suffix';
import type { ProbeResult } from './https-probe';
import * as messages from './messages';
import type { RouteDecision } from './route-reader';
import type { TunnelClassification } from './tunnel';

export type VpnPolicy = Policy['vpn'];

/** Returns the policy values the route evidence is held against. */
export function vpnPolicyValues(policy: VpnPolicy): Record<string, unknown> {
  const dnsSuffixes = policy.dnsSuffixes && policy.dnsSuffixes.length > 0 ? { dnsSuffixes: policy.dnsSuffixes } : {};
  return { internalSubnets: policy.internalSubnets, adapterHints: policy.adapterHints, ...dnsSuffixes, probe: policy.probe ?? null };
}

/** The kernel's routing of traffic to one internal subnet. */
export interface SubnetRouteFacts {
  subnet: string;
  /** The host address inside the subnet that the kernel was asked about. */
  probeAddress: string;
  route: RouteDecision;
  /** Classification of the outgoing interface; null when there is no route. */
  link: TunnelClassification | null;
}

export interface VpnFacts {
  routes: SubnetRouteFacts[];
  /** Interfaces whose name contains one of the policy's adapter hints. */
  hintedAdapters: string[];
  /** The HTTPS probe with the pinned certificate; null when the policy sets none or the routes already failed. */
  probe?: ProbeResult | null;
  /** Internal subnets that overlap a subnet the computer is on directly (home LAN). */
  lanOverlaps?: LanOverlap[];
  /** The configured DNS suffixes against the agency's; a hint only, like the adapters. Absent when the policy names none. */
  dnsSuffixHint?: DnsSuffixHint;
}

export interface LanOverlap {
  internalSubnet: string;
  lanSubnet: string;
  device: string;
}

export type RouteFinding = 'through-tunnel' | 'no-route' | 'not-a-tunnel' | 'tunnel-down';

export function routeFinding(facts: SubnetRouteFacts): RouteFinding {
  if (facts.route.kind === 'no-route' || facts.link === null) return 'no-route';
  if (!facts.link.isTunnel) return 'not-a-tunnel';
  if (!facts.link.carrierUp) return 'tunnel-down';
  return 'through-tunnel';
}

/**
 * Decides from the strongest evidence available. Routes come first: an internal subnet that does not
 * go through a live tunnel fails. When they all do, the HTTPS probe decides if the policy sets one,
 * because a personal full-tunnel VPN or a tunnel whose far end died also routes through a live tunnel.
 * Without a probe, routes through live tunnels pass.
 */
export function decideVpn(facts: VpnFacts, policy: VpnPolicy): CheckOutcome {
  const policyValues = vpnPolicyValues(policy);

  if (policy.internalSubnets.length === 0) {
    return {
      verdict: 'unknown',
      summary: messages.noSubnetsSummary,
      evidence: { hintedAdapters: facts.hintedAdapters, ...(facts.dnsSuffixHint ? { dnsSuffixHint: facts.dnsSuffixHint } : {}) },
      policy: policyValues,
      remediation: messages.noSubnetsRemediation,
    };
  }

  const routes = facts.routes.map((route) => ({ route, finding: routeFinding(route) }));
  const evidence: Record<string, unknown> = {
    routes: routes.map(({ route, finding }) => routeEvidence(route, finding)),
    hintedAdapters: facts.hintedAdapters,
    probe: facts.probe ?? null,
    lanOverlaps: facts.lanOverlaps ?? [],
    ...(facts.dnsSuffixHint ? { dnsSuffixHint: facts.dnsSuffixHint } : {}),
  };
  if (facts.lanOverlaps && facts.lanOverlaps.length > 0) evidence.lanOverlapNote = messages.lanOverlapNote(facts.lanOverlaps);

  const missed = routes.filter(({ finding }) => finding !== 'through-tunnel').map(({ route }) => route.subnet);
  if (missed.length === 0) {
    const devices = [...new Set(routes.map(({ route }) => (route.route.kind === 'route' ? route.route.device : '')))];
    const probe = facts.probe ?? null;
    evidence.strongestEvidence = probe === null ? 'route-through-tunnel' : 'pinned-https-probe';
    if (probe !== null && probe.outcome === 'wrong-certificate') {
      return { verdict: 'fail', summary: messages.wrongCertificateSummary(probe.url), evidence, policy: policyValues, remediation: messages.wrongCertificateRemediation };
    }
    if (probe !== null && probe.outcome !== 'pinned-match') {
      return { verdict: 'fail', summary: messages.probeUnansweredSummary(probe.url, devices), evidence, policy: policyValues, remediation: messages.failRemediation };
    }
    return { verdict: 'pass', summary: messages.passSummary(policy.internalSubnets, devices), evidence, policy: policyValues, remediation: [] };
  }

  // The note is for subnets that bypass the hinted adapters; a route through one of them is described in its own finding.
  const bypassing = routes
    .filter(({ route, finding }) => finding !== 'through-tunnel' && !(route.route.kind === 'route' && facts.hintedAdapters.includes(route.route.device)))
    .map(({ route }) => route.subnet);
  if (facts.hintedAdapters.length > 0 && bypassing.length > 0) {
    evidence.adapterNote = messages.adapterPresentNote(facts.hintedAdapters, bypassing);
  }
  if (facts.dnsSuffixHint && facts.dnsSuffixHint.matched.length > 0) {
    evidence.dnsSuffixNote = messages.dnsSuffixNote(facts.dnsSuffixHint.matched.map((entry) => entry.suffix));
  }
  return { verdict: 'fail', summary: messages.failSummary(missed), evidence, policy: policyValues, remediation: messages.failRemediation };
}

function routeEvidence(facts: SubnetRouteFacts, finding: RouteFinding): Record<string, unknown> {
  const route = facts.route;
  const description: LocalizedText = messages.findingText(finding, facts.subnet, route.kind === 'route' ? route.device : null);

  return {
    subnet: facts.subnet,
    probeAddress: facts.probeAddress,
    finding,
    description,
    device: route.kind === 'route' ? route.device : null,
    gateway: route.kind === 'route' ? route.gateway : null,
    noRouteReason: route.kind === 'no-route' ? route.reason : null,
    tunnel: facts.link?.isTunnel ?? false,
    carrierUp: facts.link?.carrierUp ?? false,
    tunnelReasons: facts.link?.reasons ?? [],
  };
}
