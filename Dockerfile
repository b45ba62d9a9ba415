# Not Your Fault — production image. No build step: tsx runs the TypeScript directly.
#
#   docker build -t not-your-fault .
#   docker run --rm --env-file .env not-your-fault      # or: docker compose up -d
#
# The current Node LTS (24, "Krypton", supported to April 2028): the major tag follows its security
# releases on every rebuild. Pin a digest (node:24-bookworm-slim@sha256:…) if builds must be
# byte-for-byte repeatable. The code stays compatible with Node 20.19+ (package.json engines),
# which is what the tests and the bench run on here.
FROM node:24-bookworm-slim

# Production mode: config.ts then refuses to start without PSEUDONYM_SECRET instead of making up
# a throwaway one, and npm skips devDependencies.
ENV NODE_ENV=production

WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when they change.
# --omit=dev: tsx and every package src/ imports are runtime dependencies.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# Only what runs: code, content (flows/ and locales/ are read at start) and tsconfig.json
# (tsx takes its compiler options, e.g. target ES2022, from it). Tests, bench, docs and any .env
# stay out (see .dockerignore). Files stay root-owned, so the bot cannot rewrite its own code.
COPY tsconfig.json ./
COPY src ./src
COPY flows ./flows
COPY locales ./locales

# The base image's unprivileged user (uid 1000). tsx caches compiled files under /tmp: with compose's
# read_only root filesystem that is a tmpfs (docker-compose.yml).
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
# bot gets to stop cleanly rather than being killed after the grace period.
CMD ["node", "--import", "tsx", "src/main.ts"]
