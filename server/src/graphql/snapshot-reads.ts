import {
  Kind,
  OperationTypeNode,
  getNamedType,
  isObjectType,
  parse,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { parseId } from '../shared/ids.js';

/**
 * The fields whose resolvers read nothing but a site's cached snapshot (SiteReadCache) and the
 * server's fixed configuration. Every other field with a resolver of its own may read the
 * database or look at the caller (staff-only fields do), so an operation selecting one is
 * never a snapshot read. Fields without a resolver read a property of their parent's value,
 * which here came from the snapshot.
 */
const SNAPSHOT_FIELDS: ReadonlySet<string> = new Set(['Query.site', 'Site.availability', 'Site.phoneUrl']);

/** The `id` argument of each root `site` field: a literal or a variable's name. */
type SiteArgument = { literal: string } | { variable: string };

/** An operation that reads only site snapshots: the sites it reads, from its variables. */
export interface SnapshotRead {
  /** The sites' ids (canonical), or null when one is not a valid id (the operation fails). */
  siteIds(variables: Record<string, unknown> | undefined): string[] | null;
}

const MAX_PLANNED = 200;
/** Longer query texts are not worth remembering: polling clients send short ones. */
const MAX_QUERY_CHARS = 4096;

/**
 * Decides, once per query text, whether an operation reads nothing but cached site snapshots:
 * a query whose root fields are all `site(id:)` and whose selections reach only the fields
 * above and plain properties. Such an operation answers the same to any caller until one of
 * its sites' snapshot changes (ReadAnswerCache). Anything it cannot vouch for (a mutation, an
 * unknown field, an abstract type, a parse error) is not a snapshot read: it runs as usual.
 */
export class SnapshotReadPlanner {
  private readonly planned = new Map<string, SnapshotRead | null>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly maxTokens: number,
  ) {}

  plan(query: string, operationName: string | undefined): SnapshotRead | null {
    if (query.length > MAX_QUERY_CHARS) return null;
    const key = `${operationName ?? ''}\n${query}`;
    const known = this.planned.get(key);
    if (known !== undefined) return known;
    const read = this.analyse(query, operationName);
    if (this.planned.size >= MAX_PLANNED) this.planned.delete(this.planned.keys().next().value!);
    this.planned.set(key, read);
    return read;
  }

  private analyse(query: string, operationName: string | undefined): SnapshotRead | null {
    let document;
    try {
      document = parse(query, { maxTokens: this.maxTokens });
    } catch {
      return null;
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
    const queryType = this.schema.getQueryType();
    if (!operation || operation.operation !== OperationTypeNode.QUERY || !queryType) return null;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const sites: SiteArgument[] = [];
    // root fields: `site(id:)` only, no fragments at the root (keeps the argument walk simple)
    for (const selection of operation.selectionSet.selections)
      if (selection.kind !== Kind.FIELD || selection.name.value !== 'site') return null;
    if (!this.onlySnapshotFields(operation.selectionSet, queryType, fragments, new Set(), sites)) return null;
    return { siteIds: (variables) => siteIdsOf(sites, variables) };
  }

  /** True when every field selected under `type` is a snapshot field or a plain property. */
  private onlySnapshotFields(
    selectionSet: SelectionSetNode,
    type: GraphQLObjectType,
    fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    visiting: Set<string>,
    sites: SiteArgument[],
  ): boolean {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
        const fragment =
          selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
        if (!fragment || (name && visiting.has(name))) return false;
        if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) return false;
        if (name) visiting.add(name);
        const ok = this.onlySnapshotFields(fragment.selectionSet, type, fragments, visiting, sites);
        if (name) visiting.delete(name);
        if (!ok) return false;
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      const field = type.getFields()[name];
      if (!field) return false;
      if (field.resolve && !SNAPSHOT_FIELDS.has(`${type.name}.${name}`)) return false;
      if (type === this.schema.getQueryType()) {
        const id = siteArgument(selection.arguments?.find((a) => a.name.value === 'id')?.value);
        if (!id) return false;
        sites.push(id);
      }
      if (!selection.selectionSet) continue;
      const named = getNamedType(field.type);
      if (!isObjectType(named)) return false;
      if (!this.onlySnapshotFields(selection.selectionSet, named, fragments, visiting, sites)) return false;
    }
    return true;
  }
}

function siteArgument(value: ValueNode | undefined): SiteArgument | null {
  if (value?.kind === Kind.STRING) return { literal: value.value };
  if (value?.kind === Kind.VARIABLE) return { variable: value.name.value };
  return null;
}

function siteIdsOf(
  sites: readonly SiteArgument[],
  variables: Record<string, unknown> | undefined,
): string[] | null {
  const ids: string[] = [];
  for (const site of sites) {
    const raw = 'literal' in site ? site.literal : variables?.[site.variable];
    if (typeof raw !== 'string') return null;
    try {
      ids.push(parseId(raw, 'id'));
    } catch {
      return null;
    }
  }
  return ids;
}
