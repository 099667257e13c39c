import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { DomainError } from './domain-error.js';
import type { Logger } from '../observability/logger.js';

/**
 * The one place that maps errors to the public contract. Domain errors keep their code;
 * argument validation becomes BAD_USER_INPUT with the field; request-level errors from
 * graphql-js, Apollo and graphql-armor (no `path`: parse, validation, limits, variable
 * coercion) keep their code without internals; anything else is logged and masked.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...where,
        extensions: { code: original.code, ...original.extensions },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const first = original.extensions.validationErrors?.[0];
      const detail = first?.constraints ? Object.values(first.constraints)[0] : undefined;
      return {
        message: detail ?? 'Invalid argument',
        ...where,
        extensions: { code: 'BAD_USER_INPUT', field: first?.property },
      };
    }
    if (original instanceof UniqueConstraintViolationException) {
      return { message: 'Conflicts with an existing record', ...where, extensions: { code: 'CONFLICT' } };
    }
    const code = formatted.extensions?.code;
    if (!formatted.path && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      return { message: formatted.message, ...where, extensions: { code } };
    }
    // a request-level error Apollo itself answers with a 4xx carries no code: it is the request's fault
    const status = (original as { extensions?: { http?: { status?: number } } } | null)?.extensions?.http
      ?.status;
    if (
      !formatted.path &&
      original instanceof GraphQLError &&
      typeof status === 'number' &&
      status >= 400 &&
      status < 500
    ) {
      return { message: formatted.message, ...where, extensions: { code: 'BAD_REQUEST' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
