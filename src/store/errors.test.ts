import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

describe('what went wrong, in the user’s words', () => {
  it('says the storage is full when the browser refuses a write for space, with or without its own message', () => {
    expect(describeError(new DOMException('', 'QuotaExceededError'))).toBe('this browser’s storage for the app is full');
    expect(describeError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe('this browser’s storage for the app is full');
  });

  it('names other refusals of the browser in plain words, by their name', () => {
    expect(describeError(new DOMException('', 'InvalidStateError'))).toBe('the browser closed its storage for the app (it may be shutting down, or the storage was cleared)');
    expect(describeError(new DOMException('', 'VersionError'))).toBe('the work kept in this browser was saved by a newer version of the app; reload the page to use it');
    expect(describeError(new DOMException('', 'SecurityError'))).toBe('this browser does not let the app keep work (a private window, or a setting that blocks storage)');
  });

  it('keeps a message written for a person, and never shows an empty reason', () => {
    expect(describeError(new Error('The engine stopped'))).toBe('The engine stopped');
    expect(describeError(new DOMException('', 'SomeNewError'))).toBe('the browser refused, giving no reason (SomeNewError)');
    expect(describeError(new Error(''))).toBe('an unexpected problem, with no reason given');
    expect(describeError('gone')).toBe('gone');
    expect(describeError(undefined)).toBe('an unexpected problem, with no reason given');
  });
});
