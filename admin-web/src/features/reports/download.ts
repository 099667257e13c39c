// Saving files from the browser: text built here (the CSV of a chart) or the server's own
// CSV export, which needs the bearer token in a header (a plain link cannot carry it).
import { readToken } from '../../api/token-storage';

/** Saves `blob` as a file named `name`. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers save an empty file.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves CSV text. */
export function saveCsv(name: string, text: string): void {
  saveBlob(name, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

/** The range a report covers, as the API takes it. */
export interface ReportRange {
  siteId: string | null;
  from: string;
  to: string;
  bucket: string;
}

/** GET /reports/<name>.csv?siteId&from&to&bucket, as the query string. */
export function serverCsvPath(name: string, range: ReportRange): string {
  const q = new URLSearchParams({ from: range.from, to: range.to, bucket: range.bucket });
  if (range.siteId) q.set('siteId', range.siteId);
  return `/reports/${name}.csv?${q.toString()}`;
}

/**
 * GET /exports/<name>.csv with a list's filters (the variables of its query): nulls are left
 * out, and so is paging (`first`, `after`), since the export is every matching row.
 */
export function exportPath(
  name: 'sessions' | 'audit',
  variables: Record<string, string | number | boolean | null | undefined>,
): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(variables)) {
    if (value === null || value === undefined || key === 'first' || key === 'after') continue;
    q.set(key, String(value));
  }
  const query = q.toString();
  return `/exports/${name}.csv${query ? `?${query}` : ''}`;
}

/** Fetches the server's CSV export with the signed-in token and saves it as `fileName`. */
export async function downloadServerCsv(name: string, range: ReportRange, fileName: string): Promise<void> {
  await downloadServerFile(serverCsvPath(name, range), fileName);
}

/** Fetches `path` from the server with the signed-in token and saves it as `fileName`. */
export async function downloadServerFile(path: string, fileName: string): Promise<void> {
  const token = readToken();
  const res = await fetch(path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) {
    let message = `The server answered ${res.status}.`;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // Not JSON: keep the status.
    }
    throw new Error(message);
  }
  saveBlob(fileName, await res.blob());
}
