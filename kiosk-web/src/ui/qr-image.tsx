import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/**
 * The QR code of an access code. Uses the server's SVG when given (an <img>, so nothing in it can
 * run), else draws one locally with the qrcode library.
 */
export function QrImage({
  payload,
  svg,
  label,
  size = 280,
}: {
  payload: string;
  svg?: string;
  label: string;
  size?: number;
}) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    if (svg) return;
    let alive = true;
    void QRCode.toString(payload, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((s) => {
      if (alive) setLocal(s);
    });
    return () => {
      alive = false;
    };
  }, [payload, svg]);
  const source = svg ?? local;
  if (!source) return null;
  return (
    <img
      className="qr"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`}
      alt={label}
      width={size}
      height={size}
    />
  );
}
