import { figuresOf, median, type QuestionFact } from '../questions/figures';
import { ratingFigures, type RatingFact } from '../participation/rating';
import type { Period } from './periods';

/**
 * A report's figures (issue 27 §2), summed from facts frozen when each step happened: a content
 * item's steps (its append-only revisions) and whether its first publication met its clock
 * (`publishedOnTime`, frozen then); the Q&A facts of shared/domain/questions/figures.ts; incidents,
 * job runs, security checks and accounts by their own instants. Nothing here reads a calendar, so
 * a holiday added afterwards moves nothing, and the same facts always give the same figures.
 * Only facts inside [period.startsAt, period.endsAt) count.
 */
export interface ContentStep {
  readonly itemId: string;
  readonly category: string;
  readonly action: string;
  readonly at: string;
}

export interface ContentPublication {
  readonly itemId: string;
  readonly category: string;
  /** The first publication (frozen). */
  readonly publishedAt: string;
  readonly onTime: boolean;
}

export interface ContentFigures {
  readonly submitted: number;
  readonly published: number;
  readonly publishedOnTime: number;
  readonly publishedLate: number;
  /** Percent of first publications in the period that met their clock; null when none. */
  readonly onTimeRate: number | null;
  readonly returned: number;
  readonly rejected: number;
  readonly withdrawn: number;
}

export interface QuestionReportFigures {
  readonly received: number;
  readonly routed: number;
  readonly routedWithinOneWorkingDay: number;
  readonly rerouted: number;
  readonly returnedNotCompetent: number;
  readonly answered: number;
  readonly answeredOnTime: number;
  readonly answeredLate: number;
  readonly medianWorkingDaysToAnswer: number | null;
  /** Progress notices the unit gave (CB 11.4 new date, BĐ 12.4 report-back). */
  readonly progressNotices: number;
  /** Escalation levels raised on the unit's clocks, and the distinct questions they were raised on. */
  readonly escalations: number;
  readonly escalatedQuestions: number;
  /** The askers' ratings of the unit's answers, by rating, and their mean score (RATING_SCORES; null when none). */
  readonly ratings: number;
  readonly ratedSatisfied: number;
  readonly ratedPartly: number;
  readonly ratedNotAnswered: number;
  readonly meanRatingScore: number | null;
}

/**
 * A rating as a score out of 100, so a unit's ratings have a mean: answered satisfactorily 100,
 * partly 50, not answered 0 (the three ratings of shared/domain/questions/rating.ts).
 */
export const RATING_SCORES: Readonly<Record<string, number>> = { satisfied: 100, partly: 50, 'not-answered': 0 };

/**
 * Ratings of the unit's published information by anyone (issue 28 §5; NĐ 224/2026 Điều 10.3b),
 * from the frozen rating facts (shared/domain/participation/rating.ts): how many, the yes/no votes
 * and the share of yes, the 1–5 votes and their mean, how many came with a text.
 */
export interface InformationRatingReportFigures {
  readonly informationRatings: number;
  readonly usefulVotes: number;
  readonly usefulYes: number;
  readonly usefulRate: number | null;
  readonly scoreVotes: number;
  readonly meanScore: number | null;
  readonly ratingsWithText: number;
}

export function informationRatingReportFigures(
  facts: readonly Pick<RatingFact, 'scale' | 'value' | 'reason' | 'text'>[],
): InformationRatingReportFigures {
  const f = ratingFigures(facts);
  return {
    informationRatings: f.ratings,
    usefulVotes: f.usefulVotes,
    usefulYes: f.usefulYes,
    usefulRate: f.usefulRate,
    scoreVotes: f.scoreVotes,
    meanScore: f.meanScore,
    ratingsWithText: f.withText,
  };
}

export interface AccountFigures {
  readonly opened: number;
  readonly closed: number;
  /** Accounts of the unit whose set of roles changed in the period (counted once however many times). */
  readonly rolesChanged: number;
}

/** One change of an account's roles, frozen when it was made (shared/adapters/dynamo/account-facts.ts). */
export interface RoleChangeFact {
  readonly accountId: string;
  readonly at: string;
  readonly previous: readonly string[];
  readonly next: readonly string[];
}

