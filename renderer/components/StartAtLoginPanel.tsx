// The "start at login" setting. It appears only in the installed desktop app, because only the shell
// there can change the login item. Elsewhere the core reports it as unavailable and the panel is hidden.
import { useEffect, useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CompanionApi, IpcError } from '../../shared/ipc';
import type { LoginItemState } from '../../shared/ipc-login-item';
import { Panel } from './Panel';

export function StartAtLoginPanel({ api, reportError }: { api: CompanionApi; reportError: (error: IpcError | null) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<LoginItemState | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.getOpenAtLogin({}).then((result) => {
      if (result.ok) setState(result.value);
    });
  }, [api]);

  if (state === null || !state.available) return null;

  const change = async (enabled: boolean) => {
    setBusy(true);
    const result = await api.setOpenAtLogin({ enabled });
    setBusy(false);
    if (result.ok) setState(result.value);
    else reportError(result.error);
  };

  return (
    <Panel title={t('loginItem.heading')}>
      <p>{t('loginItem.body')}</p>
      <Checkbox className="attestation-checkbox" isSelected={state.enabled} isDisabled={busy} onChange={(enabled) => void change(enabled)}>
        {({ isSelected }) => (
          <>
            <span className="attestation-box" aria-hidden="true">
              {isSelected ? '✓' : ''}
            </span>
            {t('loginItem.enable')}
          </>
        )}
      </Checkbox>
    </Panel>
  );
}
