/** Saving as a file the browser downloads (an object URL, revoked once clicked). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download synchronously; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function download(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}
