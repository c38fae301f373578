// C22: tests on Node and the app on Electron each load a better-sqlite3 build for their own ABI from
// one install. The Electron half needs the Electron binary, which cannot be installed here, so these
// tests cover the choice of build, the option reaching better-sqlite3, and the message on a mismatch.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, StorageError } from '../../electron/core/storage/database';
import { describeNativeLoadError, resolveNativeBinding } from '../../electron/core/storage/native-binding';

const require = createRequire(import.meta.url);
const nodeBuild = join(resolve(require.resolve('better-sqlite3/package.json'), '..'), 'build', 'Release', 'better_sqlite3.node');

describe('resolveNativeBinding', () => {
  const electron = { versions: { electron: '45.6.1', modules: '150' }, platform: 'linux', arch: 'x64' };

  it('uses the default build under Node', () => {
    const node = { versions: { modules: '115' }, platform: 'linux', arch: 'x64' };
    expect(resolveNativeBinding(node, ['/app'], () => true)).toBeUndefined();
  });

  it('finds the Electron build for its ABI', () => {
    const wanted = '/app/native/electron-v150-linux-x64/better_sqlite3.node';
    expect(resolveNativeBinding(electron, ['/app'], (path) => path === wanted)).toBe(wanted);
  });

  it('prefers the unpacked folder of a packaged app', () => {
    const unpacked = '/opt/asn/resources/app.asar.unpacked/native/electron-v150-linux-x64/better_sqlite3.node';
    const found = resolveNativeBinding(electron, ['/opt/asn/resources/app.asar', '/opt/asn/resources/app.asar.unpacked'], (path) => path === unpacked);
    expect(found).toBe(unpacked);
  });

  it('ignores builds for another ABI', () => {
    const other = '/app/native/electron-v146-linux-x64/better_sqlite3.node';
    expect(resolveNativeBinding(electron, ['/app'], (path) => path === other)).toBeUndefined();
  });
});

describe('openDatabase with nativeBinding', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'asnc-native-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the build it is given', () => {
    // A copy at another path proves the option reaches better-sqlite3 instead of its default lookup.
    const copy = join(dir, 'better_sqlite3.node');
    copyFileSync(nodeBuild, copy);
    const db = openDatabase(join(dir, 'data'), { nativeBinding: copy });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('explains a build that cannot load', () => {
    const broken = join(dir, 'not-a-module.node');
    writeFileSync(broken, 'not an ELF file');
    expect(() => openDatabase(join(dir, 'data'), { nativeBinding: broken })).toThrow(StorageError);
    expect(() => openDatabase(join(dir, 'data'), { nativeBinding: broken })).toThrow(/npm run rebuild:electron/);
  });
});

describe('describeNativeLoadError', () => {
  it('explains an ABI mismatch', () => {
    const error = new Error(
      'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 150. This version of Node.js requires NODE_MODULE_VERSION 115.',
    );
    expect(describeNativeLoadError(error)).toContain('npm run rebuild:electron');
  });

  it('leaves other errors alone', () => {
    expect(describeNativeLoadError(new Error('SQLITE_CANTOPEN: unable to open database file'))).toBeNull();
  });
});
