// What every page receives from the shell that hosts it.
import type { ComponentType } from 'react';
import type { CompanionStatus } from '../../shared/domain';
import type { CompanionApi, IpcError } from '../../shared/ipc';
import type { LocaleMessages } from '../../shared/locales';

export interface PageProps {
  api: CompanionApi;
  /** The latest status from the core, null until the first read. */
  status: CompanionStatus | null;
  /** Reads the status again, after an action that changed it. */
  refresh: () => Promise<void>;
  /** Shows an error in the shared alert region; null clears it. */
  reportError: (error: IpcError | null) => void;
}

/** A key under `nav` in the locale files: the page's name in the navigation and its heading. */
export type PageTitleKey = `nav.${keyof LocaleMessages['nav'] & string}`;

export interface PageEntry {
  /** Stable id, used in the address (#/id). */
  id: string;
  titleKey: PageTitleKey;
  component: ComponentType<PageProps>;
}
