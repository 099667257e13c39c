import { boundSite } from './authorize.js';
import { forbidden } from '../errors/domain-error.js';
/**
 * The sites a caller's lists are limited to: a device sees its own site, people and keys
 * every site (null = no limit). An explicit siteId of another site is FORBIDDEN for a device.
 */
export function siteScope(caller, requested) {
    const bound = boundSite(caller);
    if (bound !== null) {
        if (requested && requested !== bound)
            throw forbidden('This device belongs to another site');
        return [bound];
    }
    return requested ? [requested] : null;
}
//# sourceMappingURL=visibility.js.map