import type { GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';

const MARK = 'resultIsEvent';

/**
 * Marks a subscription whose result is the published event itself: its arguments only choose
 * the stream (in `subscribe`), and its method returns its root. type-graphql resolves any field
 * that declares an argument through a promise (it validates arguments in an async function, an
 * ID too), so every live result was a promise: written when it settled, after the hand-out's
 * turn had uncorked the sockets, one write system call per frame. `resolveEventsDirectly`
 * gives the marked fields a resolver that returns the event, so a result whose selected fields
 * all answer at once is ready in the hand-out's own turn.
 */
export const ResultIsEvent = (): MethodDecorator => Extensions({ [MARK]: true });

/** Called once on the built schema: each marked subscription field resolves to its event. */
export function resolveEventsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const fields = Object.values(schema.getSubscriptionType()?.getFields() ?? {});
  for (const field of fields) if (field.extensions[MARK] === true) field.resolve = (event: unknown) => event;
  return schema;
}
