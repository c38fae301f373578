// The tray icon and its menu. Linux (AppIndicator) does not pick up changes to a menu that is
// already set, so the controller builds a new menu from the template on every status change and sets
// it again. Electron's Tray and Menu are passed in as factories, which keeps this testable in Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { CompanionStatus, Language } from '../../shared/domain';
import { shellTexts } from '../../shared/locales/tray';
import type { Logger } from '../core/logger';
import { statusLines, tooltipText } from './tray-text';

export interface TrayActions {
  checkIn(): void;
  checkOut(): void;
  runCheck(): void;
  open(): void;
  quit(): void;
}

export interface TrayMenuState {
  /** A compliance run started from the tray is still going; its item is disabled until it ends. */
  checkRunning: boolean;
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

  return [
    ...info,
    { type: 'separator' },
    attendanceItem,
    checkItem,
    { type: 'separator' },
    { id: 'open', label: texts.open, click: () => actions.open() },
    { id: 'quit', label: texts.quit, click: () => actions.quit() },
  ];
}

/** The calls the controller makes on Electron's Tray; TMenu is Electron's Menu in the app. */
export interface TrayPort<TMenu> {
  setContextMenu(menu: TMenu | null): void;
  setToolTip(toolTip: string): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayControllerOptions<TMenu> {
  /** Creates the tray icon; throws where the desktop has no tray. */
  createTray: () => TrayPort<TMenu>;
  /** Menu.buildFromTemplate in the app. */
  buildMenu: (template: MenuItemConstructorOptions[]) => TMenu;
  actions: TrayActions;
  logger: Logger;
}

export class TrayController<TMenu> {
  private tray: TrayPort<TMenu> | null = null;
  private state: TrayMenuState = { checkRunning: false };
  private last: { status: CompanionStatus; language: Language } | null = null;

  constructor(private readonly options: TrayControllerOptions<TMenu>) {}

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

  /** Rebuilds the menu and tooltip from a new status. */
  update(status: CompanionStatus, language: Language): void {
    this.last = { status, language };
    if (this.tray === null) return;

    const template = buildTrayMenuTemplate(status, language, this.options.actions, this.state);
    this.tray.setContextMenu(this.options.buildMenu(template));
    this.tray.setToolTip(tooltipText(status, language));
  }

  setCheckRunning(running: boolean): void {
    this.state = { ...this.state, checkRunning: running };
    if (this.last !== null) this.update(this.last.status, this.last.language);
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
  }
}
