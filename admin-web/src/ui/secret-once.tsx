// A secret the server shows only once (device token, API key): shown with a copy button
// and a plain warning that it cannot be seen again.
import { useState } from 'react';

/** Shows `secret` with a copy button. */
export function SecretOnce({ title, secret }: { title: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="secret-once" role="status">
      <p>
        <strong>{title}</strong> — copy it now: it will not be shown again.
      </p>
      <code data-testid="secret-value">{secret}</code>
      <button type="button" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
