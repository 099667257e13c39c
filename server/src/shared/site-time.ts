// Times in texts staff read (alert messages): the site's wall clock to the second, with the
// zone named, never raw UTC.

/** e.g. "2026-12-05 00:57:59 (Asia/Tokyo)": `at` on the wall clocks of `timeZone`. */
export function formatSiteTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} (${timeZone})`;
}
