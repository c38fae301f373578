// Choice of the tray icon: the worst verdict of the current compliance state, grey while not checked
// in, with a dot while urgent requests wait. The PNG files are drawn by build/generate-icons.mjs.
import type { CompanionStatus } from '../../shared/domain';
import { trayColour } from '../core/compliance/verdict';

/** The icon's colour and glyph: idle is grey (not checked in), the others follow the checks. */
export type TrayIconState = 'pass' | 'warn' | 'fail' | 'idle';

/** The dot in the icon's corner: red while an emergency is unanswered, blue while only urgent ones are. */
export type TrayIconMarker = 'none' | 'urgent' | 'emergency';

export interface TrayIcon {
  state: TrayIconState;
  marker: TrayIconMarker;
}

/**
 * Returns the compliance colour of a status. The core's complianceWorst is used when the status has it (null
 * is grey: not checked in, or no snapshot yet). Otherwise the colour comes from the checks of the
 * last snapshot, and a checked-in status without one is warn. Grey while not checked in: the
 * compliance state matters during working time only.
 */
export function trayIconState(status: CompanionStatus): TrayIconState {
  if (status.complianceWorst !== undefined) return status.complianceWorst ?? 'idle';
  if (!status.attendance.checkedIn) return 'idle';

  const checks = status.lastSnapshot?.checks ?? [];
  return trayColour(checks.map((check) => check.verdict));
}

/** File name in the tray icon folder; Electron loads the @2x file beside it on high-DPI screens. */
export function trayIconFile(icon: TrayIcon): string {
  return icon.marker === 'none' ? `tray-${icon.state}.png` : `tray-${icon.state}-${icon.marker}.png`;
}
