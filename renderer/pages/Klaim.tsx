// The Klaim Tunjangan (allowance claims) page: the policy's allowances, the form of one draft with its
// receipts, and every claim with its status, decision deadline and overdue flag.
import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatRupiah, type Claim, type ClaimsView } from '../../shared/claims';
import type { Language } from '../../shared/domain';
import type { IpcResult } from '../../shared/ipc';
import { ClaimForm, parseRupiah, type ClaimFormValues } from '../components/ClaimForm';
import { Panel } from '../components/Panel';
import { formatDateTime, formatDayKey } from '../format';
import { currentLanguage, localeOf } from '../i18n';
import type { PageProps } from './types';

type Outcome = { key: 'claims.form.saved' | 'claims.form.submittedNotice' | 'claims.form.deleted' | 'claims.list.refreshed' } | { key: 'claims.form.attached'; name: string };

function emptyForm(view: ClaimsView | null): ClaimFormValues {
  const first = view?.allowances.find((allowance) => allowance.amountRupiah !== null)?.type ?? 'internet';
  return { type: first, month: view?.today.slice(0, 7) ?? '', amountText: '', description: '' };
}

function formOf(claim: Claim): ClaimFormValues {
  return { type: claim.type, month: claim.period === 'once' ? '' : claim.period, amountText: String(claim.amountRupiah), description: claim.description };
}

/** "Maret 2026" for a month, "sekali"/"once" for a one-time allowance. */
function periodText(period: string, language: Language, once: string): string {
  if (period === 'once') return once;
  const [year, month] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 15)));
}

/** Reads a picked file as base64 for the IPC call. */
async function readBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

function ClaimRow({ claim, language, onEdit }: { claim: Claim; language: Language; onEdit: () => void }) {
  const { t } = useTranslation();
  const period = periodText(claim.period, language, t('claims.form.once'));
  return (
    <tr data-testid="claim-row" data-claim-id={claim.id}>
      <th scope="row">{t(`claims.type.${claim.type}`)}</th>
      <td>{period}</td>
      <td>{formatRupiah(claim.amountRupiah)}</td>
      <td>
        <span className={`badge badge-claim-${claim.status}`}>{t(`claims.status.${claim.status}`)}</span>
        {claim.status === 'submitted' && !claim.receivedByCentral && <div className="muted">{t('claims.list.waiting')}</div>}
        {claim.rejectionReason && <div>{t('claims.list.reason', { reason: claim.rejectionReason })}</div>}
      </td>
      <td>
        {claim.decisionDeadline ? formatDayKey(claim.decisionDeadline, language) : t('claims.list.noDeadline')}
        {claim.overdue && <span className="badge badge-overdue"> {t('claims.list.overdue')}</span>}
      </td>
      <td>{t('claims.list.receiptCount', { count: claim.receipts.length })}</td>
      <td>
        {claim.status === 'draft' && (
          <Button className="button button-quiet" onPress={onEdit}>
            {t('claims.list.edit', { period })}
          </Button>
        )}
      </td>
    </tr>
  );
}

