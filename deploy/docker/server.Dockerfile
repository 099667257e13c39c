# The locker server (GraphQL API, WebSockets, kiosk and admin apps). Build from the repository root:
#   docker build -f deploy/docker/server.Dockerfile -t lockers/server .
# Migrations: at start under an advisory lock (MIGRATE_ON_START=true, the default), or by a
# separate run of this image: `node dist/cli.js migrate` (the Kubernetes migration Job).

FROM node:24-bookworm-slim AS build
WORKDIR /src
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm --filter ./server --filter ./kiosk-web --filter ./admin-web build \
 # production dependencies only: no embedded PostgreSQL, no test tools
 && pnpm --filter ./server deploy --prod /out/server \
 && mkdir -p /out/apps/kiosk-web /out/apps/admin-web \
 && cp -r kiosk-web/dist /out/apps/kiosk-web/dist \
 && cp -r admin-web/dist /out/apps/admin-web/dist \
 && cp -r server/dist /out/server/dist

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 APPS_DIR=/app/apps
WORKDIR /app/server
COPY --from=build --chown=node:node /out/server /app/server
COPY --from=build --chown=node:node /out/apps /app/apps
USER node
EXPOSE 4000 9464
# ready = PostgreSQL and Redis answer and the instance is not draining
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM starts the graceful drain (DRAIN_GRACE_MS, SHUTDOWN_TIMEOUT_MS): give it
# `stop_grace_period` / `terminationGracePeriodSeconds` longer than SHUTDOWN_TIMEOUT_MS
CMD ["node", "--max-semi-space-size=16", "dist/main.js"]
