/// <reference lib="webworker" />
// Reading files happens here, so 100,000 rows never freeze the page, and the
// Excel reader is fetched here, only when a workbook is chosen.
import type { ImportReply, ImportRequest } from './import-protocol';
import { previewFiles } from './xlsx';

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { id, files, open, choices } = event.data;
  try {
    const preview = await previewFiles(files, open, choices, (progress) => post({ id, kind: 'progress', progress }));
    post({ id, kind: 'done', preview });
  } catch (error) {
    post({ id, kind: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};
