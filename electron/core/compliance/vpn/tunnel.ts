// Whether a network interface is a tunnel, from the kernel's description of the link.

/** Facts that `ip -d link show` reports about one interface. */
export interface LinkFacts {
  name: string;
  /** Hardware type, e.g. "ether", "none" (tun, WireGuard), "ppp", "loopback". */
  linkType: string | null;
  /** Interface flags, e.g. ["POINTOPOINT", "NOARP", "UP", "LOWER_UP"]. */
  flags: string[];
  operstate: string | null;
  /** Driver kind from the link info, e.g. "tun" (also for tap), "wireguard", "veth"; null when not reported. */
  kind: string | null;
}

export interface TunnelClassification {
  isTunnel: boolean;
  /** The link is administratively up and has a carrier; a tun device whose VPN client has exited has none. */
  carrierUp: boolean;
  /** Facts that made it a tunnel, e.g. ["kind tun", "link_type none", "flag POINTOPOINT"]. */
  reasons: string[];
}

/**
 * Link kinds of VPN and IP tunnel drivers on Linux, and the two that the Windows reader assigns: a
 * software Ethernet adapter (TAP and vendor miniports) and a RAS connection (built-in VPN).
 */
const tunnelKinds = new Set(['tun', 'wireguard', 'ppp', 'ipip', 'gre', 'ip6gre', 'ip6tnl', 'sit', 'vti', 'vti6', 'xfrm', 'software-adapter', 'ras']);

/** Hardware types that only tunnels and point-to-point links use; propVirtual and tunnel are Windows ifType names. */
const tunnelLinkTypes = new Set(['none', 'ppp', 'ipip', 'gre', 'ip6gre', 'sit', 'tunnel6', 'propVirtual', 'tunnel']);

/**
 * Classifies a link as a tunnel from its kind, hardware type and flags. The name is never used.
 * NOTE: a mobile-broadband modem in raw-IP mode or a PPPoE dial-up link also reports link_type
 * "none" or "ppp" and POINTOPOINT, so it classifies as a tunnel. Only an HTTPS probe to an internal
 * host can tell them apart.
 */
export function classifyLink(link: LinkFacts): TunnelClassification {
  const reasons: string[] = [];
  if (link.kind !== null && tunnelKinds.has(link.kind)) reasons.push(`kind ${link.kind}`);
  if (link.linkType !== null && tunnelLinkTypes.has(link.linkType)) reasons.push(`link_type ${link.linkType}`);
  if (link.flags.includes('POINTOPOINT')) reasons.push('flag POINTOPOINT');

  return {
    isTunnel: reasons.length > 0,
    carrierUp: link.flags.includes('UP') && link.flags.includes('LOWER_UP'),
    reasons,
  };
}
