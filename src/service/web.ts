// The planner's page at / (built by vite into dist/web) and the bundled sample batch it can
// submit, served by the service itself. A strict Content-Security-Policy keeps the page on
// its own origin: no CDN, no tile server, nothing fetched from elsewhere.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** The sample files the page may fetch by name, and where they are. */
export interface WebOptions {
  webDir: string;
  samples: Record<string, string>;
}

export function registerWeb(app: FastifyInstance, options: WebOptions): void {
  const index = join(options.webDir, 'index.html');
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    if (!existsSync(index)) {
      return reply.code(404).type('text/plain; charset=utf-8').send('The web page is not built: run npm run build.\n');
    }
    return reply.header('content-security-policy', CSP).type(TYPES['.html'] ?? 'text/html').send(readFileSync(index));
  });
  app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
    // basename: a request cannot climb out of the assets directory.
    const file = basename(request.params.file);
    const path = join(options.webDir, 'assets', file);
    const type = TYPES[extname(file)];
    if (type === undefined || !existsSync(path)) return reply.code(404).type('text/plain').send('not found\n');
    // Hashed names: the content of a name never changes.
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(type).send(readFileSync(path));
  });
  app.get<{ Params: { name: string } }>('/sample/:name', { schema: { hide: true } }, async (request, reply) => {
    const path = options.samples[request.params.name];
    if (path === undefined) return reply.code(404).type('text/plain').send('no such sample\n');
    return reply.type('text/csv; charset=utf-8').send(readFileSync(path));
  });
}
