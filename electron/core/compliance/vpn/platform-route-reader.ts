// Picks the route reader of the operating system the companion runs on.
import { runCommand, type CommandRunner } from '../platform-command';
import { LinuxRouteReader } from './linux-route-reader';
import { MacosRouteReader } from './macos-route-reader';
import type { RouteReader } from './route-reader';
import { WindowsRouteReader } from './windows-route-reader';

/** Returns the reader for `platform`, or null where none exists (the check is then `unknown`). */
export function routeReaderFor(platform: NodeJS.Platform, run: CommandRunner = runCommand): RouteReader | null {
  if (platform === 'linux') return new LinuxRouteReader();
  if (platform === 'win32') return new WindowsRouteReader(run);
  if (platform === 'darwin') return new MacosRouteReader(run);
  return null;
}
