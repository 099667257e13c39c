// CSV of the rows a chart shows (RFC 4180, CRLF, header row), cells escaped by the shared rule
// (@lockers/common's csvCell). Pure, tested in reports.test.ts.
import { csvText, type CsvValue } from '@lockers/common';

/** One column: its header and how to read it from a row. */
export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvValue;
}

/** The CSV text of `rows` in `columns`. */
export function csvOf<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  return csvText(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => c.value(r))),
  );
}
