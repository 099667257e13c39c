import { describe, expect, test } from 'vitest';
import { ServerError } from '@apollo/client/errors';
import { OperationTypeNode } from 'graphql';
import { isTransient, shouldRetry } from './retry';
import { errorMessage } from './errors';

const serverError = (status: number) =>
  new ServerError('boom', { response: new Response('', { status }), bodyText: '' });

describe('retrying what may work a moment later', () => {
  test('queries are retried on network errors and 5xx, never on 4xx; mutations never', () => {
    expect(isTransient(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransient(serverError(502))).toBe(true);
    expect(isTransient(serverError(400))).toBe(false);
    expect(shouldRetry(OperationTypeNode.QUERY, serverError(500))).toBe(true);
    expect(shouldRetry(OperationTypeNode.MUTATION, new TypeError('Failed to fetch'))).toBe(false);
  });

  test('what the operator reads instead of "Failed to fetch" or a status code', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(
      'Cannot reach the server: check the network connection, then try again.',
    );
    expect(errorMessage(serverError(500))).toBe(
      'The server could not answer just now (error 500). Try again in a moment.',
    );
  });
});
