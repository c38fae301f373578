// Notifications of urgent requests, the `--open-request` command line, and the shell's request wiring,
// with Electron's Notification replaced by a class that emits 'click', 'close' and 'failed' as
// Electron documents them. The tray is the real TrayController on a recording icon.
import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions, NotificationConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestAlert, RequestsList, RequestsSummary, UrgentRequestView } from '../../shared/requests';
import { createLogger, silentSink } from '../../electron/core/logger';
import type { EventRecipient } from '../../electron/main/ipc';
import { parseActivationArguments, parseOpenRequest, requestRoute, requestToastXml } from '../../electron/main/open-request';
import {
  RequestNotifier,
  requestNotificationContent,
  requestNotificationOptions,
  type NotificationFailure,
  type NotificationHandle,
} from '../../electron/main/request-notifications';
import { attachRequestPolling, attachRequests, showUnannounced, type RequestsSource } from '../../electron/main/request-shell';
import { TrayController, type TrayPort } from '../../electron/main/tray';
import { trayIconFile } from '../../electron/main/tray-icon';
import { eventChannel } from '../../shared/ipc';
import { attendanceStatus, companionStatus } from '../fixtures/companion-status';

// 2026-03-02 (a Monday) in Asia/Jakarta (UTC+7): 13:00 and 15:00.
const MONDAY_1300_WIB = Date.UTC(2026, 2, 2, 6, 0);
const MONDAY_1500_WIB = Date.UTC(2026, 2, 2, 8, 0);
const TEN_MINUTES_MS = 10 * 60_000;

function alertFor(level: RequestAlert['level'], overrides: Partial<RequestAlert> = {}): RequestAlert {
  return {
    alertId: 'req-1500:new',
    requestId: 'req-1500',
    level,
    kind: 'new',
    fraction: null,
    sender: 'Kepala Bidang Perencanaan',
    subject: 'Data realisasi anggaran',
    dueAt: MONDAY_1500_WIB,
    plannedAt: MONDAY_1300_WIB,
    firedAt: MONDAY_1300_WIB,
    late: false,
    title: { id: 'Permintaan mendesak baru', en: 'New urgent request' },
    body: { id: 'Data realisasi anggaran', en: 'Data realisasi anggaran' },
    ...overrides,
  };
}

/** Creates a stand-in for Electron's Notification that records what was shown and can emit 'failed' on show. */
function fakeNotificationClass(options: { supported?: boolean; failWith?: string } = {}) {
  const created: FakeNotification[] = [];

  class FakeNotification extends EventEmitter implements NotificationHandle {
    shown = false;
    readonly id?: string;

    constructor(readonly options: NotificationConstructorOptions) {
      super();
      this.id = options.id;
      created.push(this);
    }

    static isSupported(): boolean {
      return options.supported ?? true;
    }

    show(): void {
      this.shown = true;
      if (options.failWith !== undefined) this.emit('failed', {}, options.failWith);
    }
  }

  return { FakeNotification, created };
}

function notifierWith(NotificationClass: ReturnType<typeof fakeNotificationClass>['FakeNotification'], platform: NodeJS.Platform = 'linux') {
  const opened: string[] = [];
  const unannounced: Array<[string, NotificationFailure]> = [];
  const notifier = new RequestNotifier({
    Notification: NotificationClass,
    platform,
    language: () => 'id',
    openRequest: (id) => opened.push(id),
    onUnannounced: (alert, failure) => unannounced.push([alert.requestId, failure]),
    logger: createLogger(silentSink, 'requests'),
  });
  return { notifier, opened, unannounced };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('parseOpenRequest', () => {
  it('reads --open-request=ID', () => {
    expect(parseOpenRequest(['/opt/asn-companion/asn-companion', '--open-request=req-1500'])).toBe('req-1500');
  });

  it('reads --open-request ID', () => {
    expect(parseOpenRequest(['asn-companion.exe', '--open-request', 'req-1500'])).toBe('req-1500');
  });

  it('takes the last occurrence', () => {
    expect(parseOpenRequest(['app', '--open-request=old', '--allow-file-access-from-files', '--open-request=req-1500'])).toBe('req-1500');
  });

  it('returns null without the flag', () => {
    expect(parseOpenRequest(['app', '--no-sandbox', 'open-request=req-1500'])).toBeNull();
  });

  it('rejects empty, control and oversized ids', () => {
    expect(parseOpenRequest(['app', '--open-request='])).toBeNull();
    expect(parseOpenRequest(['app', '--open-request'])).toBeNull();
    expect(parseOpenRequest(['app', '--open-request=req\n1500'])).toBeNull();
    expect(parseOpenRequest(['app', `--open-request=${'x'.repeat(201)}`])).toBeNull();
  });
});

describe('requestRoute', () => {
  it('routes to the request on the Permintaan page', () => {
    expect(requestRoute('req-1500')).toBe('#/permintaan/req-1500');
    expect(requestRoute('a/b c')).toBe('#/permintaan/a%2Fb%20c');
    expect(requestRoute(null)).toBe('#/permintaan');
  });
});

describe('requestToastXml', () => {
  it('launches with the request id', () => {
    const xml = requestToastXml({ requestId: 'req 15:00', title: 'Darurat <baru>', body: 'Dari "Kabid" & tim', emergency: true });

    expect(xml).toContain('launch="--open-request=req%2015%3A00"');
    expect(xml).toContain('scenario="urgent"');
    expect(xml).toContain('<text>Darurat &#60;baru&#62;</text>');
    expect(xml).toContain('<text>Dari &#34;Kabid&#34; &#38; tim</text>');
    expect(xml).toContain('ms-winsoundevent:Notification.Reminder');
  });

  it('round-trips through the activation arguments', () => {
    const xml = requestToastXml({ requestId: 'req 15:00', title: 't', body: 'b', emergency: false });
    const launch = /launch="([^"]*)"/.exec(xml)?.[1] ?? '';

    expect(parseActivationArguments(launch)).toBe('req 15:00');
    expect(xml).not.toContain('scenario=');
  });
});

