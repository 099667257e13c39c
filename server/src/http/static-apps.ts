import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

/**
 * Serves the built kiosk and admin apps (single-page apps: unknown paths get index.html),
 * so one process and one origin serve the whole product. Paths never leave the app folder.
 */
export function staticApps(appsDir: string | null, mounts: Record<string, string>) {
  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    if (!appsDir) return false;
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (path !== prefix.slice(0, -1) && !path.startsWith(prefix)) continue;
      if (path === prefix.slice(0, -1)) {
        res.writeHead(302, { location: prefix }).end();
        return true;
      }
      const root = resolve(appsDir, folder, 'dist');
      if (!existsSync(root)) {
        res
          .writeHead(404, { 'content-type': 'text/plain' })
          .end(`${folder} is not built: run pnpm --filter ./${folder} build`);
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
        return true;
      }
      const decoded = decodePath(path.slice(prefix.length));
      if (decoded === null) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('malformed path');
        return true;
      }
      const relative = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
      let file = join(root, relative);
      if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
        file = join(root, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const immutable = file.includes(`${root}/assets/`);
      res.writeHead(200, {
        'content-type': type,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else
        createReadStream(file)
          .on('error', () => res.destroy())
          .pipe(res);
      return true;
    }
    return false;
  };
}

/** A percent-decoded path, or null when its encoding is malformed or it names a NUL byte. */
function decodePath(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
