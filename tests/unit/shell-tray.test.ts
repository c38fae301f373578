// The tray menu and its controller, with Electron's Tray and Menu replaced by recording objects.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AttendanceStatus, CompanionStatus } from '../../shared/domain';
import { createLogger } from '../../electron/core/logger';
import { buildTrayMenuTemplate, TrayController, type TrayActions, type TrayPort } from '../../electron/main/tray';
import { trayIconFile } from '../../electron/main/tray-icon';
import { attendanceStatus } from '../fixtures/companion-status';

// 2026-03-02 (a Monday) 08:00 in Asia/Jakarta (UTC+7).
const MONDAY_0800_WIB = Date.UTC(2026, 2, 2, 1, 0);

const notCheckedIn = attendanceStatus({ weekMinutes: 750 });

const checkedIn: AttendanceStatus = {
  ...notCheckedIn,
  checkedIn: true,
  session: { id: 's1', mode: 'wfh', startedAt: MONDAY_0800_WIB },
  todayMinutes: 205,
  weekMinutes: 955,
};

function statusWith(attendance: AttendanceStatus, overrides: Partial<CompanionStatus> = {}): CompanionStatus {
  return {
    attendance,
    outbox: { queued: 0, inFlight: 0, sent: 0, dead: 0 },
    lastSnapshot: null,
    enrollment: null,
    secureStorage: { available: true, backend: 'keychain', reason: null },
    demoMode: false,
    policy: { id: 'wfh-asn-2026', version: '1', name: { id: 'Artikel WFH ASN 2026', en: 'WFH ASN 2026 article' } },
    ...overrides,
  };
}

function recordingActions(): { actions: TrayActions; log: string[] } {
  const log: string[] = [];
  const actions: TrayActions = {
    checkIn: () => log.push('checkIn'),
    checkOut: () => log.push('checkOut'),
    runCheck: () => log.push('runCheck'),
    open: () => log.push('open'),
    openRequest: (id) => log.push(`openRequest ${id}`),
    quit: () => log.push('quit'),
  };
  return { actions, log };
}

function labels(template: MenuItemConstructorOptions[]): string[] {
  return template.filter((item) => item.type !== 'separator').map((item) => String(item.label));
}

