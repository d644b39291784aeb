// The browser's refusals in the user's words. A DOMException from storage often
// carries no message at all (a full disk gives a QuotaExceededError whose
// message is empty), and when it has one it is written for developers.

const BY_NAME: Record<string, string> = {
  QuotaExceededError: 'this browser’s storage for the app is full',
  InvalidStateError: 'the browser closed its storage for the app (it may be shutting down, or the storage was cleared)',
  VersionError: 'the work kept in this browser was saved by a newer version of the app; reload the page to use it',
  SecurityError: 'this browser does not let the app keep work (a private window, or a setting that blocks storage)',
  NotAllowedError: 'this browser does not let the app keep work (a private window, or a setting that blocks storage)',
  AbortError: 'the browser stopped before it had finished writing',
  TimeoutError: 'the browser’s storage took too long to answer',
  UnknownError: 'the browser’s storage failed (a problem with the disk or the browser)',
  DataCloneError: 'the workbook holds something the browser cannot store',
  NotReadableError: 'the file could not be read (it may have been moved, changed or deleted)',
};

const NO_REASON = 'an unexpected problem, with no reason given';

/** Plain words for what was thrown: a person's message as it is, a browser's refusal by its name. */
export function describeError(e: unknown): string {
  if (typeof e === 'string') return e || NO_REASON;
  if (typeof e !== 'object' || e === null) return NO_REASON;
  const { name, message } = e as { name?: unknown; message?: unknown };
  const isDomException = typeof DOMException !== 'undefined' && e instanceof DOMException;
  if (isDomException && typeof name === 'string' && Object.hasOwn(BY_NAME, name)) return BY_NAME[name];
  if (typeof message === 'string' && message.trim() !== '') return message;
  if (isDomException && typeof name === 'string') return `the browser refused, giving no reason (${name})`;
  return NO_REASON;
}
