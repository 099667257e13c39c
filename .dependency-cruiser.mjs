// The server's layer rule (server/README.md, "Architecture"), checked by `pnpm lint`.
// Layers, bottom to top; a file may import its own layer and the layers below it, never above.
// There is no list of tolerated violations: a new one fails the lint.
const SRC = '^server/src/';
// Feature modules in tiers, bottom to top, each a layer of its own: a module imports modules
// of lower tiers only, never one of its own tier.
const MODULE_TIERS = [
  ['webhooks', 'notifications', 'devices', 'tariffs', 'compartments', 'users', 'api-keys', 'audit'],
  ['alerts', 'payments', 'feedback', 'sites', 'door-events'],
  ['sessions', 'gateway-commands', 'reports'],
  ['recovery', 'site-replica'],
];
const modulesOf = (names) => `${SRC}modules/(${names.join('|')})/`;
const LAYERS = [
  { name: 'kernel', path: `${SRC}(shared|errors|config|observability|security)/` },
  { name: 'entities', path: `${SRC}entities/` },
  { name: 'platform', path: `${SRC}(db|events|jobs|auth)/` },
  ...MODULE_TIERS.map((names, i) => ({ name: `modules-tier-${i + 1}`, path: modulesOf(names) })),
  { name: 'flows', path: `${SRC}flows/` },
  { name: 'container', path: `${SRC}container/` },
  { name: 'edge', path: `${SRC}(graphql|http)/` },
  { name: 'app', path: `${SRC}(app/|main\\.ts$|cli\\.ts$)` },
];

const upwardRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer.name}`,
  comment: `The ${layer.name} layer imports only itself and the layers below it.`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map((above) => above.path) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Feature folders (each module, each top-level folder of server/src) form a graph without ' +
        'cycles: a flow that needs two modules lives in flows/, above both.',
      severity: 'error',
      scope: 'folder',
      from: { path: SRC },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      comment: 'No two files import each other, directly or through others.',
      severity: 'error',
      from: { path: SRC },
      to: { circular: true },
    },
    ...upwardRules,
    ...MODULE_TIERS.map((names, i) => ({
      name: `no-module-beside-in-tier-${i + 1}`,
      comment: 'Modules of one tier do not import each other: what needs both is a flow.',
      severity: 'error',
      from: { path: modulesOf(names) },
      to: { path: modulesOf(names), pathNot: `${SRC}modules/$1/` },
    })),
    {
      name: 'every-file-in-a-layer',
      comment: 'A new folder of server/src takes its place in LAYERS or MODULE_TIERS (and the README) first.',
      severity: 'error',
      from: { path: SRC, pathNot: LAYERS.map((layer) => layer.path) },
      to: {},
    },
    {
      name: 'resolvable',
      comment: 'A relative import the cruiser cannot resolve would hide an edge from the rules above.',
      severity: 'error',
      from: { path: SRC },
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // type-only imports are edges too: a type from a higher layer is still an upward dependency
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'server/tsconfig.json' },
  },
};
