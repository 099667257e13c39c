import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics, one registry per app (tests build several apps in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    resolverDuration: new Histogram({
      name: 'graphql_resolver_duration_seconds',
      help: 'Latency of root operation fields',
      labelNames: ['field'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    subscriptions: new Gauge({
      name: 'graphql_open_subscriptions',
      help: 'Open GraphQL subscriptions',
      labelNames: ['field'],
      registers: [registry],
    }),
    wsConnections: new Gauge({
      name: 'graphql_ws_connections',
      help: 'Open graphql-ws connections',
      registers: [registry],
    }),
    readAnswersReused: new Counter({
      name: 'graphql_read_answers_reused_total',
      help: 'HTTP reads of site snapshots answered again as before (their sites unchanged), without running the operation',
      registers: [registry],
    }),
    scans: new Counter({
      name: 'locker_scans_total',
      help: 'Scans by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    allocations: new Counter({
      name: 'locker_allocations_total',
      help: 'Compartments allocated for deposits',
      registers: [registry],
    }),
    failedDeliveries: new Counter({
      name: 'locker_delivery_failures_total',
      help: 'Failed delivery attempts (e-mail, SMS, webhooks) by queue; each is retried until its limit',
      labelNames: ['queue'],
      registers: [registry],
    }),
    timerLeader: new Gauge({
      name: 'locker_timer_leader',
      help: '1 on the instance that runs the clock-driven rules',
      registers: [registry],
    }),
    timerLag: new Histogram({
      name: 'locker_timer_lag_seconds',
      help: 'How late each pass of the clock-driven rules starts against its schedule',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    gatewaysOnline: new Gauge({
      name: 'locker_gateways_online',
      help: 'Gateways with an open command subscription on this server',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
