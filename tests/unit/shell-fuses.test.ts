// The afterPack hook's Electron fuses, flipped by @electron/fuses itself in a file that carries a fuse
// wire laid out as in the Electron binary: the sentinel, the wire version, the length, one byte a fuse.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack, { fuseConfig, fuseSettings } from '../../build/fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's byte: ASCII '0' off, '1' on (FuseState in @electron/fuses, which the package does not export). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Writes a stand-in executable whose eight fuses are all enabled, as in a stock Electron build. */
function binaryWithFuses(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fuses-'));
  folders.push(folder);
  const path = join(folder, 'asn-companion');
  const wire = Buffer.concat([Buffer.from('ELF padding '), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('11111111'), Buffer.from(' tail')]);
  writeFileSync(path, wire);
  return path;
}

async function flippedWire(platform: string) {
  const path = binaryWithFuses();
  await afterPack({
    electronPlatformName: platform,
    packager: { addElectronFuses: async (_context, fuses) => (await import('@electron/fuses')).flipFuses(path, { ...fuses, resetAdHocDarwinSignature: false }) },
  });
  return { wire: await getCurrentFuseWire(path), bytes: readFileSync(path) };
}

describe('Electron fuses', () => {
  it('turns off run-as-node and NODE_OPTIONS', async () => {
    const { wire } = await flippedWire('linux');

    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
  });

  it('loads the app only from a checked asar', async () => {
    const { wire } = await flippedWire('win32');

    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
  });

  it('encrypts cookies', async () => {
    const { wire } = await flippedWire('linux');

    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('leaves the rest of the binary alone', async () => {
    const { bytes } = await flippedWire('linux');

    expect(bytes.subarray(0, 12).toString()).toBe('ELF padding ');
    expect(bytes.subarray(-5).toString()).toBe(' tail');
  });

  it('sets every fuse but the V8 snapshot one', () => {
    const set = Object.keys(fuseSettings).map(Number).sort();

    expect(set).toEqual([0, 1, 2, 3, 4, 5, 7]);
  });

  it('renews the ad-hoc signature on macOS only', () => {
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('win32').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('linux').version).toBe(FuseVersion.V1);
  });
});
