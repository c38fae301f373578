// Chooses the better-sqlite3 native module for the running runtime. Node (tests, CLI) and Electron
// have different module ABIs, so one install keeps two builds: Node's in node_modules, and Electron's
// in native/electron-v<ABI>-<platform>-<arch>/, built by `npm run rebuild:electron`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_MODULE_FILE = 'better_sqlite3.node';

export interface RuntimeFacts {
  /** process.versions: `electron` is set only inside Electron; `modules` is the ABI number. */
  versions: { electron?: string; modules: string };
  platform: string;
  arch: string;
}

/** Folder name of the Electron build for one ABI, platform and architecture, e.g. electron-v150-linux-x64. */
export function electronBuildFolder(abi: string, platform: string, arch: string): string {
  return `electron-v${abi}-${platform}-${arch}`;
}

/**
 * Returns the path of the Electron build of better-sqlite3 inside one of the roots (the app folder,
 * and app.asar.unpacked in a packaged app), or undefined under plain Node, where better-sqlite3
 * finds its own build. Inside Electron without a build it also returns undefined, and opening the
 * database then fails with NODE_MODULE_VERSION, which describeNativeLoadError explains.
 */
export function resolveNativeBinding(
  runtime: RuntimeFacts,
  roots: readonly string[],
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (!runtime.versions.electron) return undefined;

  const folder = electronBuildFolder(runtime.versions.modules, runtime.platform, runtime.arch);
  for (const root of roots) {
    const candidate = join(root, 'native', folder, NATIVE_MODULE_FILE);
    if (exists(candidate)) return candidate;
  }
  return undefined;
}

/** Adds what to do to a native-module load error; returns null for any other error. */
export function describeNativeLoadError(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  // Node marks every failed load of a native module with ERR_DLOPEN_FAILED; the texts cover older versions.
  const dlopenFailed = (error as { code?: unknown } | null)?.code === 'ERR_DLOPEN_FAILED';
  if (!dlopenFailed && !/NODE_MODULE_VERSION|invalid ELF header|not a valid Win32 application/.test(message)) {
    return null;
  }
  return (
    'The SQLite module (better-sqlite3) was built for another runtime. ' +
    'From source, run "npm run rebuild:electron" for the desktop app, or "npm rebuild better-sqlite3" for the tests and the CLI.'
  );
}
