// Plain notices (worktime reminders, check results) are held like request notifications, so a click
// from the notification centre long after they were shown still reaches its listener.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { createNoticeNotifier, NotificationHolder, type NotificationHandle } from '../../electron/main/notification-holder';

function fakeNotificationClass(supported = true) {
  const created: FakeNotification[] = [];

  class FakeNotification extends EventEmitter implements NotificationHandle {
    constructor(readonly options: { title: string; body: string }) {
      super();
      created.push(this);
    }

    static isSupported(): boolean {
      return supported;
    }

    show(): void {}
  }

  return { FakeNotification, created };
}

const logger = createLogger(silentSink, 'notices');

describe('createNoticeNotifier', () => {
  it('holds a notice until it is clicked', () => {
    const { FakeNotification, created } = fakeNotificationClass();
    const holder = new NotificationHolder();
    const notify = createNoticeNotifier(FakeNotification, holder, logger);
    let clicks = 0;

    expect(notify('Pengingat', 'Laporan harian belum dikirim.', () => clicks++)).toBe(true);
    expect(holder.size).toBe(1);

    created[0]!.emit('click');
    expect(clicks).toBe(1);
    expect(holder.size).toBe(0);
  });

  it('releases a closed notice', () => {
    const { FakeNotification, created } = fakeNotificationClass();
    const holder = new NotificationHolder();
    createNoticeNotifier(FakeNotification, holder, logger)('Pengingat', 'Isi');

    created[0]!.emit('close');
    expect(holder.size).toBe(0);
  });

  it('releases a notice that failed to show', () => {
    const { FakeNotification, created } = fakeNotificationClass();
    const holder = new NotificationHolder();
    createNoticeNotifier(FakeNotification, holder, logger)('Pengingat', 'Isi');

    created[0]!.emit('failed', {}, 'no notification daemon');
    expect(holder.size).toBe(0);
  });

  it('returns false without notification support', () => {
    const { FakeNotification, created } = fakeNotificationClass(false);
    const holder = new NotificationHolder();

    expect(createNoticeNotifier(FakeNotification, holder, logger)('Pengingat', 'Isi')).toBe(false);
    expect(created).toHaveLength(0);
  });
});
