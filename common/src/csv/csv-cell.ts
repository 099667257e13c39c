/*
 * CSV text, one rule for the server's exports and the admin app's downloads: RFC 4180 quoting,
 * CRLF line ends, and no cell a spreadsheet would run as a formula.
 */

/** A value a CSV cell can hold; null is an empty cell. */
export type CsvValue = string | number | null;

/**
 * One cell. Text starting with = + - @, a tab or a carriage return (a depositor's comment
 * might) would run as a formula in a spreadsheet: it gets a leading apostrophe. Plain numbers,
 * negative ones included, stay numbers. Quotes, commas and line breaks are quoted.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then one line per row, each line ended by CRLF. */
export function csvText(header: readonly CsvValue[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(',');
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
