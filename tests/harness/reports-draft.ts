// The draft that the crash test's typing process saves after keystroke n. Every field depends on n,
// so a draft torn between two saves would show.
import type { DailyReportDraft } from '../../shared/reports';

export function draftAt(n: number): DailyReportDraft {
  return {
    activities: [
      { id: 'activity-1', description: `Menyusun telaahan staf, ketikan ${n}`, output: `Draf ${n} halaman`, status: 'in_progress', hours: n % 8 },
      { id: 'activity-2', description: 'Rapat koordinasi', output: 'Notula', status: 'done' },
    ],
    obstacles: `Kendala ${n} `.repeat(50).trim(),
    plan: `Rencana ${n}`,
  };
}
