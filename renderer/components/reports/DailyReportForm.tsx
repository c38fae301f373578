// The daily report form: the day's activities, obstacles and plan, the autosave state, and Submit.
// Errors from the core appear under the field they are about, or above the form when no field is.
import { Button, FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CompanionStatus } from '../../../shared/domain';
import type { CompanionApi } from '../../../shared/ipc';
import { REPORT_LIMITS, type TargetProgress } from '../../../shared/reports';
import { formatClock, formatDateTime, formatDayKey } from '../../format';
import type { ReportDraft, SaveStatus } from '../../hooks/use-report-draft';
import { currentLanguage, localeOf } from '../../i18n';
import { ActivityFields, type ActivityErrors } from './ActivityFields';
import { DeliveryState } from './DeliveryState';
import { emptyActivity, type ActivityForm, type FieldPath } from './draft';

interface FieldErrors {
  activities: ActivityErrors[];
  list?: string;
  obstacles?: string;
  plan?: string;
  general?: string;
}

/** Places the failed save's message on its field. */
function errorsOf(status: SaveStatus, message: string | null): FieldErrors {
  const errors: FieldErrors = { activities: [] };
  if (status.kind !== 'failed' || message === null) return errors;
  const field: FieldPath | null = status.field;
  const match = field?.match(/^activities\.(\d+)\.(\w+)$/);
  if (match) {
    const index = Number(match[1]);
    errors.activities[index] = { [match[2] as keyof ActivityErrors]: message };
  } else if (field === 'activities') errors.list = message;
  else if (field === 'obstacles') errors.obstacles = message;
  else if (field === 'plan') errors.plan = message;
  else errors.general = message;
  return errors;
}

function SaveState({ status, zone }: { status: SaveStatus; zone: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (status.kind === 'saved') {
    return (
      <p className="save-state save-saved" role="status" data-testid="save-status">
        <strong>{t('reports.daily.saved')}</strong> <span className="muted">{formatClock(status.at, zone, language)}</span>
      </p>
    );
  }

  let text: string;
  if (status.kind === 'idle') text = t('reports.daily.saveIdle');
  else if (status.kind === 'pending') text = t('reports.daily.savePending');
  else if (status.kind === 'saving') text = t('reports.daily.saving');
  else text = t('reports.daily.saveFailed');
  return (
    <p className={`save-state save-${status.kind}`} role="status" data-testid="save-status">
      {text}
    </p>
  );
}

function LongText(props: { label: string; hint?: string; value: string; error: string | undefined; isDisabled: boolean; onChange: (value: string) => void }) {
  return (
    <TextField
      className="report-field wide"
      value={props.value}
      onChange={props.onChange}
      isInvalid={props.error !== undefined}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{props.label}</Label>
      <TextArea rows={3} />
      {props.hint && (
        <Text slot="description" className="field-hint">
          {props.hint}
        </Text>
      )}
      <FieldError className="field-error">{props.error}</FieldError>
    </TextField>
  );
}

export function DailyReportForm(props: { api: CompanionApi; draft: ReportDraft; targets: readonly TargetProgress[]; status: CompanionStatus | null }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { draft } = props;
  const view = draft.view!;
  const zone = props.status?.attendance.zone ?? 'Asia/Jakarta';
  const report = view.report;
  const isDisabled = !view.editable || draft.submitting;
  // For a draft the core sets `late` when submitting now would be late; before the first save there is no report yet.
  const late = report ? report.late && report.state === 'draft' : view.date < view.today;

  const failed = draft.status.kind === 'failed' ? draft.status.problem : null;
  let message: string | null = null;
  if (failed?.kind === 'core') message = failed.error.text?.[language] ?? failed.error.message;
  else if (failed?.kind === 'number') message = t('reports.daily.notANumber', { value: failed.value });
  const errors = errorsOf(draft.status, message);

  const setActivity = (key: string, change: (current: ActivityForm) => ActivityForm) =>
    draft.update((form) => ({ ...form, activities: form.activities.map((activity) => (activity.key === key ? change(activity) : activity)) }));
  const removeActivity = (key: string) => draft.update((form) => ({ ...form, activities: form.activities.filter((activity) => activity.key !== key) }));
  const addActivity = () => draft.update((form) => ({ ...form, activities: [...form.activities, emptyActivity()] }));

  if (!view.reportable) {
    const date = formatDayKey(view.date, language);
    return (
      <p className="note" data-testid="report-not-needed">
        {view.working ? t('reports.daily.future', { date }) : t('reports.daily.notWorking', { date, reason: view.dayOff?.[language] ?? t('reports.daily.weekend') })}
      </p>
    );
  }

  return (
    <form
      className="daily-report"
      aria-label={t('reports.daily.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void draft.submit();
      }}
    >
      {late && (
        <p className="note late-note">
          <span className="badge badge-late">{t('reports.daily.lateBadge')}</span> {t('reports.daily.lateNotice', { date: formatDayKey(view.date, language) })}
        </p>
      )}
      {report?.state === 'submitted' && <p className="note">{t('reports.daily.readOnly')}</p>}
      {draft.restored && view.editable && <p className="note">{t('reports.daily.restored')}</p>}
      {errors.general && (
        <p className="field-error form-error" role="alert">
          {errors.general}
        </p>
      )}

      <h3>{t('reports.daily.activitiesHeading')}</h3>
      <p className="field-hint">{t('reports.daily.activitiesHint', { max: REPORT_LIMITS.activities })}</p>
      {draft.form.activities.length === 0 && <p className="muted">{t('reports.daily.noActivities')}</p>}
      {draft.form.activities.map((activity, index) => (
        <ActivityFields
          key={activity.key}
          number={index + 1}
          activity={activity}
          targets={props.targets}
          errors={errors.activities[index] ?? {}}
          isDisabled={isDisabled}
          locale={localeOf(language)}
          onChange={(change) => setActivity(activity.key, change)}
          onRemove={() => removeActivity(activity.key)}
        />
      ))}
      {errors.list && (
        <p className="field-error" role="alert">
          {errors.list}
        </p>
      )}
      {view.editable && (
        <Button className="button button-secondary" isDisabled={isDisabled} onPress={addActivity}>
          {t('reports.daily.addActivity')}
        </Button>
      )}

      <LongText
        label={t('reports.daily.obstacles')}
        hint={t('reports.daily.obstaclesHint')}
        value={draft.form.obstacles}
        error={errors.obstacles}
        isDisabled={isDisabled}
        onChange={(value) => draft.update((form) => ({ ...form, obstacles: value }))}
      />
      <LongText
        label={t('reports.daily.plan')}
        value={draft.form.plan}
        error={errors.plan}
        isDisabled={isDisabled}
        onChange={(value) => draft.update((form) => ({ ...form, plan: value }))}
      />

      <div className="report-actions">
        {view.editable && <SaveState status={draft.status} zone={zone} />}
        {view.editable && (
          <Button type="submit" className="button button-primary" isPending={draft.submitting} isDisabled={draft.submitting}>
            {draft.submitting ? t('reports.daily.submitting') : t('reports.daily.submit')}
          </Button>
        )}
      </div>

      {report?.state === 'submitted' && (
        <div className="report-submitted" data-testid="report-submitted">
          <p>
            {report.late && <span className="badge badge-late">{t('reports.daily.lateBadge')}</span>}{' '}
            {t('reports.daily.submittedAt', { time: formatDateTime(report.submittedAt ?? report.updatedAt, zone, language) })}
          </p>
          <DeliveryState api={props.api} date={view.date} status={props.status} />
        </div>
      )}
    </form>
  );
}
