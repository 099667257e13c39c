import { type ReactNode } from 'react';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { getMainDefinition } from '@apollo/client/utilities';
import { GraphQLError, Kind, OperationTypeNode } from 'graphql';
import { Observable, Subject } from 'rxjs';
import { I18nProvider } from '../i18n/i18n';

type Vars = Record<string, unknown>;
/** Answers one query or mutation by operation name; throw apiError(...) to answer with an error. */
export type Handler = (variables: Vars) => unknown;

/** A GraphQL error with an extensions.code, as the server sends it. */
export function apiError(code: string): GraphQLError {
  return new GraphQLError(`error ${code}`, { extensions: { code } });
}

/**
 * A stand-in for the server at the link level: queries and mutations call handlers by operation
 * name (and are recorded), subscriptions receive what the test `emit`s.
 */
export function fakeApi(handlers: Record<string, Handler>) {
  const subjects = new Map<string, Subject<unknown>>();
  const calls: { name: string; variables: Vars }[] = [];
  const subjectFor = (name: string) => {
    let s = subjects.get(name);
    if (!s) subjects.set(name, (s = new Subject()));
    return s;
  };
  const link = new ApolloLink((operation) => {
    const def = getMainDefinition(operation.query);
    const name = operation.operationName ?? '';
    if (def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION) {
      return new Observable((observer) => {
        const sub = subjectFor(name).subscribe((data) => observer.next({ data } as ApolloLink.Result));
        return () => sub.unsubscribe();
      });
    }
    calls.push({ name, variables: operation.variables });
    return new Observable((observer) => {
      const handler = handlers[name];
      Promise.resolve()
        .then(() => {
          if (!handler) throw new Error(`no fake handler for ${name}`);
          return handler(operation.variables);
        })
        .then(
          (data) => {
            observer.next({ data } as ApolloLink.Result);
            observer.complete();
          },
          (err: unknown) => {
            if (err instanceof GraphQLError) {
              observer.next({ errors: [err] });
              observer.complete();
            } else observer.error(err);
          },
        );
    });
  });
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    client,
    calls,
    /** Pushes one event to every open subscription of that operation name. */
    emit: (name: string, data: unknown) => subjectFor(name).next(data),
    wrapper: ({ children }: { children: ReactNode }) => (
      <ApolloProvider client={client}>
        <I18nProvider>{children}</I18nProvider>
      </ApolloProvider>
    ),
  };
}
