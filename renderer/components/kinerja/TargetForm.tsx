// Adds or edits one output target: name, weekly or monthly period, quantity, unit and deadline. The
// core checks the values; its message appears in the form, which keeps what was typed.
import { useId, useState } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc';
import type { Target, TargetInput, TargetPeriod } from '../../../shared/reports';
import { currentLanguage } from '../../i18n';
import { defaultPeriod } from '../../report-dates';

interface Fields {
  title: string;
  period: TargetPeriod;
  periodStart: string;
  quantity: string;
  unit: string;
  deadline: string;
}

function fieldsOf(target: Target | null, today: string): Fields {
  if (target) return { ...target, quantity: String(target.quantity) };
  return { title: '', period: 'week', ...defaultPeriod('week', today), quantity: '', unit: '' };
}

export function TargetForm(props: {
  target: Target | null;
  today: string;
  onSave: (input: TargetInput) => Promise<IpcError | null>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(props.target, props.today));
  const [problem, setProblem] = useState<{ field: 'quantity' | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  const periodId = useId();
  const startId = useId();
  const deadlineId = useId();
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => setFields((current) => ({ ...current, [name]: value }));

  const changePeriod = (period: TargetPeriod) => setFields((current) => ({ ...current, period, ...defaultPeriod(period, props.today) }));

  const save = async () => {
    const quantity = Number(fields.quantity.trim());
    if (!/^\d+$/.test(fields.quantity.trim()) || quantity <= 0) {
      setProblem({ field: 'quantity', message: t('reports.targets.quantityInvalid') });
      return;
    }
    setSaving(true);
    setProblem(null);
    const error = await props.onSave({
      ...(props.target ? { id: props.target.id } : {}),
      title: fields.title,
      period: fields.period,
      periodStart: fields.periodStart,
      quantity,
      unit: fields.unit,
      deadline: fields.deadline,
    });
    setSaving(false);
    if (error) setProblem({ field: null, message: error.text?.[language] ?? error.message });
  };

  return (
    <form
      className="target-form"
      aria-labelledby={headingId}
      data-testid="target-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={headingId} className="form-heading">
        {props.target ? t('reports.targets.formEdit') : t('reports.targets.formAdd')}
      </h3>
      {problem && problem.field === null && (
        <p className="field-error form-heading" role="alert">
          {problem.message}
        </p>
      )}
      <TextField className="report-field" value={fields.title} onChange={(value) => set('title', value)} isRequired validationBehavior="aria">
        <Label className="field-label">{t('reports.targets.title')}</Label>
        <Input />
      </TextField>
      <div className="report-field">
        <label className="field-label" htmlFor={periodId}>
          {t('reports.targets.period')}
        </label>
        <select id={periodId} value={fields.period} onChange={(event) => changePeriod(event.target.value as TargetPeriod)}>
          <option value="week">{t('reports.targets.week')}</option>
          <option value="month">{t('reports.targets.month')}</option>
        </select>
      </div>
      <div className="report-field">
        <label className="field-label" htmlFor={startId}>
          {t('reports.targets.periodStart')}
        </label>
        <input id={startId} type="date" value={fields.periodStart} onChange={(event) => set('periodStart', event.target.value)} />
      </div>
      <TextField
        className="report-field"
        value={fields.quantity}
        onChange={(value) => set('quantity', value)}
        isInvalid={problem?.field === 'quantity'}
        isRequired
        validationBehavior="aria"
      >
        <Label className="field-label">{t('reports.targets.quantity')}</Label>
        <Input inputMode="numeric" />
        <FieldError className="field-error">{problem?.field === 'quantity' ? problem.message : undefined}</FieldError>
      </TextField>
      <TextField className="report-field" value={fields.unit} onChange={(value) => set('unit', value)} isRequired validationBehavior="aria">
        <Label className="field-label">{t('reports.targets.unit')}</Label>
        <Input />
        <Text slot="description" className="field-hint">
          {t('reports.targets.unitHint')}
        </Text>
      </TextField>
      <div className="report-field">
        <label className="field-label" htmlFor={deadlineId}>
          {t('reports.targets.deadline')}
        </label>
        <input id={deadlineId} type="date" value={fields.deadline} onChange={(event) => set('deadline', event.target.value)} />
      </div>
      <div className="form-actions">
        <Button type="submit" className="button button-primary" isPending={saving} isDisabled={saving}>
          {t('reports.targets.save')}
        </Button>
        <Button className="button button-quiet" onPress={props.onCancel}>
          {t('reports.targets.cancel')}
        </Button>
      </div>
    </form>
  );
}