export function Klaim({ api, reportError }: PageProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [view, setView] = useState<ClaimsView | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [values, setValues] = useState<ClaimFormValues>(emptyForm(null));
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  /** Runs one call, tracking it as pending; resolves with the value, or null after reporting the error. */
  const perform = useCallback(
    async <T,>(name: string, request: () => Promise<IpcResult<T>>): Promise<T | null> => {
      setPending((current) => new Set(current).add(name));
      reportError(null);
      setOutcome(null);
      try {
        const result = await request();
        if (result.ok) return result.value;
        reportError(result.error);
        return null;
      } finally {
        setPending((current) => {
          const next = new Set(current);
          next.delete(name);
          return next;
        });
      }
    },
    [reportError],
  );

  // Reading the list leaves the alert region alone, so a refusal stays visible after the reload.
  const load = useCallback(async () => {
    const result = await api.getClaims({});
    if (!result.ok) {
      reportError(result.error);
      return null;
    }
    setView(result.value);
    return result.value;
  }, [api, reportError]);

  useEffect(() => {
    void load().then((loaded) => {
      if (loaded) setValues(emptyForm(loaded));
    });
    // The statuses are fetched once when the page opens; the button fetches them again.
    void perform('refresh', () => api.refreshClaims({})).then((refreshed) => refreshed && setView(refreshed));
  }, [api, load, perform]);

  if (view === null) return <p className="muted" role="status">…</p>;

  const draft = view.claims.find((claim) => claim.id === draftId && claim.status === 'draft') ?? null;

  /** Saves the form as a draft (creating one if needed) and returns its id, or null when refused. */
  const saveDraft = async (): Promise<string | null> => {
    const allowance = view.allowances.find((candidate) => candidate.type === values.type);
    const saved = await perform('save', () =>
      api.saveClaimDraft({
        ...(draftId ? { id: draftId } : {}),
        type: values.type,
        period: allowance?.frequency === 'once' ? 'once' : values.month,
        amountRupiah: parseRupiah(values.amountText) ?? 0,
        description: values.description,
      }),
    );
    if (!saved) return null;
    setDraftId(saved.id);
    await load();
    return saved.id;
  };

  const attach = async (file: File) => {
    const id = draftId ?? (await saveDraft());
    if (!id) return;
    let contentBase64: string;
    try {
      contentBase64 = await readBase64(file);
    } catch {
      reportError({ code: 'failed', message: t('claims.form.readFailed', { name: file.name }) });
      return;
    }
    const updated = await perform('attach', () => api.attachReceipt({ claimId: id, fileName: file.name, contentBase64 }));
    await load();
    if (updated) setOutcome({ key: 'claims.form.attached', name: file.name });
  };

  const submit = async () => {
    const id = await saveDraft();
    if (!id) return;
    const submitted = await perform('submit', () => api.submitClaim({ id }));
    await load();
    if (!submitted) return;
    setDraftId(null);
    setValues(emptyForm(view));
    setOutcome({ key: 'claims.form.submittedNotice' });
  };

  const remove = async () => {
    if (!draftId) return;
    const deleted = await perform('delete', () => api.deleteClaimDraft({ id: draftId }));
    await load();
    if (!deleted) return;
    setDraftId(null);
    setValues(emptyForm(view));
    setOutcome({ key: 'claims.form.deleted' });
  };

  const refreshStatuses = async () => {
    const refreshed = await perform('refresh', () => api.refreshClaims({}));
    if (!refreshed) return;
    setView(refreshed);
    setOutcome({ key: 'claims.list.refreshed' });
  };

  return (
    <>
      <p className="page-intro">{t('claims.intro')}</p>

      <Panel title={t('claims.allowances.heading')}>
        <ul className="allowance-list">
          {view.allowances.map((allowance) => (
            <li key={allowance.type}>
              <strong>{t(`claims.type.${allowance.type}`)}</strong>:{' '}
              {allowance.amountRupiah === null
                ? t('claims.allowances.unset')
                : t(allowance.frequency === 'once' ? 'claims.allowances.once' : 'claims.allowances.monthly', { amount: formatRupiah(allowance.amountRupiah) })}
            </li>
          ))}
        </ul>
        <p className="muted">
          {view.approvalWorkingDays === null ? t('claims.allowances.noDeadline') : t('claims.allowances.deadlineRule', { days: view.approvalWorkingDays })}
        </p>
      </Panel>

      <Panel title={draft ? t('claims.form.editHeading') : t('claims.form.newHeading')}>
        <ClaimForm
          view={view}
          draft={draft}
          values={values}
          onChange={setValues}
          pending={pending}
          onSave={() => void saveDraft().then((id) => id && setOutcome({ key: 'claims.form.saved' }))}
          onSubmit={() => void submit()}
          onDelete={() => void remove()}
          onNew={() => {
            setDraftId(null);
            setValues(emptyForm(view));
          }}
          onAttach={(file) => void attach(file)}
          onRemoveReceipt={(sha256) => void (draftId && perform('removeReceipt', () => api.removeReceipt({ claimId: draftId, sha256 })).then(load))}
        />
      </Panel>

      <div role="status" className="outcome">
        {outcome && <p>{outcome.key === 'claims.form.attached' ? t(outcome.key, { name: outcome.name }) : t(outcome.key)}</p>}
      </div>

      <Panel
        title={t('claims.list.heading')}
        actions={
          <Button className="button button-secondary" isPending={pending.has('refresh')} onPress={() => void refreshStatuses()}>
            {t('claims.list.refresh')}
          </Button>
        }
      >
        <p className="muted">
          {view.statusFetchedAt === null ? t('claims.list.neverFetched') : t('claims.list.fetchedAt', { when: formatDateTime(view.statusFetchedAt, view.zone, language) })}
        </p>
        {view.claims.length === 0 ? (
          <p className="muted">{t('claims.list.empty')}</p>
        ) : (
          <table className="data-table" data-testid="claims-table">
            <caption>{t('claims.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('claims.list.type')}</th>
                <th scope="col">{t('claims.list.period')}</th>
                <th scope="col">{t('claims.list.amount')}</th>
                <th scope="col">{t('claims.list.status')}</th>
                <th scope="col">{t('claims.list.deadline')}</th>
                <th scope="col">{t('claims.list.receipts')}</th>
                <th scope="col">{t('claims.list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {view.claims.map((claim) => (
                <ClaimRow
                  key={claim.id}
                  claim={claim}
                  language={language}
                  onEdit={() => {
                    setDraftId(claim.id);
                    setValues(formOf(claim));
                  }}
                />
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
