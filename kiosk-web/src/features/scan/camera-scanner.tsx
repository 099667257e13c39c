import { useEffect, useRef, useState } from 'react';
import jsQR from 'jsqr';
import { useI18n } from '../../i18n/i18n';

const SCAN_EVERY_MS = 150;

/**
 * Reads QR codes from the kiosk camera (getUserMedia) with jsQR. Calls `onCode` once per code
 * seen; the same code is not reported again until it has left the picture, so a ticket held up
 * for a few seconds is one scan. Stops the camera when it unmounts or `paused` is set.
 */
export function CameraScanner({ paused, onCode }: { paused?: boolean; onCode: (text: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    if (paused) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let lastSeen: string | null = null;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });

    async function start() {
      if (!navigator.mediaDevices?.getUserMedia || !ctx) {
        setUnavailable(true);
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 640 }, height: { ideal: 480 } },
          audio: false,
        });
      } catch {
        setUnavailable(true);
        return;
      }
      if (stopped || !video.current) {
        stream.getTracks().forEach((tr) => tr.stop());
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      timer = setInterval(() => {
        const v = video.current;
        if (!v || v.readyState < 2 || !v.videoWidth || !ctx) return;
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        ctx.drawImage(v, 0, 0);
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        const text = found?.data ?? null;
        if (text && text !== lastSeen) handler.current(text);
        lastSeen = text;
      }, SCAN_EVERY_MS);
    }
    void start();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [paused]);

  if (unavailable) return <p className="notice">{t('scan.cameraUnavailable')}</p>;
  return (
    <div className="camera-frame">
      <video ref={video} className="camera" muted playsInline aria-hidden="true" data-testid="camera" />
    </div>
  );
}
