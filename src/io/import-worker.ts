/// <reference lib="webworker" />
// Reading files happens here, so 100,000 rows never freeze the page, and the
// Excel reader is fetched here, only when a workbook is chosen.
import { serve } from '../rpc/rpc';
import type { ImportHandlers } from './import-protocol';
import { previewFiles } from './xlsx';

serve<ImportHandlers>(self, {
  preview: ({ files, open, choices }, progress) => previewFiles(files, open, choices, progress),
});
