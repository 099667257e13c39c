import { randomUUID } from 'node:crypto';
import { badInput } from '../errors/domain-error.js';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const newId = () => randomUUID();
/** Ids are UUIDs; anything else is BAD_USER_INPUT naming the argument, before any query runs. */
export function parseId(value, field) {
    if (!UUID.test(value))
        throw badInput(field, `${field} is not a valid id`);
    return value.toLowerCase();
}
export function parseOptionalId(value, field) {
    return value == null ? null : parseId(value, field);
}
//# sourceMappingURL=ids.js.map