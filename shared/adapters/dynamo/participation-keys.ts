/**
 * Keys of the ratings of information and of planned outages (issue 28 §5–6), spread into `keys`
 * (./keys.ts) with one line. Tokens are base64url (no `#`); ids and unit codes never hold `#`.
 */
interface Key {
  pk: string;
  sk: string;
}
const join = (...parts: Array<string | number>) => parts.join('#');

export const participationKeys = {
  /** The day's random rating key (never beside a rating; expires once the day is over). */
  ratingDayKey: (day: string): Key => ({ pk: join('RATINGKEY', day), sk: 'KEY' }),
  /** One per token (day, target, source): its existence refuses a second vote. No link to the rating. */
  ratingVote: (token: string): Key => ({ pk: join('RATINGVOTE', token), sk: 'VOTE' }),
  /** A source's ratings within an hour, under that day's key (expires after the hour). */
  ratingRate: (bucket: string): Key => ({ pk: join('RATINGRATE', bucket), sk: 'RATE' }),
  /**
   * A unit's frozen ratings, one partition per unit and local month sorted by local date (as the
   * Q&A facts): a period is one Query per month. gsi1 lists one target's ratings by time.
   */
  ratingFact: (unitCode: string, localDate: string, at: string, id: string): Key => ({
    pk: join('RATINGS', unitCode, localDate.slice(0, 7)),
    sk: join(localDate, at, id),
  }),
  ratingFactsRange: (unitCode: string, month: string, fromDate: string, toDate: string) => ({
    pk: join('RATINGS', unitCode, month),
    skFrom: fromDate,
    skTo: `${toDate}$`,
  }),
  ratingsOfTarget: (kind: string, id: string, at?: string, ratingId?: string) => ({
    gsi1pk: join('RATINGSOF', kind, id),
    ...(at ? { gsi1sk: join(at, ratingId ?? '') } : {}),
  }),
  /** A planned outage notice; gsi1 lists every notice by its start. */
  plannedOutage: (id: string): Key => ({ pk: join('OUTAGE', id), sk: 'OUTAGE' }),
  plannedOutagesByStart: (startsAt?: string, id?: string) => ({
    gsi1pk: 'OUTAGES',
    ...(startsAt ? { gsi1sk: join(startsAt, id ?? '') } : {}),
  }),
} as const;
