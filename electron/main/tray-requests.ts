// Unanswered urgent requests in the tray: the badge (count and emergency marker), the menu items
// that open each request, and the tooltip line. A request must never live only in a notification,
// so the tray lists it whether or not a notification could be shown.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain';
import { shellTexts } from '../../shared/locales/tray';
import type { UrgentRequestView } from '../../shared/requests';
import type { TrayIconMarker } from './tray-icon';
import { formatClock } from './tray-text';

/** The fields of a request that the tray shows. */
export type TrayRequest = Pick<UrgentRequestView, 'id' | 'level' | 'subject' | 'dueAt' | 'state'>;

/** Requests listed in the menu; the rest are counted in one line that opens the Permintaan page. */
export const TRAY_REQUEST_ITEMS = 5;

export interface RequestBadge {
  /** Requests not answered yet: open, acknowledged or overdue. */
  unanswered: number;
  emergencies: number;
  marker: TrayIconMarker;
}

export function isUnanswered(request: Pick<TrayRequest, 'state'>): boolean {
  return request.state !== 'answered';
}

export function requestBadge(requests: readonly TrayRequest[]): RequestBadge {
  const unanswered = requests.filter(isUnanswered);
  const emergencies = unanswered.filter((request) => request.level === 'emergency').length;

  let marker: TrayIconMarker = 'none';
  if (emergencies > 0) marker = 'emergency';
  else if (unanswered.length > 0) marker = 'urgent';
  return { unanswered: unanswered.length, emergencies, marker };
}

/** Unanswered requests, earliest deadline first, so the one to answer next is on top. */
export function unansweredByDeadline(requests: readonly TrayRequest[]): TrayRequest[] {
  return requests.filter(isUnanswered).sort((a, b) => a.dueAt - b.dueAt);
}

/**
 * Menu items for unanswered requests: a disabled count line, one item per request (up to
 * TRAY_REQUEST_ITEMS) that opens it, and a line that opens the page for the rest. Empty when none wait.
 */
export function requestMenuItems(
  requests: readonly TrayRequest[],
  language: Language,
  zone: string,
  openRequest: (id: string | null) => void,
): MenuItemConstructorOptions[] {
  const texts = shellTexts[language];
  const waiting = unansweredByDeadline(requests);
  if (waiting.length === 0) return [];

  const badge = requestBadge(waiting);
  const items: MenuItemConstructorOptions[] = [{ id: 'requests-count', label: texts.requestsLine(badge.unanswered, badge.emergencies), enabled: false }];

  for (const request of waiting.slice(0, TRAY_REQUEST_ITEMS)) {
    const level = texts.requestLevel[request.level];
    const label =
      request.state === 'overdue'
        ? texts.overdueRequestItem(level, request.subject)
        : texts.requestItem(level, request.subject, formatClock(request.dueAt, zone, language));
    items.push({ id: `request:${request.id}`, label, click: () => openRequest(request.id) });
  }

  const hidden = waiting.length - TRAY_REQUEST_ITEMS;
  if (hidden > 0) items.push({ id: 'requests-more', label: texts.moreRequests(hidden), click: () => openRequest(null) });
  return items;
}

/** The calls the badge makes on Electron's app; setBadgeCount returns false where the desktop has no badge. */
export interface BadgePort {
  setBadgeCount(count?: number): boolean;
}

/**
 * Shows the unanswered count on the dock or launcher (macOS, and Linux docks with the LauncherEntry
 * API). Returns whether the desktop showed it; elsewhere the tray icon's dot and menu carry it.
 */
export function applyBadgeCount(app: BadgePort, badge: RequestBadge): boolean {
  return app.setBadgeCount(badge.unanswered);
}