function item(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = template.find((entry) => entry.id === id);
  if (!found) throw new Error(`No menu item "${id}" in ${JSON.stringify(labels(template))}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

interface FakeMenu {
  template: MenuItemConstructorOptions[];
}

class FakeTray implements TrayPort<FakeMenu, string> {
  readonly menus: Array<FakeMenu | null> = [];
  readonly toolTips: string[] = [];
  readonly images: string[] = [];
  readonly clickListeners: Array<() => void> = [];
  destroyed = false;

  setContextMenu(menu: FakeMenu | null): void {
    this.menus.push(menu);
  }

  setToolTip(toolTip: string): void {
    this.toolTips.push(toolTip);
  }

  setImage(image: string): void {
    this.images.push(image);
  }

  on(_event: 'click', listener: () => void): this {
    this.clickListeners.push(listener);
    return this;
  }

  destroy(): void {
    this.destroyed = true;
  }

  get currentLabels(): string[] {
    const menu = this.menus.at(-1);
    return menu ? labels(menu.template) : [];
  }
}

function controllerWith(createTray: () => TrayPort<FakeMenu, string>) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }, 'tray');
  const { actions, log } = recordingActions();
  const controller = new TrayController<FakeMenu, string>({
    createTray,
    buildMenu: (template) => ({ template }),
    loadIcon: (icon) => trayIconFile(icon),
    actions,
    logger,
  });
  return { controller, actions: log, lines };
}

describe('buildTrayMenuTemplate', () => {
  it('offers check-in when not checked in', () => {
    const { actions, log } = recordingActions();

    const template = buildTrayMenuTemplate(statusWith(notCheckedIn), 'id', actions);
    click(item(template, 'check-in'));

    expect(item(template, 'check-in').label).toBe('Check-in WFH');
    expect(template.some((entry) => entry.id === 'check-out')).toBe(false);
    expect(log).toEqual(['checkIn']);
  });

  it('offers check-out when checked in', () => {
    const { actions, log } = recordingActions();

    const template = buildTrayMenuTemplate(statusWith(checkedIn), 'id', actions);
    click(item(template, 'check-out'));

    expect(item(template, 'check-out').label).toBe('Check-out');
    expect(template.some((entry) => entry.id === 'check-in')).toBe(false);
    expect(log).toEqual(['checkOut']);
  });

  it('lists the Indonesian items in order', () => {
    const { actions } = recordingActions();

    const template = buildTrayMenuTemplate(statusWith(checkedIn), 'id', actions);

    expect(labels(template)).toEqual([
      'Hari ini 3 j 25 m · minggu ini 15 j 55 m dari 40 j',
      'Check-out',
      'Jalankan pemeriksaan',
      'Buka',
      'Keluar',
    ]);
    expect(template[0]?.enabled).toBe(false);
  });

  it('switches labels to English', () => {
    const { actions } = recordingActions();

    const before = buildTrayMenuTemplate(statusWith(notCheckedIn), 'en', actions);
    const after = buildTrayMenuTemplate(statusWith(checkedIn), 'en', actions);

    expect(labels(before)).toEqual(['Today 0 h · this week 12 h 30 m of 40 h', 'Check in (WFH)', 'Run check', 'Open', 'Quit']);
    expect(item(after, 'check-out').label).toBe('Check out');
  });

  it('shows queued and rejected items', () => {
    const { actions } = recordingActions();
    const status = statusWith(notCheckedIn, { outbox: { queued: 2, inFlight: 1, sent: 9, dead: 1 } });

    const indonesian = labels(buildTrayMenuTemplate(status, 'id', actions));
    const english = labels(buildTrayMenuTemplate(status, 'en', actions));

    expect(indonesian).toContain('3 data menunggu dikirim');
    expect(indonesian).toContain('1 data ditolak server, lihat di jendela');
    expect(english).toContain('3 items waiting to be sent');
    expect(english).toContain('1 item rejected by the server, see the window');
  });

  it('names the holiday on a day off', () => {
    const { actions } = recordingActions();
    const holiday = { ...notCheckedIn, window: null, dayOff: { id: 'Hari Raya Nyepi', en: 'Day of Silence' } };

    expect(labels(buildTrayMenuTemplate(statusWith(holiday), 'id', actions))[0]).toBe('Hari libur: Hari Raya Nyepi');
    expect(labels(buildTrayMenuTemplate(statusWith(holiday), 'en', actions))[0]).toBe('Day off: Day of Silence');
  });

  it('disables the check item while a run is going', () => {
    const { actions } = recordingActions();

    const template = buildTrayMenuTemplate(statusWith(notCheckedIn), 'id', actions, { checkRunning: true });

    expect(item(template, 'run-check')).toMatchObject({ label: 'Pemeriksaan sedang berjalan…', enabled: false });
    expect(item(template, 'run-check').click).toBeUndefined();
  });

  it('wires open, run check and quit', () => {
    const { actions, log } = recordingActions();
    const template = buildTrayMenuTemplate(statusWith(notCheckedIn), 'id', actions);

    click(item(template, 'run-check'));
    click(item(template, 'open'));
    click(item(template, 'quit'));

    expect(log).toEqual(['runCheck', 'open', 'quit']);
  });
});

describe('TrayController', () => {
  it('sets a new menu on every status change', () => {
    const tray = new FakeTray();
    const { controller } = controllerWith(() => tray);

    expect(controller.start(statusWith(notCheckedIn), 'id')).toBe(true);
    expect(tray.currentLabels).toContain('Check-in WFH');

    controller.update(statusWith(checkedIn), 'id');
    expect(tray.currentLabels).toContain('Check-out');
    expect(tray.currentLabels).not.toContain('Check-in WFH');

    controller.update(statusWith(notCheckedIn), 'id');
    expect(tray.currentLabels).toContain('Check-in WFH');

    expect(tray.menus).toHaveLength(3);
    expect(new Set(tray.menus).size).toBe(3);
  });

  it('relabels the menu when the language changes', () => {
    const tray = new FakeTray();
    const { controller } = controllerWith(() => tray);

    controller.start(statusWith(checkedIn), 'id');
    controller.update(statusWith(checkedIn), 'en');

    expect(tray.currentLabels).toEqual(['Today 3 h 25 m · this week 15 h 55 m of 40 h', 'Check out', 'Run check', 'Open', 'Quit']);
    expect(tray.menus).toHaveLength(2);
  });

  it('shows the state in the tooltip', () => {
    const tray = new FakeTray();
    const { controller } = controllerWith(() => tray);

    controller.start(statusWith(notCheckedIn, { demoMode: true }), 'id');
    controller.update(statusWith(checkedIn), 'id');
    controller.update(statusWith(checkedIn), 'en');

    expect(tray.toolTips).toEqual([
      'Pendamping Kerja ASN (Mode demo)\nBelum check-in',
      'Pendamping Kerja ASN\nSedang bekerja (WFH) sejak 08.00\nKepatuhan: belum diperiksa',
      'ASN Work Companion\nWorking (WFH) since 08:00\nCompliance: not checked yet',
    ]);
  });

  it('rebuilds the menu when a check starts and ends', () => {
    const tray = new FakeTray();
    const { controller } = controllerWith(() => tray);
    controller.start(statusWith(notCheckedIn), 'id');

    controller.setCheckRunning(true);
    expect(tray.currentLabels).toContain('Pemeriksaan sedang berjalan…');

    controller.setCheckRunning(false);
    expect(tray.currentLabels).toContain('Jalankan pemeriksaan');
    expect(tray.menus).toHaveLength(3);
  });

  it('opens the window on a tray click', () => {
    const tray = new FakeTray();
    const { controller, actions } = controllerWith(() => tray);
    controller.start(statusWith(notCheckedIn), 'id');

    for (const listener of tray.clickListeners) listener();

    expect(actions).toEqual(['open']);
  });

  it('keeps working without a tray', () => {
    const { controller, lines } = controllerWith(() => {
      throw new Error('StatusNotifierWatcher not available');
    });

    expect(controller.start(statusWith(notCheckedIn), 'id')).toBe(false);
    expect(controller.available).toBe(false);
    expect(() => controller.update(statusWith(checkedIn), 'id')).not.toThrow();
    expect(lines[0]?.level).toBe('warn');
    expect(lines[0]?.error).toBe('StatusNotifierWatcher not available');
  });

  it('destroys the icon', () => {
    const tray = new FakeTray();
    const { controller } = controllerWith(() => tray);
    controller.start(statusWith(notCheckedIn), 'id');

    controller.destroy();

    expect(tray.destroyed).toBe(true);
    expect(controller.available).toBe(false);
  });
});
