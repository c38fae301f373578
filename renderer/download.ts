// Offers text as a file download with only web APIs (Blob, an object URL and a link with a file
// name), so it works in Chromium and in Electron's renderer without Node or Electron calls.

/** Starts the download of `text` as `fileName`. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the Blob after click() returns, so the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
