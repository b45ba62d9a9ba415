# Not Your Fault — production image, in two stages: the first compiles src/ (scripts/build.mjs,
# esbuild) with the dev dependencies; the second gets the JavaScript it made and the runtime
# dependencies only. No TypeScript, tsx or esbuild in the image that runs.
#
#   docker build -t not-your-fault .
#   docker run --rm --env-file .env not-your-fault      # or: docker compose up -d
#
# The current Node LTS (24, "Krypton", supported to April 2028): the major tag follows its security
# releases on every rebuild. Pin a digest (node:24-bookworm-slim@sha256:…) if builds must be
# byte-for-byte repeatable. The code stays compatible with Node 20.19+ (package.json engines),
# which is what the tests and the bench run on here.

# ---- build ---------------------------------------------------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is rebuilt only when they change. Every dependency,
# dev ones included: esbuild does the build.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# What the build reads: the code, the build script, and flows/ and locales/ (embedded into
# dist/serverless.mjs; the server reads them from disk at start).
COPY scripts/build.mjs scripts/whatwg-url-stub.mjs ./scripts/
COPY src ./src
COPY flows ./flows
COPY locales ./locales
RUN npm run build

# ---- run -----------------------------------------------------------------------------------------
FROM node:24-bookworm-slim

# Production mode: config.ts then refuses to start without PSEUDONYM_SECRET instead of making up
# a throwaway one, and npm skips devDependencies.
ENV NODE_ENV=production

# Small-host settings (scripts/runtime-env.mjs says why; package.json's start sets the same): a
# small V8 young generation and heap plan, two libuv threads, two malloc arenas. `docker run -e`
# or compose's environment overrides any of them (a bigger heap for STORE=memory with many people).
ENV NODE_OPTIONS="--max-semi-space-size=2 --max-old-space-size=128" \
    UV_THREADPOOL_SIZE=2 \
    MALLOC_ARENA_MAX=2

WORKDIR /app

# Runtime dependencies only (--omit=dev: no tsx, esbuild or TypeScript). dist/main.js carries most
# packages inside it; /report loads pdfkit and the Noto fonts from node_modules.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Only what runs: the compiled code and the content (flows/ and locales/ are read at start).
# Tests, bench, docs, src and any .env stay out (see .dockerignore). Files stay root-owned, so the
# bot cannot rewrite its own code.
COPY --from=build /app/dist ./dist
COPY flows ./flows
COPY locales ./locales

# The base image's unprivileged user (uid 1000).
USER node

# Webhook mode only (WEBHOOK_URL set): HTTP on $PORT with GET /healthz. Long polling opens no port.
EXPOSE 8080

# main.ts stops the runner and closes the store on SIGTERM; `docker stop` sends this.
STOPSIGNAL SIGTERM

# slim has no curl, so node asks /healthz (200 = store answers, 503 = not). A long-polling container
# serves no HTTP, so it reports healthy whenever it runs; an empty WEBHOOK_URL counts as unset, as in config.ts.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "if (!process.env.WEBHOOK_URL) process.exit(0); fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

# Exec form, not `npm start` or a shell string: node itself is the container's main process, so
# SIGTERM from `docker stop` reaches main.ts's handler instead of stopping at npm or sh, and the
# bot gets to stop cleanly rather than being killed after the grace period. The build is already
# there (the first stage), so nothing is compiled when the container starts.
CMD ["node", "dist/main.js"]
