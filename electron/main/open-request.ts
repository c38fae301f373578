// Opening one request from outside the running window. A command-line flag carries its id after a
// notification click or from a second launch. This file also builds the Permintaan page's hash route
// and the Windows toast that launches the app with that flag.

/** `--open-request=ID` on the command line, or in a Windows toast's launch arguments. */
export const OPEN_REQUEST_FLAG = '--open-request';

/** Maximum id length, the same bound as the IPC contract's request id. */
const MAX_REQUEST_ID_LENGTH = 200;

/** The Permintaan page's id in renderer/pages/registry.ts. */
export const REQUESTS_PAGE_ID = 'permintaan';

/**
 * Finds the request id in a command line (`--open-request=ID` or `--open-request ID`). Returns null
 * when the flag is absent, empty, longer than the contract allows, or contains control characters.
 * The last occurrence wins, because a launcher appends its own arguments after the app's.
 */
export function parseOpenRequest(argv: readonly string[]): string | null {
  let found: string | null = null;

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument.startsWith(`${OPEN_REQUEST_FLAG}=`)) {
      found = argument.slice(OPEN_REQUEST_FLAG.length + 1);
    } else if (argument === OPEN_REQUEST_FLAG && index + 1 < argv.length) {
      found = argv[index + 1]!;
      index++;
    }
  }

  if (found === null) return null;
  const id = found.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be rejected
  if (id.length === 0 || id.length > MAX_REQUEST_ID_LENGTH || /[\u0000-\u001f\u007f]/.test(id)) return null;
  return id;
}

/**
 * Splits a Windows toast's launch arguments (one string) the way parseOpenRequest expects. The toast
 * writes the id percent-encoded, so it never contains a space or a quote.
 */
export function parseActivationArguments(launch: string): string | null {
  const id = parseOpenRequest(launch.split(/\s+/).filter((part) => part.length > 0));
  if (id === null) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

/** Builds the hash route of the Permintaan page, with the request when an id is given: `#/permintaan/ID`. */
export function requestRoute(id: string | null): string {
  return id === null ? `#/${REQUESTS_PAGE_ID}` : `#/${REQUESTS_PAGE_ID}/${encodeURIComponent(id)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface RequestToast {
  requestId: string;
  title: string;
  body: string;
  emergency: boolean;
}

/**
 * Builds the Windows toast for a request. Its `launch` attribute carries `--open-request=ID`, which
 * Notification.handleActivation receives when the toast is clicked in the Action Center, even after
 * the app was restarted. Emergencies use the urgent scenario (shown through Focus Assist on Windows
 * 11) and the reminder sound.
 */
export function requestToastXml(toast: RequestToast): string {
  const launch = `${OPEN_REQUEST_FLAG}=${encodeURIComponent(toast.requestId)}`;
  const scenario = toast.emergency ? ' scenario="urgent"' : '';
  const sound = toast.emergency ? 'ms-winsoundevent:Notification.Reminder' : 'ms-winsoundevent:Notification.Default';
  return [
    `<toast launch="${escapeXml(launch)}" activationType="foreground"${scenario}>`,
    '<visual><binding template="ToastGeneric">',
    `<text>${escapeXml(toast.title)}</text>`,
    `<text>${escapeXml(toast.body)}</text>`,
    '</binding></visual>',
    `<audio src="${sound}"/>`,
    '</toast>',
  ].join('');
}
