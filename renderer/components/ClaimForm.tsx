// The claim form of the Klaim page: allowance, period, amount, description and receipts of one
// draft. The core checks every rule; the form only shows what the core returns.
import { useId, useState, type ChangeEvent } from 'react';
import { Button, Input, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatRupiah, type AllowanceType, type Claim, type ClaimsView } from '../../shared/claims';
import { formatNumber } from '../format';
import { currentLanguage } from '../i18n';

export interface ClaimFormValues {
  type: AllowanceType;
  month: string;
  amountText: string;
  description: string;
}

export interface ClaimFormProps {
  view: ClaimsView;
  draft: Claim | null;
  values: ClaimFormValues;
  onChange: (values: ClaimFormValues) => void;
  pending: ReadonlySet<string>;
  onSave: () => void;
  onSubmit: () => void;
  onDelete: () => void;
  onNew: () => void;
  onAttach: (file: File) => void;
  onRemoveReceipt: (sha256: string) => void;
}

/** Reads a whole number of rupiah from the field, accepting the dots of "500.000"; null when it is not one. */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d{1,12}$/.test(digits) ? Number(digits) : null;
}

export function ClaimForm(props: ClaimFormProps) {
  const { t, i18n } = useTranslation();
  const fileId = useId();
  const [fileKey, setFileKey] = useState(0);
  const { view, draft, values, onChange, pending } = props;
  const allowance = view.allowances.find((candidate) => candidate.type === values.type);
  const limits = view.receiptLimits;
  const set = (patch: Partial<ClaimFormValues>) => onChange({ ...values, ...patch });
  const amountInvalid = values.amountText.trim() !== '' && parseRupiah(values.amountText) === null;

  const pickFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // A new key empties the input, so the same file can be picked again after a refusal.
    setFileKey((key) => key + 1);
    if (file) props.onAttach(file);
  };

  return (
    <form className="claim-form" aria-label={draft ? t('claims.form.editHeading') : t('claims.form.newHeading')} onSubmit={(event) => event.preventDefault()}>
      <RadioGroup className="field" value={values.type} onChange={(type) => set({ type: type as AllowanceType })}>
        <Label>{t('claims.form.type')}</Label>
        {view.allowances.map((option) => (
          <Radio key={option.type} value={option.type} isDisabled={option.amountRupiah === null} className="radio">
            {t(`claims.type.${option.type}`)}
          </Radio>
        ))}
      </RadioGroup>

      {allowance?.frequency === 'monthly' ? (
        <div className="field">
          <label htmlFor={`${fileId}-month`}>{t('claims.form.month')}</label>
          <input
            id={`${fileId}-month`}
            type="month"
            value={values.month}
            max={view.today.slice(0, 7)}
            onChange={(event) => set({ month: event.target.value })}
          />
        </div>
      ) : (
        <p className="field muted">{t('claims.form.once')}</p>
      )}

      <TextField className="field" value={values.amountText} onChange={(amountText) => set({ amountText })} isInvalid={amountInvalid}>
        <Label>{t('claims.form.amount')}</Label>
        <Input inputMode="numeric" />
        <Text slot="description">
          {amountInvalid
            ? t('claims.form.amountInvalid')
            : t('claims.form.amountHint', { max: allowance?.amountRupiah == null ? '—' : formatRupiah(allowance.amountRupiah) })}
        </Text>
      </TextField>

      <TextField className="field" value={values.description} onChange={(description) => set({ description })} maxLength={500}>
        <Label>{t('claims.form.description')}</Label>
        <TextArea rows={2} />
      </TextField>

      <div className="field">
        <label htmlFor={fileId}>{t('claims.form.receipt')}</label>
        <input
          key={fileKey}
          id={fileId}
          type="file"
          accept={limits.mediaTypes.join(',')}
          aria-describedby={`${fileId}-hint`}
          disabled={pending.has('attach')}
          onChange={pickFile}
        />
        <p id={`${fileId}-hint`} className="muted">
          {t('claims.form.receiptHint', { size: formatNumber(limits.maxBytes / (1024 * 1024), currentLanguage(i18n)), count: limits.maxPerClaim })}
        </p>
      </div>

      <div className="field">
        <h3>{t('claims.form.receipts')}</h3>
        {!draft || draft.receipts.length === 0 ? (
          <p className="muted">{t('claims.form.noReceipts')}</p>
        ) : (
          <ul className="receipt-list" data-testid="receipt-list">
            {draft.receipts.map((receipt) => (
              <li key={receipt.sha256}>
                <span>{receipt.fileName}</span> <span className="muted">({receipt.mediaType}, {Math.ceil(receipt.sizeBytes / 1024)} KiB)</span>{' '}
                <Button className="button button-quiet" onPress={() => props.onRemoveReceipt(receipt.sha256)}>
                  {t('claims.form.removeReceipt', { name: receipt.fileName })}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="actions">
        <Button className="button button-secondary" isPending={pending.has('save')} onPress={props.onSave}>
          {t('claims.form.saveDraft')}
        </Button>
        <Button className="button button-primary" isPending={pending.has('submit')} onPress={props.onSubmit}>
          {t('claims.form.submit')}
        </Button>
        {draft && (
          <>
            <Button className="button button-quiet" onPress={props.onDelete}>
              {t('claims.form.deleteDraft')}
            </Button>
            <Button className="button button-quiet" onPress={props.onNew}>
              {t('claims.form.newClaim')}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
