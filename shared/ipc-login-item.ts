// IPC calls for starting the app at login. Only the desktop shell can change the setting, so the
// core's handlers (electron/core/ipc/handlers-login-item.ts) report it as unavailable, and the loopback
// browser bridge returns that. The Electron shell replaces them (electron/main/login-item.ts).
import { z } from 'zod';

export const loginItemStateSchema = z.object({
  /** False outside the installed desktop app (browser bridge, running from source). */
  available: z.boolean(),
  enabled: z.boolean(),
});
export type LoginItemState = z.infer<typeof loginItemStateSchema>;

export const loginItemCalls = {
  getOpenAtLogin: { input: z.object({}).strict(), output: loginItemStateSchema },
  setOpenAtLogin: { input: z.object({ enabled: z.boolean() }).strict(), output: loginItemStateSchema },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
