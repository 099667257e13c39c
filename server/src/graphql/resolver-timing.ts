import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Metrics } from '../observability/metrics.js';
import { isThenable } from '../shared/maybe-promise.js';

/**
 * Times root fields (operations), which is what callers feel; nested fields would add noise
 * and cost. Done by wrapping the Query and Mutation fields' resolvers once, not with an Apollo
 * `willResolveField` hook: such a hook makes Apollo instrument every field of every request.
 * Over HTTP and WebSocket alike.
 */
export function timeRootFields(schema: GraphQLSchema, metrics: Metrics): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const labels = { field: `${type.name}.${field.name}` };
      field.resolve = (source, args, context, info) => {
        const end = metrics.resolverDuration.startTimer(labels);
        const done = () => void end(); // end(x) would take x for labels
        let result: unknown;
        try {
          result = resolve(source, args, context, info);
        } catch (e) {
          done();
          throw e;
        }
        if (isThenable(result)) result.then(done, done);
        else done();
        return result;
      };
    }
  }
}
