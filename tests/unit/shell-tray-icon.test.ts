// The tray icon of the worst compliance verdict, its tooltip, and the urgent requests in the tray
// (badge, dot and menu items), with Electron's Tray replaced by a recording object.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AttendanceStatus, CheckName, CompanionStatus, ComplianceSnapshot, Verdict } from '../../shared/domain';
import { createLogger, silentSink } from '../../electron/core/logger';
import { TrayController, trayTooltip, type TrayActions, type TrayPort } from '../../electron/main/tray';
import { trayColour } from '../../electron/core/compliance/verdict';
import { trayIconFile, trayIconState, type TrayIconMarker, type TrayIconState } from '../../electron/main/tray-icon';
import { applyBadgeCount, requestBadge, requestMenuItems, TRAY_REQUEST_ITEMS, type TrayRequest } from '../../electron/main/tray-requests';
import { attendanceStatus } from '../fixtures/companion-status';

const projectRoot = resolve(import.meta.dirname, '..', '..');

// 2026-03-02 (a Monday) 08:00 and 15:00 in Asia/Jakarta (UTC+7).
const MONDAY_0800_WIB = Date.UTC(2026, 2, 2, 1, 0);
const MONDAY_1500_WIB = Date.UTC(2026, 2, 2, 8, 0);

const notCheckedIn = attendanceStatus();

const checkedIn: AttendanceStatus = {
  ...notCheckedIn,
  checkedIn: true,
  session: { id: 's1', mode: 'wfh', startedAt: MONDAY_0800_WIB },
};

function snapshotOf(verdicts: Record<CheckName, Verdict>): ComplianceSnapshot {
  const checks = (Object.entries(verdicts) as Array<[CheckName, Verdict]>).map(([check, verdict]) => ({
    check,
    verdict,
    summary: { id: check, en: check },
    evidence: {},
    policy: {},
    remediation: [],
    startedAt: MONDAY_0800_WIB,
    durationMs: 10,
  }));
  return { id: 'snap-1', createdAt: MONDAY_0800_WIB, policyId: 'wfh-asn-2026', policyVersion: '1', overall: 'pass', checks };
}

function statusWith(attendance: AttendanceStatus, lastSnapshot: ComplianceSnapshot | null = null): CompanionStatus {
  return {
    attendance,
    outbox: { queued: 0, inFlight: 0, sent: 0, dead: 0 },
    lastSnapshot,
    enrollment: null,
    secureStorage: { available: true, backend: 'keychain', reason: null },
    demoMode: false,
    policy: { id: 'wfh-asn-2026', version: '1', name: { id: 'Artikel WFH ASN 2026', en: 'WFH ASN 2026 article' } },
  };
}

function request(id: string, level: TrayRequest['level'], dueAt: number, state: TrayRequest['state'] = 'open'): TrayRequest {
  return { id, level, subject: `Data ${id}`, dueAt, state };
}

class FakeTray implements TrayPort<MenuItemConstructorOptions[], string> {
  readonly images: string[] = [];
  readonly toolTips: string[] = [];
  menu: MenuItemConstructorOptions[] = [];

  setContextMenu(menu: MenuItemConstructorOptions[] | null): void {
    this.menu = menu ?? [];
  }

  setToolTip(toolTip: string): void {
    this.toolTips.push(toolTip);
  }

  setImage(image: string): void {
    this.images.push(image);
  }

  on(): this {
    return this;
  }

  destroy(): void {}
}

function trayHarness() {
  const tray = new FakeTray();
  const opened: Array<string | null> = [];
  const actions: TrayActions = {
    checkIn: () => {},
    checkOut: () => {},
    runCheck: () => {},
    open: () => {},
    openRequest: (id) => opened.push(id),
    quit: () => {},
  };
  const controller = new TrayController<MenuItemConstructorOptions[], string>({
    createTray: () => tray,
    buildMenu: (template) => template,
    loadIcon: (icon) => trayIconFile(icon),
    actions,
    logger: createLogger(silentSink, 'tray'),
  });
  return { tray, controller, opened };
}

