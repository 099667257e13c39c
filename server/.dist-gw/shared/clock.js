export const systemClock = { now: () => new Date() };
/** A clock a test moves by hand. */
export class ManualClock {
    constructor(current = new Date()) {
        this.current = current;
    }
    now() {
        return new Date(this.current);
    }
    advance(ms) {
        this.current = new Date(this.current.getTime() + ms);
    }
    set(at) {
        this.current = new Date(at);
    }
}
//# sourceMappingURL=clock.js.map