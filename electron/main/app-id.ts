/**
 * The application id: electron-builder's appId and, on Windows, the AppUserModelID. The two must be
 * equal, or Windows attributes notifications to an unknown app (a test compares them).
 */
export const APP_ID = 'id.pendampingkerja.asn';
