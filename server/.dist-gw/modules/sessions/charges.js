const HOUR = 3_600_000;
const MINUTE = 60_000;
const time = (d) => (d == null ? null : new Date(d).getTime());
/** Overdue: stored past dueAt + grace (measured until pick-up for finished sessions). */
export function isOverdue(s, now) {
    const due = time(s.dueAt);
    if (due === null || s.status === 'CANCELLED')
        return false;
    if (s.status === 'COMPLETED')
        return false;
    return now.getTime() > due + s.graceMinutes * MINUTE;
}
/** The overdue fee: overduePerHour for each started hour past dueAt, once past the grace. */
export function overdueFee(s, now) {
    const due = time(s.dueAt);
    if (due === null || s.status === 'CANCELLED')
        return 0;
    const end = time(s.retrievedAt) ?? time(s.endedAt) ?? now.getTime();
    if (end <= due + s.graceMinutes * MINUTE)
        return 0;
    return Math.ceil((end - due) / HOUR) * s.overduePerHour;
}
/** What must be paid before the next unlock: price plus overdue fee, less captured payments. */
export function amountDue(s, now) {
    if (s.status === 'CANCELLED')
        return 0;
    return Math.max(0, s.price + overdueFee(s, now) - s.paid);
}
//# sourceMappingURL=charges.js.map