// A cheap fingerprint of the network set-up: one getifaddrs call, no traffic. It changes when an
// interface comes or goes (a VPN tunnel, Wi-Fi to tethering) or an address changes (a new DHCP lease).
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** Returns the sorted non-loopback interfaces with their addresses as one string. */
export function networkSignature(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string {
  const entries: string[] = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const address of addresses ?? []) {
      if (address.internal) continue;
      entries.push(`${name} ${address.family} ${address.address}/${address.netmask}`);
    }
  }
  return entries.sort().join('\n');
}
