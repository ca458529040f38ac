import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

/** Paths the client's router knows; anything else is a 404 page, not the app. */
const CLIENT_ROUTES = [
  /^\/$/,
  /^\/a\/[^/]+\/(admin|chair|door|screen)\/?$/,
  /^\/a\/[^/]+\/print\/(poster|cards|tickets)\/?$/,
  /^\/a\/[^/]+\/exports\/?$/,
  /^\/j\/[^/]+\/?$/,
  /^\/t\/[^/]+\/?$/,
  /^\/r\/[^/]+\/?$/,
];

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Assembly Live</title>
<body style="background:#111;color:#eee;font:20px system-ui;padding:3em">
<h1>Assembly Live</h1><p>The client is not built yet. Run <code>npm run build</code>, or start with <code>npm start</code>, which builds it.</p></body></html>`;

const noCacheForWorker = (res: express.Response, file: string) => {
  if (path.basename(file) === 'sw.js') res.setHeader('Cache-Control', 'no-cache');
};

export function clientPages(clientDir: string): express.Router {
  const router = express.Router();
  const indexFile = path.join(clientDir, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use(express.static(clientDir, { index: false, maxAge: '1h', setHeaders: noCacheForWorker }));
  router.get(/.*/, (req, res, next) => {
    const known = CLIENT_ROUTES.some((route) => route.test(req.path));
    // A person's mistyped link gets the app's own "page not found", with a way on.
    if (!known && (req.path.startsWith('/api/') || !req.accepts('html'))) return next();
    if (!fs.existsSync(indexFile)) return res.status(503).type('html').send(NOT_BUILT);
    res
      .status(known ? 200 : 404)
      .set('Cache-Control', 'no-cache')
      .sendFile(indexFile);
  });
  return router;
}
