import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../config/config.js';
import { oneAttemptPerOperation } from '../security/attempt-fields.js';

/**
 * Limits for third parties: depth, aliases, cost and directives, and one attempt at a
 * secret per operation. The same rules guard HTTP (Apollo plugins and validation rules) and
 * WebSocket operations.
 */
export function createArmor(limits: Config['limits']) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost },
    // the token limit is the parser's own (Apollo's parseOptions, the WebSocket document cache):
    // armor's plugin re-parses and its syntax errors came out as HTTP 500
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return { ...protection, validationRules: [...protection.validationRules, oneAttemptPerOperation] };
}
