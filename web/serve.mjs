// A static file server for the playground (dist/web/), with node's own http module and no
// dependencies. It binds 127.0.0.1 only, serves .wasm as application/wasm (which streaming
// compilation requires) and sends the page's Content-Security-Policy as a header too.
//
//   node web/serve.mjs [--port N] [--root DIR]      (scripts/serve runs this)
//   import { startServer } from './web/serve.mjs'   (tests: startServer({port: 0}))
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultRoot = fileURLToPath(new URL('../dist/web/', import.meta.url));
export const defaultPort = 8765;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

const securityHeaders = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
    "form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/** The file a request path names inside `root`, or null if it would leave `root`. */
function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(join(root, path));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

function handler(root) {
  return async (request, response) => {
    const send = (status, text) => {
      response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed\n');
    const file = fileFor(root, request.url);
    if (!file) return send(400, 'Bad path\n');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, 'Not found\n');
    }
    if (info.isDirectory()) {
      response.writeHead(301, { ...securityHeaders, Location: `${new URL(request.url, 'http://x').pathname}/` });
      return response.end();
    }
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).on('error', () => response.destroy()).pipe(response);
  };
}

function listen(server, port, host) {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
}

/**
 * Starts serving `root` on `host`:`port` (0 picks a free port). Resolves with {server, url}.
 * With `fallback`, a busy port falls back to a free one instead of failing.
 */
export async function startServer({ root = defaultRoot, port = defaultPort, host = '127.0.0.1', fallback = false } = {}) {
  const absoluteRoot = resolve(root);
  const server = createServer(handler(absoluteRoot));
  try {
    await listen(server, port, host);
  } catch (e) {
    if (!(fallback && e.code === 'EADDRINUSE')) throw e;
    await listen(server, 0, host);
  }
  const { port: bound } = server.address();
  return { server, url: `http://${host}:${bound}/` };
}

async function main(argv) {
  const option = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = option('--root') ?? defaultRoot;
  const port = Number(option('--port') ?? process.env.PORT ?? defaultPort);
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`serve: ${join(root, 'index.html')} is missing; run scripts/build first`);
    process.exit(1);
  }
  const { server, url } = await startServer({ root, port, fallback: option('--port') === undefined && !process.env.PORT });
  console.log(`Vouch playground: ${url}  (serving ${root}; Ctrl+C to stop)`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
