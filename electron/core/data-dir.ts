import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Pendamping Kerja ASN';

/** Environment variable that points the CLI and tests at another data folder. */
export const DATA_DIR_ENV = 'ASN_COMPANION_DATA_DIR';

/**
 * The folder Electron uses as userData for this product (appData joined with the product name), so
 * the CLI and the desktop app share one database unless --data-dir or the environment says otherwise.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return fromEnv;

  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
