/** Hands `blob` to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the object URL is only needed for the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the server sent as base64 (a PDF, a zip), handed to the browser as a download. */
export function saveBase64File(base64: string, fileName: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  saveBlob(new Blob([bytes], { type }), fileName);
}
