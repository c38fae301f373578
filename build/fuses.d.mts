// Types of build/fuses.mjs for the TypeScript tests that import it.
import type { FuseConfig, FuseV1Options } from '@electron/fuses';

export declare const fuseSettings: Partial<Record<FuseV1Options, boolean>>;
export declare function fuseConfig(electronPlatformName: string): FuseConfig;
export default function afterPack(context: {
  electronPlatformName: string;
  packager: { addElectronFuses(context: unknown, fuses: FuseConfig): Promise<number> };
}): Promise<void>;