describe('requestNotificationContent', () => {
  const alert = alertFor('emergency', {
    title: { id: 'Permintaan darurat baru', en: 'New emergency request' },
    body: { id: 'Kepala Bidang Perencanaan: Data realisasi anggaran. Jawab sebelum 15.00 WIB.', en: 'Kepala Bidang Perencanaan: Data realisasi anggaran. Answer by 15.00 WIB.' },
  });

  it('shows the core texts in Indonesian', () => {
    expect(requestNotificationContent(alert, 'id')).toEqual({
      title: 'Permintaan darurat baru',
      body: 'Kepala Bidang Perencanaan: Data realisasi anggaran. Jawab sebelum 15.00 WIB.',
    });
  });

  it('shows the core texts in English', () => {
    expect(requestNotificationContent(alert, 'en')).toEqual({
      title: 'New emergency request',
      body: 'Kepala Bidang Perencanaan: Data realisasi anggaran. Answer by 15.00 WIB.',
    });
  });
});

describe('requestNotificationOptions', () => {
  const content = { title: 'T', body: 'B' };

  it('makes emergencies critical and audible', () => {
    const linux = requestNotificationOptions(alertFor('emergency'), content, 'linux');
    const mac = requestNotificationOptions(alertFor('emergency'), content, 'darwin');

    expect(linux).toMatchObject({ id: 'request:req-1500', urgency: 'critical', timeoutType: 'never', silent: false });
    expect(linux.sound).toBeUndefined();
    expect(mac.sound).toBe('Sosumi');
  });

  it('keeps urgent requests at normal urgency', () => {
    expect(requestNotificationOptions(alertFor('urgent'), content, 'linux')).toMatchObject({ urgency: 'normal', timeoutType: 'default' });
  });

  it('carries the id in the Windows toast', () => {
    const windows = requestNotificationOptions(alertFor('urgent'), content, 'win32');

    expect(windows.toastXml).toContain('launch="--open-request=req-1500"');
    expect(requestNotificationOptions(alertFor('urgent'), content, 'linux').toastXml).toBeUndefined();
  });
});

