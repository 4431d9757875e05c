/** Hands a file the back office produced (base64) to the browser or Electron to save, under its name. */
export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // Revoked later, not at once: the download starts after this function returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