export interface UnitFacts {
  readonly unitCode: string;
  readonly unitName: string;
  readonly contentSteps: readonly ContentStep[];
  readonly publications: readonly ContentPublication[];
  readonly questionFacts: readonly QuestionFact[];
  readonly accounts: readonly { readonly createdAt: string; readonly closedAt?: string }[];
  readonly roleChanges: readonly RoleChangeFact[];
  /** Ratings of the unit's published items and answers (absent: none read). */
  readonly ratingFacts?: readonly RatingFact[];
}

export interface IncidentFact {
  readonly reportedAt: string;
  readonly detectedAt: string | null;
  readonly restoredAt: string | null;
}

export interface OperationsFacts {
  readonly incidents: readonly IncidentFact[];
  readonly jobRuns: readonly { readonly job: string; readonly finishedAt: string; readonly outcome: string }[];
  readonly securityChecks: readonly { readonly performedAt: string }[];
  readonly restoreLimitHours: number;
}

export interface OperationsFigures {
  readonly incidents: number;
  /** Restored within the limit (TG 16.3: 24 h) by the cut-off. */
  readonly restoredWithinLimit: number;
  readonly notRestoredWithinLimit: number;
  readonly medianHoursToRestore: number | null;
  readonly restoreLimitHours: number;
  readonly weeklyBackups: number;
  readonly failedBackups: number;
  readonly restoreDrills: number;
  readonly failedRestoreDrills: number;
  readonly securityChecks: number;
}

export interface UnitFigures {
  readonly unitCode: string;
  readonly unitName: string;
  readonly content: ContentFigures;
  readonly contentByCategory: Readonly<Record<string, ContentFigures>>;
  readonly questions: QuestionReportFigures;
  readonly informationRatings: InformationRatingReportFigures;
  readonly accounts: AccountFigures;
}

export interface ReportFigures {
  readonly period: Period;
  readonly units: readonly UnitFigures[];
  readonly totals: {
    readonly content: ContentFigures;
    readonly questions: QuestionReportFigures;
    readonly informationRatings: InformationRatingReportFigures;
    readonly accounts: AccountFigures;
  };
  readonly operations: OperationsFigures;
}

// Stryker disable next-line ConditionalExpression: null and undefined compare false with any instant; the check is for the types
const within = (p: Period) => (at: string | undefined | null) => at != null && at >= p.startsAt && at < p.endsAt;

const RETURNING = new Set(['return']);

export function contentFigures(
  steps: readonly ContentStep[],
  publications: readonly ContentPublication[],
): ContentFigures {
  const count = (pred: (s: ContentStep) => boolean) => steps.filter(pred).length;
  const onTime = publications.filter((p) => p.onTime).length;
  return {
    submitted: count((s) => s.action === 'submit'),
    published: publications.length,
    publishedOnTime: onTime,
    publishedLate: publications.length - onTime,
    onTimeRate: publications.length === 0 ? null : Math.round((onTime / publications.length) * 1000) / 10,
    returned: count((s) => RETURNING.has(s.action)),
    rejected: count((s) => s.action === 'reject'),
    withdrawn: count((s) => s.action === 'withdraw'),
  };
}

export function questionReportFigures(facts: readonly QuestionFact[]): QuestionReportFigures {
  // What is overdue "now" is not a fact of the period: the report counts only what happened in it.
  const { overdueNow: _now, returned, ...rest } = figuresOf(facts, 0);
  const of = (kind: QuestionFact['kind']) => facts.filter((f) => f.kind === kind);
  const escalations = of('escalated');
  const ratings = of('rated');
  // A rating outside the scale (or none) counts as a rating but has no score; own keys only, not Object's.
  const scores = ratings.flatMap((f) =>
    Object.hasOwn(RATING_SCORES, String(f.rating)) ? [RATING_SCORES[f.rating!]!] : [],
  );
  const rated = (rating: string) => ratings.filter((f) => f.rating === rating).length;
  return {
    ...rest,
    returnedNotCompetent: returned,
    answeredLate: rest.answered - rest.answeredOnTime,
    progressNotices: of('progress-notice').length,
    escalations: escalations.length,
    escalatedQuestions: new Set(escalations.map((f) => f.questionId)).size,
    ratings: ratings.length,
    ratedSatisfied: rated('satisfied'),
    ratedPartly: rated('partly'),
    ratedNotAnswered: rated('not-answered'),
    meanRatingScore:
      scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
  };
}

/** Accounts whose set of roles differs after a change in the period (a change that set the same roles is none). */
export function rolesChanged(changes: readonly RoleChangeFact[]): number {
  const roleSet = (roles: readonly string[]) => [...new Set(roles)].sort().join(',');
  return new Set(changes.filter((c) => roleSet(c.previous) !== roleSet(c.next)).map((c) => c.accountId)).size;
}

