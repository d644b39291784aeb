import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { WorkbookStore } from './db';

it('reopens the workbook last saved, exactly as it was written', async () => {
  const store = new WorkbookStore('test-reopen');
  expect(await store.lastOpen()).toBeNull();
  const wb = carePlanningWorkbook();
  await store.save('a', { ...wb, name: 'first' });
  await store.save('b', wb);
  const again = await new WorkbookStore('test-reopen').lastOpen();
  expect(again?.id).toBe('b');
  expect(again?.workbook).toEqual(wb);
});
