// IPv4 subnet arithmetic for the VPN check: which address inside an internal subnet to ask the
// kernel about.

export interface Ipv4Subnet {
  /** The subnet as written in the policy, e.g. "10.77.0.0/16". */
  cidr: string;
  /** Network address as an unsigned 32-bit integer. */
  network: number;
  prefixLength: number;
}

/** Parses "a.b.c.d/n"; throws a TypeError naming the value when an octet or the prefix is out of range. */
export function parseSubnet(cidr: string): Ipv4Subnet {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) throw new TypeError(`The internal subnet "${cidr}" is not an IPv4 subnet written a.b.c.d/n, e.g. 10.20.0.0/16.`);

  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefixLength > 32) {
    throw new TypeError(`The internal subnet "${cidr}" has an octet above 255 or a prefix above /32.`);
  }

  const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
  return { cidr, network: (address & mask) >>> 0, prefixLength };
}

/** Returns a host address inside the subnet: the first usable host, or the network itself for /31 and /32. */
export function probeAddress(subnet: Ipv4Subnet): string {
  const host = subnet.prefixLength <= 30 ? subnet.network + 1 : subnet.network;
  return [host >>> 24, (host >>> 16) & 0xff, (host >>> 8) & 0xff, host & 0xff].join('.');
}

/** True when the two subnets share at least one address (one contains the other). */
export function subnetsOverlap(a: Ipv4Subnet, b: Ipv4Subnet): boolean {
  const prefix = Math.min(a.prefixLength, b.prefixLength);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return ((a.network & mask) >>> 0) === ((b.network & mask) >>> 0);
}

/** Returns the subnet an interface address belongs to, e.g. 192.168.1.23 with prefix 24 gives "192.168.1.0/24". */
export function networkCidr(address: string, prefixLength: number): string {
  const subnet = parseSubnet(`${address}/${prefixLength}`);
  const network = subnet.network;
  return `${[network >>> 24, (network >>> 16) & 0xff, (network >>> 8) & 0xff, network & 0xff].join('.')}/${prefixLength}`;
}
