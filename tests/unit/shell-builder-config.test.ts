// electron-builder.yml: parsed with the YAML parser electron-builder itself uses, checked for the
// settings the shell depends on, and validated against electron-builder's own schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../electron/main/app-id';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

// js-yaml and app-builder-lib arrive with electron-builder and ship no TypeScript types.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  executableName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: Array<{ from: string; to: string }>;
  win: { target: string[] };
  nsis: Record<string, unknown>;
  linux: { target: string[]; category: string };
  deb: { depends: string[] };
  mac: { target: string[] };
  afterPack: string;
}

/** Compiles node_modules/app-builder-lib/scheme.json (JSON Schema draft-07) with Ajv. */
function schemaValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  // The schema carries electron-builder's own annotation keywords, which strict mode would reject.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

const config = yaml.load(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('uses the AppUserModelID as appId', () => {
    expect(config.appId).toBe('id.pendampingkerja.asn');
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('Pendamping Kerja ASN');
    expect(config.executableName).toBe('asn-companion');
  });

  it('builds the installers for each platform', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.category).toBe('Office');
    expect(config.directories.output).toBe('release');
  });

  it('installs per user with a chosen folder', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createStartMenuShortcut: true,
    });
  });

  it('unpacks native addons from the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node', 'native/**']);
  });

  it('flips the fuses after packing', () => {
    expect(config.afterPack).toBe('./build/fuses.mjs');
  });

  it('matches the schema shipped with electron-builder', () => {
    const validate = schemaValidator();

    const valid = validate(config);

    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('fails the schema on an unknown key', () => {
    const validate = schemaValidator();

    expect(validate({ ...config, nsis: { ...config.nsis, perMachien: false } })).toBe(false);
    expect(validate({ ...config, afterPak: './build/fuses.mjs' })).toBe(false);
  });

  it('packages bundles, not sources', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));

    expect(included).toEqual(['dist/**', 'dist-electron/**', 'native/**', 'package.json']);
  });

  it('keeps the Node build of better-sqlite3', () => {
    // An in-place rebuild for Electron would break the tests and the CLI on the packaging machine.
    expect(config.npmRebuild).toBe(false);
  });

  it('ships the tray icons as resources', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'build/tray', to: 'tray' }));
  });

  it('declares the AppIndicator dependency', () => {
    expect(config.deb.depends).toContain('libayatana-appindicator3-1 | libappindicator3-1');
    expect(config.deb.depends).toContain('libsecret-1-0');
  });

  it('passes electron-builder validation', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('fails validation on a misspelt option', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, oneClik: false } };

    await expect(validateConfiguration(misspelt, { isEnabled: false, add: () => {} })).rejects.toThrow(/configuration\.nsis/);
  });
});
