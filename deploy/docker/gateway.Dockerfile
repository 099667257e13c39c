# The lock gateway (target `gateway`) and the relay-board simulator (target `simulator`).
# Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile --target gateway -t lockers/gateway .
#   docker build -f deploy/docker/gateway.Dockerfile --target simulator -t lockers/simulator .

FROM node:24-bookworm-slim AS build
WORKDIR /src
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm --filter ./lock-gateway build \
 && pnpm --filter ./lock-gateway deploy --prod /out/lock-gateway \
 && cp -r lock-gateway/dist /out/lock-gateway/dist

FROM node:24-bookworm-slim AS gateway
ENV NODE_ENV=production GATEWAY_STATE_DIR=/var/lib/lock-gateway
WORKDIR /app
COPY --from=build --chown=node:node /out/lock-gateway /app
# the command journal survives restarts: mount a volume here
RUN mkdir -p /var/lib/lock-gateway && chown node:node /var/lib/lock-gateway
VOLUME /var/lib/lock-gateway
USER node
# The gateway serves no port: its health as seen from outside is its presence on the server
# (the admin board's gateway status); here, that the process still runs.
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["node", "-e", "process.kill(1, 0)"]
CMD ["node", "dist/cli/gateway-main.js"]

FROM node:24-bookworm-slim AS simulator
ENV NODE_ENV=production SIM_HOST=0.0.0.0 SIM_MODBUS_PORT=5020 SIM_HTTP_PORT=5021
WORKDIR /app
COPY --from=build --chown=node:node /out/lock-gateway /app
USER node
EXPOSE 5020 5021
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.SIM_HTTP_PORT+'/state').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/simulator/cli/sim-main.js"]
