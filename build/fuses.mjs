// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
// Fuses are build-time switches compiled into the Electron executable; once flipped, no command-line
// flag or environment variable can turn the feature back on.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** The settings applied to every packaged build. */
export const fuseSettings = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and local storage are encrypted with a key from the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would let a local process attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash embedded at packaging (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app is loaded only from app.asar, never from a loose app/ folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served by the app:// protocol, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * Builds the @electron/fuses configuration for one platform. On macOS flipping a fuse breaks the
 * ad-hoc signature of an unsigned build, so it is renewed; a signed build is signed after this hook.
 */
export function fuseConfig(electronPlatformName) {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas',
    ...fuseSettings,
  };
}

/** The hook itself; packager.addElectronFuses finds the executable for the platform and flips the fuses. */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName));
}
