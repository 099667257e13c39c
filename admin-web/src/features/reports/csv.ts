// CSV of the rows a chart shows (RFC 4180, CRLF, header row). Pure, tested in reports.test.ts.

/** One column: its header and how to read it from a row. */
export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string | number | null;
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  // A depositor's comment starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of `rows` in `columns`. */
export function csvOf<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const lines = rows.map((r) => columns.map((c) => cell(c.value(r))).join(','));
  return [columns.map((c) => cell(c.header)).join(','), ...lines].join('\r\n') + '\r\n';
}
