import type { BinaryDownload, Download } from '../state/app.svelte';

/** Hands a file to the browser's downloads; nothing is sent anywhere. */
export function saveFile(file: Download | BinaryDownload): void {
  const blob = 'bytes' in file ? new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }) : new Blob([file.text], { type: file.name.endsWith('.json') ? 'application/json' : 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
