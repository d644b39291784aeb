// Serves dist/ under a sub-path, as a council web server would host it, and
// prints the address to open. Used by `npm start` and the end-to-end tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/** Starts a server for `root` under `base` (e.g. /finance/scenarios/); resolves with its address. */
export function serve({ root = resolve(fileURLToPath(new URL('../dist', import.meta.url))), base = '/finance/scenarios/', port = 0, host = '127.0.0.1', headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/' || path === base.slice(0, -1)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end('Not found');
      return;
    }
    const file = normalize(join(root, path.slice(base.length) || 'index.html'));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}${base}` })));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4173);
  const { url } = await serve({ port });
  console.log(`Council scenario explorer is being served. Open ${url} in your browser (Ctrl+C to stop).`);
}
