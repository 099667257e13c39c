// "Download CSV" for a list (sessions, audit log): the server's export of every row the
// list's filters match, not only the page shown.
import { useState } from 'react';
import { downloadServerFile } from './download';

interface Props {
  /** The export's path with the filters, from exportPath(). */
  path: string;
  fileName: string;
  /** False while the filters are invalid. */
  enabled?: boolean;
}

export function ExportCsvButton({ path, fileName, enabled = true }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      await downloadServerFile(path, fileName);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="row">
      <button type="button" disabled={busy || !enabled} onClick={() => void download()}>
        {busy ? 'Exporting…' : 'Download CSV (all matching)'}
      </button>
      {error && (
        <p role="alert" className="error">
          Export failed: {error}
        </p>
      )}
    </div>
  );
}
