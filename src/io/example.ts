// The built-in example: the 2017 care-planning report's tables, read through
// the same importer a user's files go through.
import grades from '../example/care-planning-2017/Grades.csv?raw';
import posts from '../example/care-planning-2017/Posts.csv?raw';
import savings from '../example/care-planning-2017/Savings.csv?raw';
import { emptyWorkbook, type Workbook } from '../model/workbook';
import { applyImport, previewImport } from './import';

export const EXAMPLE_NAME = 'Care and support planning (October 2017)';

export function exampleWorkbook(): Workbook {
  const files = Object.entries({ 'Grades.csv': grades, 'Posts.csv': posts, 'Savings.csv': savings }).map(([name, text]) => ({
    name,
    bytes: new TextEncoder().encode(text),
  }));
  const preview = previewImport(files, emptyWorkbook(EXAMPLE_NAME));
  if (preview.problems.length) throw new Error(`The built-in example does not read: ${preview.problems[0].reason}`);
  return applyImport(emptyWorkbook(EXAMPLE_NAME), preview);
}
