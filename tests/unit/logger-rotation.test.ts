// The log file sink: size-based rotation into a bounded number of files.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, fileSink } from '../../electron/core/logger';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'logger-rotation-'));
  folders.push(folder);
  return folder;
}

function lines(folder: string, file: string): string[] {
  return readFileSync(join(folder, 'logs', file), 'utf8').split('\n').filter((line) => line !== '');
}

describe('fileSink rotation', () => {
  it('keeps at most maxFiles files', () => {
    const folder = dataDir();
    const logger = createLogger(fileSink(folder, { maxBytes: 1000, maxFiles: 3 }), 'test');

    for (let index = 0; index < 200; index += 1) logger.info('Line written', { index });

    expect(readdirSync(join(folder, 'logs')).sort()).toEqual(['companion.1.log', 'companion.2.log', 'companion.log']);
    for (const file of readdirSync(join(folder, 'logs'))) expect(statSync(join(folder, 'logs', file)).size).toBeLessThanOrEqual(1000);
  });

  it('keeps the newest lines in order', () => {
    const folder = dataDir();
    const logger = createLogger(fileSink(folder, { maxBytes: 1000, maxFiles: 3 }), 'test');

    for (let index = 0; index < 200; index += 1) logger.info('Line written', { index });

    const newest = lines(folder, 'companion.log').map((line) => JSON.parse(line).index as number);
    const before = lines(folder, 'companion.1.log').map((line) => JSON.parse(line).index as number);
    expect(newest.at(-1)).toBe(199);
    expect(before.at(-1)).toBe(newest[0]! - 1);
  });

  it('continues a file left by an earlier run', () => {
    const folder = dataDir();
    createLogger(fileSink(folder, { maxBytes: 300 }), 'first').info('From the first run');

    const second = createLogger(fileSink(folder, { maxBytes: 300 }), 'second');
    second.info('From the second run', { padding: 'x'.repeat(200) });

    expect(lines(folder, 'companion.1.log').map((line) => JSON.parse(line).message)).toEqual(['From the first run']);
    expect(lines(folder, 'companion.log').map((line) => JSON.parse(line).message)).toEqual(['From the second run']);
  });

  it('writes one oversized line whole', () => {
    const folder = dataDir();
    const logger = createLogger(fileSink(folder, { maxBytes: 100 }), 'test');

    logger.info('Long', { padding: 'y'.repeat(500) });

    expect(lines(folder, 'companion.log')).toHaveLength(1);
    expect(readdirSync(join(folder, 'logs'))).toEqual(['companion.log']);
  });
});