export function unitFigures(facts: UnitFacts, p: Period): UnitFigures {
  const inPeriod = within(p);
  const steps = facts.contentSteps.filter((s) => inPeriod(s.at));
  const publications = facts.publications.filter((x) => inPeriod(x.publishedAt));
  const categories = [...new Set([...steps.map((s) => s.category), ...publications.map((x) => x.category)])].sort();
  return {
    unitCode: facts.unitCode,
    unitName: facts.unitName,
    content: contentFigures(steps, publications),
    contentByCategory: Object.fromEntries(
      categories.map((c) => [
        c,
        contentFigures(
          steps.filter((s) => s.category === c),
          publications.filter((x) => x.category === c),
        ),
      ]),
    ),
    questions: questionReportFigures(facts.questionFacts.filter((f) => inPeriod(f.at))),
    informationRatings: informationRatingReportFigures(facts.ratingFacts?.filter((f) => inPeriod(f.at)) ?? []),
    accounts: {
      opened: facts.accounts.filter((a) => inPeriod(a.createdAt)).length,
      closed: facts.accounts.filter((a) => inPeriod(a.closedAt)).length,
      rolesChanged: rolesChanged(facts.roleChanges.filter((c) => inPeriod(c.at))),
    },
  };
}

export function operationsFigures(facts: OperationsFacts, p: Period): OperationsFigures {
  const inPeriod = within(p);
  const incidents = facts.incidents.filter((i) => inPeriod(i.reportedAt));
  const limitMs = facts.restoreLimitHours * 3_600_000;
  // Restoration as known at the cut-off: one restored after it is not restored within this period.
  const hours = incidents.flatMap((i) => {
    if (i.restoredAt === null || i.restoredAt >= p.endsAt) return [];
    return [(Date.parse(i.restoredAt) - Date.parse(i.detectedAt ?? i.reportedAt)) / 3_600_000];
  });
  const restoredWithinLimit = hours.filter((h) => h * 3_600_000 <= limitMs).length;
  const runs = (job: string, outcome: string) =>
    facts.jobRuns.filter((r) => r.job === job && r.outcome === outcome && inPeriod(r.finishedAt)).length;
  const medianHours = median(hours);
  return {
    incidents: incidents.length,
    restoredWithinLimit,
    notRestoredWithinLimit: incidents.length - restoredWithinLimit,
    medianHoursToRestore: medianHours === null ? null : Math.round(medianHours * 100) / 100,
    restoreLimitHours: facts.restoreLimitHours,
    weeklyBackups: runs('weekly-backup', 'succeeded'),
    failedBackups: runs('weekly-backup', 'failed'),
    restoreDrills: runs('restore-drill', 'succeeded'),
    failedRestoreDrills: runs('restore-drill', 'failed'),
    securityChecks: facts.securityChecks.filter((c) => inPeriod(c.performedAt)).length,
  };
}

const sum = <T extends object>(rows: readonly T[], zero: T): T =>
  Object.fromEntries(
    Object.keys(zero).map((k) => [k, rows.reduce((acc, r) => acc + ((r as Record<string, number | null>)[k] ?? 0), 0)]),
  ) as T;

export function reportFigures(units: readonly UnitFacts[], operations: OperationsFacts, p: Period): ReportFigures {
  const rows = units.map((u) => unitFigures(u, p)).sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  // Rates and medians are not additive: the totals recompute them from all the units' facts.
  const allSteps = units.flatMap((u) => u.contentSteps.filter((s) => within(p)(s.at)));
  const allPublications = units.flatMap((u) => u.publications.filter((x) => within(p)(x.publishedAt)));
  const allQuestionFacts = units.flatMap((u) => u.questionFacts.filter((f) => within(p)(f.at)));
  const allRatingFacts = units.flatMap((u) => u.ratingFacts?.filter((f) => within(p)(f.at)) ?? []);
  return {
    period: p,
    units: rows,
    totals: {
      content: contentFigures(allSteps, allPublications),
      questions: questionReportFigures(allQuestionFacts),
      informationRatings: informationRatingReportFigures(allRatingFacts),
      accounts: sum(
        rows.map((r) => r.accounts),
        { opened: 0, closed: 0, rolesChanged: 0 },
      ),
    },
    operations: operationsFigures(operations, p),
  };
}
