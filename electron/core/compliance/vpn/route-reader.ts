import type { LinkFacts } from './tunnel';

/** The kernel's routing decision for one destination address. */
export type RouteDecision =
  | { kind: 'route'; device: string; gateway: string | null; sourceAddress: string | null; type: string | null }
  | { kind: 'no-route'; reason: string };

/**
 * Reader of the operating system's routing decisions. Implementations never send packets, because
 * they only query the kernel for the route it would use.
 */
export interface RouteReader {
  routeTo(address: string): Promise<RouteDecision>;
  link(device: string): Promise<LinkFacts>;
  /** Names of all network interfaces, including ones that are down or have no address. */
  linkNames(): Promise<string[]>;
  /** Subnets of the addresses on the local network interfaces (not loopback, not tunnels); optional for readers that cannot tell. */
  localSubnets?(): Promise<LocalSubnet[]>;
}

/** A subnet the computer is on directly, e.g. the home Wi-Fi's 192.168.1.0/24 on wlan0. */
export interface LocalSubnet {
  device: string;
  cidr: string;
}
