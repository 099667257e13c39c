/** Small files written so that a crash leaves either the old content or the new, never half. */
import fs from 'node:fs';
import path from 'node:path';

/** Writes `content` to `file` atomically and durably (write, fsync, rename, fsync the folder). */
export function writeFileDurably(file: string, content: string): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}
