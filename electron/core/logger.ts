// One logger per component, writing JSON lines. Values that may be secret (tokens, report texts)
// are never passed in; callers log ids and counts only.
import { appendFileSync, mkdirSync } from 'node:fs';
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

/** Appends lines to companion.log in the logs folder of the data directory. */
export function fileSink(dataDir: string): LogSink {
  const folder = join(dataDir, 'logs');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, 'companion.log');
  // TODO: rotate by size; until then the file grows with the app's lifetime.
  return { write: (line) => appendFileSync(file, line + '\n', { mode: 0o600 }) };
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