describe('RequestNotifier', () => {
  it('opens a request clicked ten minutes after it was shown', () => {
    vi.useFakeTimers({ now: MONDAY_1300_WIB });
    const { FakeNotification, created } = fakeNotificationClass();
    const { notifier, opened } = notifierWith(FakeNotification);

    expect(notifier.show(alertFor('urgent'))).toBe(true);
    vi.advanceTimersByTime(TEN_MINUTES_MS);
    expect(notifier.held).toBe(1);

    created[0]!.emit('click', {});

    expect(opened).toEqual(['req-1500']);
    expect(requestRoute(opened[0]!)).toBe('#/permintaan/req-1500');
    expect(notifier.held).toBe(0);
  });

  it('holds notifications until clicked or closed', () => {
    const { FakeNotification, created } = fakeNotificationClass();
    const { notifier } = notifierWith(FakeNotification);

    notifier.show(alertFor('urgent', { requestId: 'a', alertId: 'a:new' }));
    notifier.show(alertFor('emergency', { requestId: 'b', alertId: 'b:new' }));
    expect(notifier.held).toBe(2);

    created[0]!.emit('close', {});
    expect(notifier.held).toBe(1);
    expect(created.every((notification) => notification.shown)).toBe(true);
  });

  it('opens a request after a restart on Windows', () => {
    // The first run shows the toast; the app then quits and its objects are gone.
    const first = fakeNotificationClass();
    notifierWith(first.FakeNotification, 'win32').notifier.show(alertFor('urgent'));
    const launch = /launch="([^"]*)"/.exec(first.created[0]!.options.toastXml ?? '')?.[1] ?? '';

    const { FakeNotification } = fakeNotificationClass();
    const { notifier, opened } = notifierWith(FakeNotification, 'win32');
    const id = notifier.activate(launch);

    expect(id).toBe('req-1500');
    expect(opened).toEqual(['req-1500']);
  });

  it('ignores an activation without an id', () => {
    const { FakeNotification } = fakeNotificationClass();
    const { notifier, opened } = notifierWith(FakeNotification, 'win32');

    expect(notifier.activate('')).toBeNull();
    expect(opened).toEqual([]);
  });

  it('adopts notifications delivered before a restart on macOS', () => {
    const { FakeNotification } = fakeNotificationClass();
    const { notifier, opened } = notifierWith(FakeNotification, 'darwin');
    const delivered = [new FakeNotification({ id: 'request:req-1500' }), new FakeNotification({ id: 'reminder:report' })];

    expect(notifier.adopt(delivered)).toBe(1);
    delivered[0]!.emit('click', {});

    expect(opened).toEqual(['req-1500']);
  });

  it('falls back when notifications are unsupported', () => {
    const { FakeNotification, created } = fakeNotificationClass({ supported: false });
    const { notifier, unannounced } = notifierWith(FakeNotification);

    expect(notifier.show(alertFor('emergency'))).toBe(false);
    expect(created).toEqual([]);
    expect(unannounced).toEqual([['req-1500', 'unsupported']]);
  });

  it('falls back when a notification fails', () => {
    const { FakeNotification } = fakeNotificationClass({ failWith: 'Toast notifications are disabled' });
    const { notifier, unannounced } = notifierWith(FakeNotification);

    notifier.show(alertFor('emergency'));

    expect(unannounced).toEqual([['req-1500', 'failed']]);
    expect(notifier.held).toBe(0);
  });
});

// The shell's wiring with an in-memory requests source, the real tray controller and notifier.
const notCheckedIn = attendanceStatus();

const status = companionStatus({ attendance: notCheckedIn });

function view(id: string, level: UrgentRequestView['level']): UrgentRequestView {
  return {
    id,
    level,
    sender: 'Kepala Bidang Perencanaan',
    subject: `Data ${id}`,
    body: 'Mohon kirim hari ini.',
    sentAt: MONDAY_1300_WIB,
    receivedAt: MONDAY_1300_WIB,
    dueAt: MONDAY_1500_WIB,
    state: 'open',
    acknowledgedAt: null,
    answeredAt: null,
    responseText: null,
    responseTime: { allowedMs: 2 * 3_600_000, acknowledgedAfterMs: null, answeredAfterMs: null, onTime: null, overdueByMs: 0 },
    acknowledgeDelivery: 'none',
    answerDelivery: 'none',
    nextAlertAt: null,
  };
}

class MemoryRequests implements RequestsSource {
  requests: UrgentRequestView[] = [];
  private readonly events = new EventEmitter();

  onAlert(listener: (alert: RequestAlert) => void): () => void {
    this.events.on('alert', listener);
    return () => this.events.off('alert', listener);
  }

  onChanged(listener: (summary: RequestsSummary) => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }

  list(): RequestsList {
    return {
      requests: this.requests,
      summary: this.summary(),
      poll: { lastSuccessAt: null, lastAttemptAt: null, lastError: null, active: true },
      maxResponseLength: 500,
    };
  }

  /** Stores a request and raises its alert the way the core does: changed, then the alert. */
  receive(request: UrgentRequestView): void {
    this.requests = [...this.requests, request];
    this.events.emit('changed', this.summary());
    this.events.emit('alert', alertFor(request.level, { requestId: request.id, alertId: `${request.id}:new`, subject: request.subject }));
  }

  private summary(): RequestsSummary {
    const emergencyUnanswered = this.requests.filter((request) => request.level === 'emergency').length;
    return { open: this.requests.length, acknowledged: 0, overdue: 0, answered: 0, unanswered: this.requests.length, emergencyUnanswered };
  }
}

class RecordingTray implements TrayPort<MenuItemConstructorOptions[], string> {
  menu: MenuItemConstructorOptions[] = [];
  readonly images: string[] = [];
  setContextMenu(menu: MenuItemConstructorOptions[] | null): void {
    this.menu = menu ?? [];
  }
  setToolTip(): void {}
  setImage(image: string): void {
    this.images.push(image);
  }
  on(): this {
    return this;
  }
  destroy(): void {}
}