describe('trayColour', () => {
  const cases: Array<[Verdict[], TrayIconState]> = [
    [['pass', 'pass', 'pass'], 'pass'],
    [['pass', 'warn', 'pass'], 'warn'],
    [['pass', 'unknown', 'pass'], 'warn'],
    [['pass', 'error', 'pass'], 'warn'],
    [['warn', 'fail', 'pass'], 'fail'],
    [['error', 'fail', 'unknown'], 'fail'],
    [[], 'warn'],
  ];
  for (const [verdicts, expected] of cases) {
    it(`rates [${verdicts.join(', ')}] as ${expected}`, () => {
      expect(trayColour(verdicts)).toBe(expected);
    });
  }
});

describe('trayIconState', () => {
  it('is grey while not checked in', () => {
    expect(trayIconState(statusWith(notCheckedIn, snapshotOf({ speed: 'fail', vpn: 'fail', power: 'fail' })))).toBe('idle');
  });

  it('is warn when checked in without a check', () => {
    expect(trayIconState(statusWith(checkedIn))).toBe('warn');
  });

  it('uses the core complianceWorst when present', () => {
    const failing = snapshotOf({ speed: 'fail', vpn: 'pass', power: 'pass' });

    expect(trayIconState({ ...statusWith(checkedIn, failing), complianceWorst: 'fail' })).toBe('fail');
    expect(trayIconState({ ...statusWith(checkedIn, failing), complianceWorst: 'warn' })).toBe('warn');
    expect(trayIconState({ ...statusWith(checkedIn), complianceWorst: null })).toBe('idle');
  });

  it('follows the worst check when checked in', () => {
    expect(trayIconState(statusWith(checkedIn, snapshotOf({ speed: 'pass', vpn: 'pass', power: 'pass' })))).toBe('pass');
    expect(trayIconState(statusWith(checkedIn, snapshotOf({ speed: 'pass', vpn: 'unknown', power: 'pass' })))).toBe('warn');
    expect(trayIconState(statusWith(checkedIn, snapshotOf({ speed: 'fail', vpn: 'error', power: 'pass' })))).toBe('fail');
  });
});

