// One logger per component, writing JSON lines. Values that may be secret (tokens, report texts)
// are never passed in; callers log ids and counts only.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const levelOrder: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

export interface LogSink {
  write(line: string): void;
}

export interface FileSinkOptions {
  /** Size at which companion.log is rotated, in bytes; 5 MiB by default. */
  maxBytes?: number;
  /** Log files kept, the current one included; 5 by default, so at most about 25 MiB. */
  maxFiles?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_FILES = 5;

function currentSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Shifts companion.log to companion.1.log, companion.1.log to .2 and so on; the oldest is deleted. */
function rotate(folder: string, maxFiles: number): void {
  const name = (index: number) => join(folder, index === 0 ? 'companion.log' : `companion.${index}.log`);
  rmSync(name(maxFiles - 1), { force: true });
  for (let index = maxFiles - 2; index >= 0; index -= 1) {
    if (existsSync(name(index))) renameSync(name(index), name(index + 1));
  }
}

/**
 * Appends JSON lines to companion.log in the logs folder of the data directory, rotating by size
 * into companion.1.log ... companion.N.log, so the folder stays bounded on a laptop that runs all day.
 */
export function fileSink(dataDir: string, options: FileSinkOptions = {}): LogSink {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxFiles = Math.max(1, options.maxFiles ?? DEFAULT_MAX_FILES);
  const folder = join(dataDir, 'logs');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, 'companion.log');
  let size = currentSize(file);

  return {
    write: (line) => {
      const bytes = Buffer.byteLength(line) + 1;
      if (size > 0 && size + bytes > maxBytes) {
        // The CLI may write to the same file from another process, so the size is read again first.
        size = currentSize(file);
        if (size > 0 && size + bytes > maxBytes) {
          rotate(folder, maxFiles);
          size = 0;
        }
      }
      appendFileSync(file, line + '\n', { mode: 0o600 });
      size += bytes;
    },
  };
}

export const silentSink: LogSink = { write: () => {} };

export function createLogger(sink: LogSink, component = 'companion', minLevel: LogLevel = 'info'): Logger {
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (levelOrder[level] < levelOrder[minLevel]) return;
    // The fixed keys come last so that a field named like one of them cannot overwrite it.
    const entry = { ...fields, time: new Date().toISOString(), level, component, message };
    try {
      sink.write(JSON.stringify(entry));
    } catch {
      // A full disk must not take the app down with it; the message is lost, the action is not.
    }
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (name) => createLogger(sink, name, minLevel),
  };
}
