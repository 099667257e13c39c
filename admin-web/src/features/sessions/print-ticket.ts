// Prints just the ticket (QR code, compartment, site), not the whole session page: a
// small window with the ticket alone, printed and closed.
import type { NewCode } from './new-code-ticket';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Opens the print dialog for a ticket carrying `code`. */
export function printTicket(code: NewCode, lines: readonly string[]): void {
  const win = window.open('', '_blank', 'width=420,height=560');
  if (!win) {
    window.print();
    return;
  }
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`;
  win.document.write(`<!doctype html><html lang="en"><head><title>Locker ticket</title>
<style>body{font-family:system-ui,sans-serif;text-align:center;margin:16px}img{width:260px;height:260px}p{margin:4px 0}</style>
</head><body>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<img alt="Access QR code" src="${escapeHtml(src)}"></body></html>`);
  win.document.close();
  win.addEventListener('load', () => {
    win.focus();
    win.print();
    win.close();
  });
}
