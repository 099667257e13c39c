import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../container/services.js';
import type { GqlContext } from '../graphql/context.js';
import type { Logger } from '../observability/logger.js';
import { createLoaders } from '../graphql/loaders.js';
import { DomainError } from '../errors/domain-error.js';
import { answerBodyError, BodyError, json, parseBody, readBodyText } from './http-utils.js';
import type { ReadAnswerCache } from './read-answers.js';
import { clientAddress } from '../config/client-address.js';

export interface GraphqlHandlerDeps {
  apollo: ApolloServer<GqlContext>;
  services: Services;
  em: EntityManager;
  logger: Logger;
  maxBodyBytes: number;
  /** Answers to snapshot reads given again while their sites are unchanged. */
  answers: ReadAnswerCache;
}

/**
 * POST/GET /graphql on plain node:http: the caller is identified once from the Authorization
 * header (a present but wrong credential is 401 UNAUTHENTICATED, never silently anonymous),
 * then Apollo runs the operation with a fresh context, unless the same snapshot read was
 * answered before and its sites are unchanged (ReadAnswerCache).
 */
export function graphqlHandler({ apollo, services, em, logger, maxBodyBytes, answers }: GraphqlHandlerDeps) {
  const { trustedProxies } = services.infra.config;
  // no per-request child logger: with redaction configured, making one costs more than a cached read
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    try {
      const text = req.method === 'POST' ? await readBodyText(req, maxBodyBytes) : undefined;
      const body = text === undefined ? undefined : parseBody(text, req.headers['content-type']);
      const ip = clientAddress(req, trustedProxies);
      let caller: GqlContext['caller'];
      try {
        caller = await services.authenticator.authenticate(
          req.headers.authorization,
          ip,
          req.headers['x-client-version'] as string | undefined,
        );
      } catch (e) {
        if (e instanceof DomainError)
          return json(res, 401, { errors: [{ message: e.message, extensions: { code: e.code } }] });
        throw e;
      }
      const key = answers.keyOf(req, text);
      const kept = key === null ? undefined : answers.lookup(key);
      if (kept) {
        for (const [k, v] of kept.headers) res.setHeader(k, v);
        res.statusCode = 200;
        if (logger.isLevelEnabled('debug'))
          logger.debug({ requestId, caller: caller.kind, reused: true, status: 200 }, 'graphql request');
        return void res.end(kept.body);
      }
      const toKeep = key === null ? null : answers.before(key, body);
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method ?? 'GET',
          headers,
          search: query < 0 ? '' : url.slice(query),
          body,
        },
        context: () => Promise.resolve({ caller, services, loaders: createLoaders(em), requestId }),
      });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = result.status ?? 200;
      if (logger.isLevelEnabled('debug')) {
        const operation =
          typeof body === 'object' && body !== null
            ? (body as { operationName?: unknown }).operationName
            : undefined;
        logger.debug(
          {
            requestId,
            caller: caller.kind,
            operation: typeof operation === 'string' ? operation : undefined,
            status: res.statusCode,
          },
          'graphql request',
        );
      }
      if (result.body.kind === 'complete') {
        if (toKeep) answers.keep(toKeep, res.statusCode, result.headers, result.body.string);
        return void res.end(result.body.string);
      }
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (e) {
      if (e instanceof BodyError)
        return answerBodyError(
          req,
          res,
          e,
          JSON.stringify({ errors: [{ message: e.message, extensions: { code: 'BAD_REQUEST' } }] }),
        );
      if (req.destroyed && !req.complete) return; // the client went away mid-body: nobody to answer
      logger.error({ requestId, err: e }, 'request failed');
      json(res, 500, {
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    }
  };
}
