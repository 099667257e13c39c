// One report on the page: heading, a line on what it counts, the chart(s), and two
// downloads: the CSV of exactly what is shown, and the server's own CSV export.
import { useId, useState, type ReactNode } from 'react';
import { downloadServerCsv, saveCsv, type ReportRange } from './download';

interface Props {
  title: string;
  /** What is counted and in which units. */
  description: ReactNode;
  /** The server's report name (GET /reports/<server>.csv). */
  server: string;
  range: ReportRange;
  /** File name without extension, e.g. "occupancy-central-station-2026-11-19-2026-11-25". */
  fileBase: string;
  /** The CSV of the shown data, or null while there is nothing to download. */
  csv: (() => string) | null;
  children: ReactNode;
}

/** A report section with its downloads. */
export function ReportSection({ title, description, server, range, fileBase, csv, children }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function fromServer() {
    setBusy(true);
    setError(null);
    try {
      await downloadServerCsv(server, range, `${fileBase}-server.csv`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card report-section" aria-labelledby={id}>
      <header className="row spread">
        <h2 id={id}>{title}</h2>
        <div className="row">
          <button type="button" disabled={!csv} onClick={() => csv && saveCsv(`${fileBase}.csv`, csv())}>
            Download CSV
          </button>
          <button type="button" disabled={busy} onClick={() => void fromServer()}>
            {busy ? 'Exporting…' : 'Server CSV export'}
          </button>
        </div>
      </header>
      <p className="muted">{description}</p>
      {error && (
        <p role="alert" className="error">
          Export failed: {error}
        </p>
      )}
      {children}
    </section>
  );
}
