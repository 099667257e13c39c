/**
 * What the outside world feeds the kiosk in the tests: a fake camera video showing a QR code,
 * and the one-time recovery code from the e-mail the server sent.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import QRCode from 'qrcode';
import { type ReceivedMail, waitForMail } from '../src/mail';

/**
 * Writes a Y4M video (what Chromium's fake camera plays) showing the QR code of `payload`:
 * a header line, then per frame "FRAME\n" and the raw I420 planes (luma = the code, chroma grey).
 */
export async function qrVideo(
  payload: string,
  file: string,
  width = 640,
  height = 480,
  frames = 10,
): Promise<string> {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (n + 2 * quiet));
  const left = Math.floor((width - n * scale) / 2);
  const top = Math.floor((height - n * scale) / 2);
  const y = Buffer.alloc(width * height, 235); // white
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(row, col))
        for (let dy = 0; dy < scale; dy++)
          y.fill(
            16,
            (top + row * scale + dy) * width + left + col * scale,
            (top + row * scale + dy) * width + left + (col + 1) * scale,
          );
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
  return file;
}

/**
 * The recovery e-mail to `recipient` (the code sent at issue came before it) and
 * the one-time code in it ("Your one-time code is 123456."), read from the run's mailbox.
 */
export async function recoveryMailFor(
  recipient: string,
): Promise<{ mail: ReceivedMail; oneTimeCode: string }> {
  const mail = await waitForMail(recipient, 'Your locker recovery code');
  const oneTimeCode = /one-time code is (\d{6})\b/.exec(mail.text)?.[1];
  if (!oneTimeCode)
    throw new Error(`no one-time code in the e-mail to ${recipient}: ${JSON.stringify(mail.text)}`);
  return { mail, oneTimeCode };
}
