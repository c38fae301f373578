// Handlers for the reports calls of the IPC contract (shared/ipc-reports.ts).
import type { reportsCalls } from '../../../shared/ipc-reports';
import type { Companion } from '../companion';
import type { IpcHandlers } from './handlers';

export function createReportsHandlers(companion: Companion): Pick<IpcHandlers, keyof typeof reportsCalls> {
  const reports = companion.reports;
  return {
    getDailyReport: ({ date }) => reports.daily.view(date),
    saveDraft: ({ date, draft }) => reports.daily.saveDraft(date, draft),
    submitDailyReport: ({ date }) => reports.daily.submit(date),
    listReports: ({ from, to }) => ({ items: reports.daily.list(from, to) }),
    getWeeklySummary: ({ weekStart }) => reports.weekly.get(weekStart),
    saveWeeklySummary: ({ weekStart, edit }) => reports.weekly.save(weekStart, edit),
    regenerateWeeklySummary: ({ weekStart }) => reports.weekly.regenerate(weekStart),
    submitWeeklySummary: ({ weekStart }) => reports.weekly.submit(weekStart),
    renderWeeklySummaryHtml: ({ weekStart, language }) => reports.weeklyHtml(weekStart, language),
    listTargets: ({ from, to }) => ({ targets: reports.listTargets(from, to) }),
    saveTarget: ({ target }) => reports.saveTarget(target),
    deleteTarget: ({ id }) => reports.deleteTarget(id),
    getDashboard: () => reports.dashboard(),
  };
}
