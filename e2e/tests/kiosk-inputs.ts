/**
 * What the outside world feeds the kiosk in the tests: a fake camera video showing a QR code,
 * and the one-time recovery code from the server's notification outbox.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';
import QRCode from 'qrcode';

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
 * Reads the one-time recovery code sent to `recipient` from the server's notification outbox.
 * The dispatcher clears the body of a sensitive message once delivered, so a trigger installed by
 * `captureNotifications` keeps a copy of each new row for the test.
 */
export async function captureNotifications(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`
      create table if not exists e2e_notification_copy (recipient text not null, body text, created_at timestamptz not null default now());
      create or replace function e2e_copy_notification() returns trigger language plpgsql as $$
      begin insert into e2e_notification_copy (recipient, body) values (new.recipient, new.body); return new; end $$;
      drop trigger if exists e2e_copy_notification on notification;
      create trigger e2e_copy_notification after insert on notification for each row execute function e2e_copy_notification();
    `);
  } finally {
    await client.end();
  }
}

/** The newest one-time code sent to `recipient` (the body says "Your one-time code is 123456."). */
export async function oneTimeCodeFor(databaseUrl: string, recipient: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query<{ body: string | null; created_at: Date }>(
        `select body, created_at from notification where recipient = $1 and body is not null
         union all select body, created_at from e2e_notification_copy where recipient = $1 and body is not null
         order by created_at desc`,
        [recipient],
      );
      const code = rows.map((r) => /code is ([A-Za-z0-9-]+)/.exec(r.body ?? '')?.[1]).find(Boolean);
      if (code) return code;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no one-time code for ${recipient}`);
  } finally {
    await client.end();
  }
}
