// The tray icon and its menu. Linux (AppIndicator) does not pick up changes to a menu that is
// already set, so the controller builds a new menu from the template on every status change and sets
// it again. Electron's Tray and Menu are passed in as factories, which keeps this testable in Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { CompanionStatus, Language } from '../../shared/domain';
import { shellTexts } from '../../shared/locales/tray';
import type { Logger } from '../core/logger';
import { trayIconFile, trayIconState, type TrayIcon } from './tray-icon';
import { requestBadge, requestMenuItems, type TrayRequest } from './tray-requests';
import { statusLines, tooltipText } from './tray-text';

export interface TrayActions {
  checkIn(): void;
  checkOut(): void;
  runCheck(): void;
  open(): void;
  /** Opens the window at one request, or at the Permintaan page when id is null. */
  openRequest(id: string | null): void;
  quit(): void;
}

export interface TrayMenuState {
  /** A compliance run started from the tray is still going; its item is disabled until it ends. */
  checkRunning: boolean;
  /** The device's requests; the unanswered ones are listed so that none lives only in a notification. */
  requests?: readonly TrayRequest[];
}

export function buildTrayMenuTemplate(
  status: CompanionStatus,
  language: Language,
  actions: TrayActions,
  state: TrayMenuState = { checkRunning: false },
): MenuItemConstructorOptions[] {
  const texts = shellTexts[language];
  const info: MenuItemConstructorOptions[] = statusLines(status, language).map((label) => ({ label, enabled: false }));

  const attendanceItem: MenuItemConstructorOptions = status.attendance.checkedIn
    ? { id: 'check-out', label: texts.checkOut, click: () => actions.checkOut() }
    : { id: 'check-in', label: texts.checkIn, click: () => actions.checkIn() };

  const checkItem: MenuItemConstructorOptions = state.checkRunning
    ? { id: 'run-check', label: texts.checkRunning, enabled: false }
    : { id: 'run-check', label: texts.runCheck, click: () => actions.runCheck() };

  const requestItems = requestMenuItems(state.requests ?? [], language, status.attendance.zone, (id) => actions.openRequest(id));
  const requestSection: MenuItemConstructorOptions[] = requestItems.length > 0 ? [{ type: 'separator' }, ...requestItems] : [];

  return [
    ...info,
    ...requestSection,
    { type: 'separator' },
    attendanceItem,
    checkItem,
    { type: 'separator' },
    { id: 'open', label: texts.open, click: () => actions.open() },
    { id: 'quit', label: texts.quit, click: () => actions.quit() },
  ];
}

/**
 * The calls the controller makes on Electron's Tray; TMenu is Electron's Menu in the app and TImage
 * its NativeImage.
 */
export interface TrayPort<TMenu, TImage = unknown> {
  setContextMenu(menu: TMenu | null): void;
  setToolTip(toolTip: string): void;
  setImage(image: TImage): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayControllerOptions<TMenu, TImage = unknown> {
  /** Creates the tray icon; throws where the desktop has no tray. */
  createTray: () => TrayPort<TMenu, TImage>;
  /** Menu.buildFromTemplate in the app. */
  buildMenu: (template: MenuItemConstructorOptions[]) => TMenu;
  /** Loads the image of an icon state; trayIconFile names its file. */
  loadIcon: (icon: TrayIcon) => TImage;
  actions: TrayActions;
  logger: Logger;
}

/**
 * Builds the tooltip: product and attendance, waiting requests, then the compliance colour while
 * checked in. Windows shows at most 127 characters of a tray tooltip (NOTIFYICONDATA.szTip is 128
 * characters long), so the more urgent line comes first and the lines stay short enough for a
 * packaged build. From source, the demo-mode suffix can push the last line past that limit.
 */
export function trayTooltip(status: CompanionStatus, language: Language, requests: readonly TrayRequest[] = []): string {
  const texts = shellTexts[language];
  const lines = [tooltipText(status, language)];

  const badge = requestBadge(requests);
  if (badge.unanswered > 0) lines.push(texts.requestsLine(badge.unanswered, badge.emergencies));

  // The line names the icon's colour in words, so the state does not rest on colour alone.
  const state = trayIconState(status);
  if (status.attendance.checkedIn) lines.push(texts.complianceLine(status.lastSnapshot === null || state === 'idle' ? 'not-checked' : state));
  return lines.join('\n');
}

export class TrayController<TMenu, TImage = unknown> {
  private tray: TrayPort<TMenu, TImage> | null = null;
  private state: TrayMenuState = { checkRunning: false };
  private last: { status: CompanionStatus; language: Language } | null = null;
  /** File of the image last set, so an unchanged icon is not set again. */
  private iconFile: string | null = null;

  constructor(private readonly options: TrayControllerOptions<TMenu, TImage>) {}

  /** Whether a tray icon exists; without one, the window is the only way to act. */
  get available(): boolean {
    return this.tray !== null;
  }

  /** Creates the icon and its first menu; returns false, and logs why, when the desktop has no tray. */
  start(status: CompanionStatus, language: Language): boolean {
    try {
      this.tray = this.options.createTray();
    } catch (error) {
      this.options.logger.warn('Creating the tray icon failed; the window is the only way to act', {
        error: (error as Error).message,
      });
      return false;
    }

    // Windows and macOS report a left click; AppIndicator on Linux shows the menu instead.
    this.tray.on('click', () => this.options.actions.open());
    this.update(status, language);
    return true;
  }

  /** Rebuilds the menu, the tooltip and the icon from a new status. */
  update(status: CompanionStatus, language: Language): void {
    this.last = { status, language };
    if (this.tray === null) return;

    const template = buildTrayMenuTemplate(status, language, this.options.actions, this.state);
    this.tray.setContextMenu(this.options.buildMenu(template));
    this.tray.setToolTip(trayTooltip(status, language, this.state.requests));
    this.updateIcon(status);
  }

  setCheckRunning(running: boolean): void {
    this.state = { ...this.state, checkRunning: running };
    if (this.last !== null) this.update(this.last.status, this.last.language);
  }

  /** Replaces the listed requests; the menu, the tooltip and the icon's dot follow at once. */
  setRequests(requests: readonly TrayRequest[]): void {
    this.state = { ...this.state, requests };
    if (this.last !== null) this.update(this.last.status, this.last.language);
  }

  /** Returns the icon for a status and the current requests. */
  currentIcon(status: CompanionStatus): TrayIcon {
    return { state: trayIconState(status), marker: requestBadge(this.state.requests ?? []).marker };
  }

  private updateIcon(status: CompanionStatus): void {
    const icon = this.currentIcon(status);
    const file = trayIconFile(icon);
    if (this.tray === null || file === this.iconFile) return;

    this.tray.setImage(this.options.loadIcon(icon));
    this.iconFile = file;
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
    this.iconFile = null;
  }
}
