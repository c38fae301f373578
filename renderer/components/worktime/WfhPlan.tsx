// The week's WFH plan: the job category that sets the quota, and each working day planned as WFH,
// office, or an office day required by an exception. Over-quota plans are saved and warned about.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobCategory, OfficeException, WorkTimeView } from '../../../shared/worktime';
import { formatDayKey } from '../../format';
import { currentLanguage } from '../../i18n';

const EXCEPTIONS: readonly OfficeException[] = ['meeting', 'training', 'inspection', 'service-hours'];

/** The select's value for a day: "", "wfh", "office" or "office:<exception>". */
function planValue(day: WorkTimeView['wfh']['days'][number]): string {
  if (day.place === null) return '';
  if (day.place === 'office' && day.exception) return `office:${day.exception}`;
  return day.place;
}

export interface PlanChange {
  date: string;
  place: 'wfh' | 'office' | null;
  exception: OfficeException | null;
}

export function WfhPlan({
  view,
  isSaving,
  onPlan,
  onCategory,
}: {
  view: WorkTimeView;
  isSaving: boolean;
  onPlan: (change: PlanChange) => void;
  onCategory: (category: JobCategory) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const categoryId = useId();

  const change = (date: string, value: string) => {
    if (value === '') onPlan({ date, place: null, exception: null });
    else if (value === 'wfh' || value === 'office') onPlan({ date, place: value, exception: null });
    else onPlan({ date, place: 'office', exception: value.slice('office:'.length) as OfficeException });
  };

  return (
    <div className="wfh-plan">
      <label htmlFor={categoryId}>{t('jamKerja.jobCategoryLabel')}</label>{' '}
      <select id={categoryId} value={view.wfh.jobCategory} disabled={isSaving} onChange={(event) => onCategory(event.target.value as JobCategory)}>
        {view.wfh.categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name[language]}
          </option>
        ))}
      </select>
      <ul className="plan-days">
        {view.wfh.days
          .filter((day) => day.working)
          .map((day) => {
            const dayName = formatDayKey(day.date, language);
            return (
              <li key={day.date}>
                <label>
                  <span>{dayName}</span>{' '}
                  <select
                    aria-label={t('jamKerja.planLabel', { day: dayName })}
                    value={planValue(day)}
                    disabled={isSaving}
                    onChange={(event) => change(day.date, event.target.value)}
                  >
                    <option value="">{t('jamKerja.planNone')}</option>
                    <option value="wfh">{t('jamKerja.planWfh')}</option>
                    <option value="office">{t('jamKerja.planOffice')}</option>
                    {EXCEPTIONS.map((exception) => (
                      <option key={exception} value={`office:${exception}`}>
                        {t('jamKerja.planException', { exception: t(`jamKerja.exception.${exception}`) })}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            );
          })}
      </ul>
    </div>
  );
}