describe('tray icon files', () => {
  const states: TrayIconState[] = ['pass', 'warn', 'fail', 'idle'];
  const markers: TrayIconMarker[] = ['none', 'urgent', 'emergency'];

  for (const state of states) {
    for (const marker of markers) {
      const file = trayIconFile({ state, marker });
      it(`has ${file} at 16 and 32 px`, () => {
        const normal = readFileSync(join(projectRoot, 'build', 'tray', file));
        const double = readFileSync(join(projectRoot, 'build', 'tray', file.replace('.png', '@2x.png')));

        // PNG signature, then the IHDR chunk with width and height as 32-bit big-endian numbers.
        expect(normal.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([normal.readUInt32BE(16), normal.readUInt32BE(20)]).toEqual([16, 16]);
        expect([double.readUInt32BE(16), double.readUInt32BE(20)]).toEqual([32, 32]);
      });
    }
  }

  it('names a marked icon after its state and marker', () => {
    expect(trayIconFile({ state: 'fail', marker: 'none' })).toBe('tray-fail.png');
    expect(trayIconFile({ state: 'idle', marker: 'emergency' })).toBe('tray-idle-emergency.png');
  });
});

describe('tray image', () => {
  it('follows every status change', () => {
    const { tray, controller } = trayHarness();

    controller.start(statusWith(notCheckedIn), 'id');
    controller.update(statusWith(checkedIn), 'id');
    controller.update(statusWith(checkedIn, snapshotOf({ speed: 'pass', vpn: 'pass', power: 'pass' })), 'id');
    controller.update(statusWith(checkedIn, snapshotOf({ speed: 'pass', vpn: 'pass', power: 'fail' })), 'id');
    controller.update(statusWith(notCheckedIn, snapshotOf({ speed: 'pass', vpn: 'pass', power: 'fail' })), 'id');

    expect(tray.images).toEqual(['tray-idle.png', 'tray-warn.png', 'tray-pass.png', 'tray-fail.png', 'tray-idle.png']);
  });

  it('is not set again while unchanged', () => {
    const { tray, controller } = trayHarness();
    const passing = statusWith(checkedIn, snapshotOf({ speed: 'pass', vpn: 'pass', power: 'pass' }));

    controller.start(passing, 'id');
    controller.update(passing, 'en');
    controller.setCheckRunning(true);

    expect(tray.images).toEqual(['tray-pass.png']);
  });

  it('carries a dot while requests wait', () => {
    const { tray, controller } = trayHarness();
    controller.start(statusWith(notCheckedIn), 'id');

    controller.setRequests([request('r1', 'urgent', MONDAY_1500_WIB)]);
    controller.setRequests([request('r1', 'urgent', MONDAY_1500_WIB), request('r2', 'emergency', MONDAY_1500_WIB)]);
    controller.setRequests([request('r1', 'urgent', MONDAY_1500_WIB, 'answered'), request('r2', 'emergency', MONDAY_1500_WIB, 'answered')]);

    expect(tray.images).toEqual(['tray-idle.png', 'tray-idle-urgent.png', 'tray-idle-emergency.png', 'tray-idle.png']);
  });
});

describe('trayTooltip', () => {
  it('names the compliance state in Indonesian', () => {
    const failing = statusWith(checkedIn, snapshotOf({ speed: 'fail', vpn: 'pass', power: 'pass' }));

    expect(trayTooltip(failing, 'id')).toBe(
      'Pendamping Kerja ASN\nSedang bekerja (WFH) sejak 08.00\nKepatuhan: ada yang gagal',
    );
  });

  it('names the compliance state in English', () => {
    const warning = statusWith(checkedIn, snapshotOf({ speed: 'pass', vpn: 'unknown', power: 'pass' }));
    const passing = statusWith(checkedIn, snapshotOf({ speed: 'pass', vpn: 'pass', power: 'pass' }));

    expect(trayTooltip(warning, 'en')).toBe('ASN Work Companion\nWorking (WFH) since 08:00\nCompliance: warnings');
    expect(trayTooltip(passing, 'en')).toBe('ASN Work Companion\nWorking (WFH) since 08:00\nCompliance: all checks pass');
  });

  it('leaves compliance out while not checked in', () => {
    expect(trayTooltip(statusWith(notCheckedIn), 'id')).toBe('Pendamping Kerja ASN\nBelum check-in');
  });

  it('fits the Windows limit with every line', () => {
    const failing = statusWith(checkedIn, snapshotOf({ speed: 'fail', vpn: 'pass', power: 'pass' }));
    const requests = [request('r1', 'urgent', MONDAY_1500_WIB), request('r2', 'emergency', MONDAY_1500_WIB)];

    // Packaged builds, the ones Windows users run, never show the demo-mode suffix.
    for (const language of ['id', 'en'] as const) {
      const tooltip = trayTooltip(failing, language, [...requests, ...requests.map((entry) => ({ ...entry, id: `${entry.id}-b` }))]);
      expect(tooltip.length).toBeLessThanOrEqual(127);
    }
    expect(trayTooltip(failing, 'id', requests)).toBe(
      'Pendamping Kerja ASN\nSedang bekerja (WFH) sejak 08.00\n2 permintaan belum dijawab (1 darurat)\nKepatuhan: ada yang gagal',
    );
  });

  it('counts unanswered requests', () => {
    const requests = [request('r1', 'urgent', MONDAY_1500_WIB), request('r2', 'emergency', MONDAY_1500_WIB), request('r3', 'urgent', 0, 'answered')];

    expect(trayTooltip(statusWith(notCheckedIn), 'id', requests)).toBe('Pendamping Kerja ASN\nBelum check-in\n2 permintaan belum dijawab (1 darurat)');
    expect(trayTooltip(statusWith(notCheckedIn), 'en', requests)).toBe('ASN Work Companion\nNot checked in\n2 requests unanswered (1 emergency)');
  });
});

describe('requestBadge', () => {
  it('counts unanswered requests and marks emergencies', () => {
    const badge = requestBadge([
      request('r1', 'urgent', MONDAY_1500_WIB),
      request('r2', 'emergency', MONDAY_1500_WIB, 'acknowledged'),
      request('r3', 'emergency', MONDAY_1500_WIB, 'overdue'),
      request('r4', 'emergency', MONDAY_1500_WIB, 'answered'),
    ]);

    expect(badge).toEqual({ unanswered: 3, emergencies: 2, marker: 'emergency' });
  });

  it('marks urgent-only requests blue', () => {
    expect(requestBadge([request('r1', 'urgent', MONDAY_1500_WIB)]).marker).toBe('urgent');
  });

  it('is empty without requests', () => {
    expect(requestBadge([])).toEqual({ unanswered: 0, emergencies: 0, marker: 'none' });
  });

  it('sets the dock count where supported', () => {
    const counts: Array<number | undefined> = [];
    const app = {
      setBadgeCount: (count?: number) => {
        counts.push(count);
        return false;
      },
    };

    const shown = applyBadgeCount(app, requestBadge([request('r1', 'urgent', MONDAY_1500_WIB), request('r2', 'emergency', MONDAY_1500_WIB)]));

    expect(counts).toEqual([2]);
    expect(shown).toBe(false);
  });
});

describe('requestMenuItems', () => {
  it('lists requests by deadline with their clock time', () => {
    const opened: Array<string | null> = [];
    const items = requestMenuItems(
      [request('late', 'urgent', MONDAY_1500_WIB), request('soon', 'emergency', MONDAY_0800_WIB + 30 * 60_000), request('old', 'urgent', MONDAY_0800_WIB, 'overdue')],
      'id',
      'Asia/Jakarta',
      (id) => opened.push(id),
    );

    expect(items.map((item) => item.label)).toEqual([
      '3 permintaan belum dijawab (1 darurat)',
      'Mendesak: Data old (lewat batas waktu)',
      'Darurat: Data soon (batas 08.30)',
      'Mendesak: Data late (batas 15.00)',
    ]);
    expect(items[0]?.enabled).toBe(false);

    (items[3]?.click as () => void)();
    expect(opened).toEqual(['late']);
  });

  it('shows English labels', () => {
    const items = requestMenuItems([request('r1', 'emergency', MONDAY_1500_WIB)], 'en', 'Asia/Jakarta', () => {});

    expect(items.map((item) => item.label)).toEqual(['1 request unanswered (1 emergency)', 'Emergency: Data r1 (due 15:00)']);
  });

  it('sends the rest to the Permintaan page', () => {
    const opened: Array<string | null> = [];
    const requests = Array.from({ length: TRAY_REQUEST_ITEMS + 2 }, (_, index) => request(`r${index}`, 'urgent', MONDAY_1500_WIB + index));

    const items = requestMenuItems(requests, 'id', 'Asia/Jakarta', (id) => opened.push(id));
    (items.at(-1)?.click as () => void)();

    expect(items).toHaveLength(1 + TRAY_REQUEST_ITEMS + 1);
    expect(items.at(-1)?.label).toBe('2 permintaan lain di halaman Permintaan');
    expect(opened).toEqual([null]);
  });

  it('is empty when every request is answered', () => {
    expect(requestMenuItems([request('r1', 'urgent', MONDAY_1500_WIB, 'answered')], 'id', 'Asia/Jakarta', () => {})).toEqual([]);
  });
});

describe('tray menu with requests', () => {
  it('opens a request from its item', () => {
    const { tray, controller, opened } = trayHarness();
    controller.start(statusWith(checkedIn), 'id');

    controller.setRequests([request('req-1500', 'urgent', MONDAY_1500_WIB)]);
    const item = tray.menu.find((entry) => entry.id === 'request:req-1500');
    (item?.click as () => void)();

    expect(item?.label).toBe('Mendesak: Data req-1500 (batas 15.00)');
    expect(opened).toEqual(['req-1500']);
    expect(tray.menu.some((entry) => entry.id === 'check-out')).toBe(true);
  });
});
