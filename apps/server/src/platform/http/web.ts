// Serves the built web app (apps/web/dist) at `/`: hashed assets cached for a year, index.html revalidated,
// any other page address answered with index.html for the browser router. /api stays with the API's 404. Only a
// lead form's page may be framed by other sites.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const DEFAULT_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));
const ASSET_CACHE = 'public, max-age=31536000, immutable';

const BUILD_FIRST_PAGE = `<!doctype html>
<html lang="zh-CN"><meta charset="utf-8"><title>关系 Guanxi</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.6">
<h1>关系 Guanxi</h1>
<p>网页端尚未构建。请在仓库根目录运行 <code>npm run build -w apps/web</code>，然后刷新本页。</p>
<p>The web app has not been built yet. Run <code>npm run build -w apps/web</code> in the repository, then reload this page.</p>
<p>API: <a href="/api/docs">/api/docs</a></p>
</body></html>
`;

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Pages any site may show in a frame: a campaign's lead form, embedded on its landing page. Framed on another site
 * the app has no session (the cookie is SameSite=Lax), so a frame cannot act for a signed-in user.
 */
const EMBEDDABLE = /^public\/lead-forms\/[^/]+$/;

function allowFraming(reply: FastifyReply): void {
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy === 'string')
    void reply.header('content-security-policy', policy.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
  reply.removeHeader('x-frame-options');
}

const acceptsHtml = (request: FastifyRequest): boolean => (request.headers.accept ?? '').includes('text/html');

/** `dist` overrides the default (config.webDist, WEB_DIST); a relative path is taken from where the command ran. */
export async function registerWeb(app: FastifyInstance, dist: string | undefined): Promise<void> {
  const root = dist ? path.resolve(process.env.INIT_CWD ?? process.cwd(), dist) : DEFAULT_DIST;
  await app.register(fastifyStatic, {
    root,
    serve: false, // the route below decides what is a file, a page or a 404
    cacheControl: false,
    setHeaders: (res, file) => {
      const relative = path.relative(root, file).split(path.sep).join('/');
      res.setHeader('cache-control', relative.startsWith('assets/') ? ASSET_CACHE : 'no-cache');
    },
  });

  const sendIndex = async (reply: FastifyReply): Promise<FastifyReply> => {
    if (await isFile(path.join(root, 'index.html'))) return reply.sendFile('index.html');
    return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(BUILD_FIRST_PAGE);
  };

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const wanted = (request.params as { '*': string })['*'];
    if (wanted === 'api' || wanted.startsWith('api/')) return reply.callNotFound();
    if (wanted === '' || wanted === 'index.html') return sendIndex(reply);
    const file = path.resolve(root, wanted);
    if (file.startsWith(root + path.sep) && (await isFile(file))) return reply.sendFile(wanted);
    // A page address of the browser router (no file extension) gets the app; a missing file gets a 404.
    if (acceptsHtml(request) && !path.extname(wanted)) {
      if (EMBEDDABLE.test(wanted)) allowFraming(reply);
      return sendIndex(reply);
    }
    return reply.callNotFound();
  });
}
