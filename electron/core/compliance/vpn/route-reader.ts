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
}