function shellHarness(options: { trayAvailable: boolean; notifications: { supported?: boolean; failWith?: string } }) {
  const requests = new MemoryRequests();
  const recordingTray = new RecordingTray();
  const shown: string[] = [];
  const flashes: number[] = [];
  const badgeCounts: Array<number | undefined> = [];
  const sent: Array<{ channel: string; payload: unknown }> = [];
  const window: EventRecipient = {
    webContents: { isDestroyed: () => false, send: (channel: string, payload: unknown) => sent.push({ channel, payload }) },
  } as unknown as EventRecipient;
  const logger = createLogger(silentSink, 'requests');

  const tray = new TrayController<MenuItemConstructorOptions[], string>({
    createTray: () => {
      if (!options.trayAvailable) throw new Error('No StatusNotifier host on this desktop');
      return recordingTray;
    },
    buildMenu: (template) => template,
    loadIcon: (icon) => trayIconFile(icon),
    actions: { checkIn: () => {}, checkOut: () => {}, runCheck: () => {}, open: () => {}, openRequest: () => {}, quit: () => {} },
    logger,
  });
  tray.start(status, 'id');

  const requestWindow = { tray, showWindow: (route: string) => shown.push(route), flashWindow: () => flashes.push(1) };
  const { FakeNotification, created } = fakeNotificationClass(options.notifications);
  const notifier = new RequestNotifier({
    Notification: FakeNotification,
    platform: 'linux',
    language: () => 'id',
    openRequest: (id) => shown.push(requestRoute(id)),
    onUnannounced: (alert) => showUnannounced(requestWindow, alert.requestId),
    logger,
  });
  const detach = attachRequests({
    ...requestWindow,
    requests,
    notifier,
    windows: () => [window],
    badge: {
      setBadgeCount: (count) => {
        badgeCounts.push(count);
        return true;
      },
    },
    logger,
  });
  return { requests, recordingTray, shown, flashes, badgeCounts, sent, created, detach };
}

describe('attachRequests', () => {
  it('shows an unsupported-notification request in the tray', () => {
    const harness = shellHarness({ trayAvailable: true, notifications: { supported: false } });

    harness.requests.receive(view('req-1500', 'emergency'));

    expect(harness.created).toEqual([]);
    expect(harness.recordingTray.menu.find((item) => item.id === 'request:req-1500')?.label).toBe('Darurat: Data req-1500 (batas 15.00)');
    expect(harness.recordingTray.images.at(-1)).toBe('tray-idle-emergency.png');
    expect(harness.sent.map((message) => message.channel)).toEqual([eventChannel('requestsChanged'), eventChannel('requestAlert')]);
    expect(harness.flashes).toHaveLength(1);
    expect(harness.badgeCounts.at(-1)).toBe(1);
  });

  it('opens the window at a failed-notification request without a tray', () => {
    const harness = shellHarness({ trayAvailable: false, notifications: { failWith: 'Notification server not reachable' } });

    harness.requests.receive(view('req-1500', 'urgent'));

    expect(harness.created).toHaveLength(1);
    expect(harness.shown).toEqual(['#/permintaan/req-1500']);
  });

  it('opens the request from a notification click', () => {
    const harness = shellHarness({ trayAvailable: true, notifications: {} });

    harness.requests.receive(view('req-1500', 'urgent'));
    harness.created[0]!.emit('click', {});

    expect(harness.shown).toEqual(['#/permintaan/req-1500']);
    expect(harness.flashes).toEqual([]);
  });

  it('stops listening when detached', () => {
    const harness = shellHarness({ trayAvailable: true, notifications: {} });

    harness.detach();
    harness.requests.receive(view('req-1500', 'urgent'));

    expect(harness.created).toEqual([]);
    expect(harness.sent).toEqual([]);
  });
});

describe('attachRequestPolling', () => {
  function pollingHarness(online: { value: boolean }) {
    const reasons: string[] = [];
    const powerMonitor = new EventEmitter();
    const detach = attachRequestPolling({
      pollNow: (reason) => {
        reasons.push(reason);
        return Promise.resolve();
      },
      powerMonitor,
      isOnline: () => online.value,
      onlinePollMs: 1_000,
      logger: createLogger(silentSink, 'requests'),
    });
    return { reasons, powerMonitor, detach };
  }

  it('polls on resume', () => {
    const { reasons, powerMonitor, detach } = pollingHarness({ value: true });

    powerMonitor.emit('resume');
    detach();
    powerMonitor.emit('resume');

    expect(reasons).toEqual(['resume']);
  });

  it('polls when the network returns', () => {
    vi.useFakeTimers();
    const online = { value: false };
    const { reasons, detach } = pollingHarness(online);

    vi.advanceTimersByTime(1_000);
    online.value = true;
    vi.advanceTimersByTime(3_000);
    detach();

    expect(reasons).toEqual(['online']);
  });
});
