import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Paths the client's router knows; anything else is a 404 page, not the app. */
const CLIENT_ROUTES = [
  /^\/$/,
  /^\/a\/[^/]+\/(admin|chair|door|screen)\/?$/,
  /^\/a\/[^/]+\/print\/(poster|cards|tickets)\/?$/,
  /^\/a\/[^/]+\/(exports|evaluation)\/?$/,
  /^\/j\/[^/]+\/?$/,
  /^\/t\/[^/]+\/?$/,
  /^\/r\/[^/]+\/?$/,
];

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Assembly Live</title>
<body style="background:#111;color:#eee;font:20px system-ui;padding:3em">
<h1>Assembly Live</h1><p>The client is not built yet. Run <code>npm run build</code>, or start with <code>npm start</code>, which builds it.</p></body></html>`;

/** Files the build compressed (vite.config.ts), in the order we prefer them. */
const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const;

// The page and the service worker must be asked for again each time (a new release must
// reach the next reload); everything under /assets/ has its content's hash in its name.
const mustRevalidate = (res: ServerResponse, file: string) => {
  if (/^(index\.html|serviceWorker\.js)(\.br|\.gz)?$/.test(path.basename(file)))
    res.setHeader('Cache-Control', 'no-cache');
};

/**
 * The built client, served as the build compressed it: brotli or gzip, chosen by the browser's
 * Accept-Encoding, nothing compressed per request.
 */
export function clientPages(clientDir: string): express.Router {
  const router = express.Router();
  const indexFile = path.join(clientDir, 'index.html');
  router.use(
    '/assets',
    expressStaticGzip(path.join(clientDir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { immutable: true, maxAge: '1y', fallthrough: false },
    }),
  );
  router.use(
    expressStaticGzip(clientDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, maxAge: '1h', setHeaders: mustRevalidate },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    const known = CLIENT_ROUTES.some((route) => route.test(req.path));
    // A person's mistyped link gets the app's own "page not found", with a way on.
    if (!known && (req.path.startsWith('/api/') || !req.accepts('html'))) return next();
    if (!fs.existsSync(indexFile)) return res.status(503).type('html').send(NOT_BUILT);
    res.status(known ? 200 : 404).set({ 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' });
    const encoding = ENCODINGS.find(
      ({ name, extension }) => req.acceptsEncodings(name) === name && fs.existsSync(indexFile + extension),
    );
    if (!encoding) return res.sendFile(indexFile);
    res
      .set('Content-Encoding', encoding.name)
      .type('html')
      .sendFile(indexFile + encoding.extension);
  });
  return router;
}
