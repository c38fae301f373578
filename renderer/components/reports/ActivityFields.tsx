// The fields of one activity in the daily report: description, output, status, link or attachment,
// hours and target. An error from the core or a number that cannot be read sits under its field.
import { useId, useState, type ReactNode } from 'react';
import { Button, FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus, AttachmentRef, TargetProgress } from '../../../shared/reports';
import type { ActivityForm } from './draft';

const STATUSES: readonly { value: ActivityStatus; key: 'reports.daily.statusDone' | 'reports.daily.statusInProgress' | 'reports.daily.statusBlocked' }[] = [
  { value: 'done', key: 'reports.daily.statusDone' },
  { value: 'in_progress', key: 'reports.daily.statusInProgress' },
  { value: 'blocked', key: 'reports.daily.statusBlocked' },
];

/** Field name within an activity (description, output, …) mapped to its error message, if any. */
export type ActivityErrors = Partial<Record<keyof ActivityForm | 'attachment', string>>;

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** Name, size and SHA-256 digest of a chosen file; the file's content never leaves this function. */
async function describeFile(file: File): Promise<AttachmentRef> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  const sha256 = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { name: file.name, sha256, size: file.size };
}

function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  isDisabled: boolean;
  multiline?: boolean;
  hint?: ReactNode;
  type?: string;
  inputMode?: 'decimal' | 'numeric' | 'url';
  className?: string;
}) {
  return (
    <TextField
      className={`report-field ${props.className ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      isInvalid={props.error !== undefined}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{props.label}</Label>
      {props.multiline ? <TextArea rows={2} /> : <Input type={props.type ?? 'text'} {...(props.inputMode ? { inputMode: props.inputMode } : {})} />}
      {props.hint && (
        <Text slot="description" className="field-hint">
          {props.hint}
        </Text>
      )}
      <FieldError className="field-error">{props.error}</FieldError>
    </TextField>
  );
}

export function ActivityFields(props: {
  number: number;
  activity: ActivityForm;
  targets: readonly TargetProgress[];
  errors: ActivityErrors;
  isDisabled: boolean;
  locale: string;
  /** Receives a change to apply to the activity as it is when the change lands. */
  onChange: (change: (current: ActivityForm) => ActivityForm) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { activity, number, isDisabled } = props;
  const headingId = useId();
  const statusId = useId();
  const targetId = useId();
  const targetErrorId = useId();
  const fileId = useId();
  const fileHintId = useId();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const set = <K extends keyof ActivityForm>(name: K, value: ActivityForm[K]) => props.onChange((current) => ({ ...current, [name]: value }));

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setFileProblem(null);
    setReading(true);
    try {
      set('attachment', await describeFile(file));
    } catch (error) {
      setFileProblem(t('reports.daily.attachmentFailed', { name: file.name, message: (error as Error).message }));
    } finally {
      setReading(false);
    }
  };

  const attachmentError = props.errors.attachment ?? fileProblem ?? undefined;
  return (
    <fieldset className="activity" aria-labelledby={headingId} data-testid="activity">
      <legend id={headingId} className="activity-legend">
        {t('reports.daily.activity', { number })}
      </legend>

      <TextInput
        label={t('reports.daily.description')}
        value={activity.description}
        onChange={(value) => set('description', value)}
        error={props.errors.description}
        isDisabled={isDisabled}
        multiline
        className="wide"
      />
      <TextInput
        label={t('reports.daily.output')}
        value={activity.output}
        onChange={(value) => set('output', value)}
        error={props.errors.output}
        isDisabled={isDisabled}
        hint={t('reports.daily.outputHint')}
        className="wide"
      />

      <div className="report-field">
        <label className="field-label" htmlFor={statusId}>
          {t('reports.daily.status')}
        </label>
        <select id={statusId} value={activity.status} disabled={isDisabled} onChange={(event) => set('status', event.target.value as ActivityStatus)}>
          {STATUSES.map((status) => (
            <option key={status.value} value={status.value}>
              {t(status.key)}
            </option>
          ))}
        </select>
      </div>

      <TextInput
        label={t('reports.daily.hours')}
        value={activity.hours}
        onChange={(value) => set('hours', value)}
        error={props.errors.hours}
        isDisabled={isDisabled}
        inputMode="decimal"
      />

      <TextInput
        label={t('reports.daily.link')}
        value={activity.link}
        onChange={(value) => set('link', value)}
        error={props.errors.link}
        isDisabled={isDisabled}
        type="url"
        inputMode="url"
        className="wide"
      />

      <div className="report-field wide">
        <label className="field-label" htmlFor={fileId}>
          {t('reports.daily.attachment')}
        </label>
        {activity.attachment ? (
          <p className="attachment">
            <span>{t('reports.daily.attachmentInfo', { name: activity.attachment.name, size: formatBytes(activity.attachment.size, props.locale) })}</span>{' '}
            <Button className="button button-quiet" isDisabled={isDisabled} onPress={() => set('attachment', null)}>
              {t('reports.daily.attachmentRemove', { number })}
            </Button>
          </p>
        ) : (
          <input
            id={fileId}
            type="file"
            disabled={isDisabled || reading}
            aria-describedby={fileHintId}
            aria-invalid={attachmentError !== undefined}
            onChange={(event) => void chooseFile(event.target.files?.[0])}
          />
        )}
        <p id={fileHintId} className="field-hint">
          {reading ? t('reports.daily.attachmentReading') : t('reports.daily.attachmentHint')}
        </p>
        {attachmentError && (
          <p className="field-error" role="alert">
            {attachmentError}
          </p>
        )}
      </div>

      <div className="report-field">
        <label className="field-label" htmlFor={targetId}>
          {t('reports.daily.target')}
        </label>
        <select
          id={targetId}
          value={activity.targetId}
          disabled={isDisabled}
          aria-invalid={props.errors.targetId !== undefined}
          aria-describedby={props.errors.targetId ? targetErrorId : undefined}
          onChange={(event) => set('targetId', event.target.value)}
        >
          <option value="">{t('reports.daily.targetNone')}</option>
          {props.targets.map((progress) => (
            <option key={progress.target.id} value={progress.target.id}>
              {progress.target.title} ({progress.target.unit})
            </option>
          ))}
        </select>
        {props.errors.targetId && (
          <p id={targetErrorId} className="field-error" role="alert">
            {props.errors.targetId}
          </p>
        )}
      </div>

      {activity.targetId !== '' && (
        <TextInput
          label={t('reports.daily.quantity')}
          value={activity.quantity}
          onChange={(value) => set('quantity', value)}
          error={props.errors.quantity}
          isDisabled={isDisabled}
          inputMode="numeric"
          hint={t('reports.daily.quantityHint')}
        />
      )}

      {!isDisabled && (
        <div className="activity-actions">
          <Button className="button button-quiet" onPress={props.onRemove}>
            {t('reports.daily.removeActivity', { number })}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
