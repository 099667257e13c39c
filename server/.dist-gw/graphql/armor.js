import { ApolloArmor } from '@escape.tech/graphql-armor';
/**
 * Limits for third parties: depth, aliases, cost, directives and tokens. The same rules
 * guard HTTP (Apollo plugins and validation rules) and WebSocket operations.
 */
export function createArmor(limits) {
    const armor = new ApolloArmor({
        maxDepth: { n: limits.maxDepth },
        maxAliases: { n: limits.maxAliases },
        costLimit: { maxCost: limits.maxCost },
        maxTokens: { n: limits.maxTokens },
        maxDirectives: { n: 50 },
        blockFieldSuggestion: { enabled: true },
    });
    return armor.protect();
}
//# sourceMappingURL=armor.js.map