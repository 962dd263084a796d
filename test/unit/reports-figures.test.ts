import { describe, expect, it } from 'vitest';
import { operationsFigures, reportFigures, rolesChanged, type UnitFacts } from '../../shared/domain/reports/figures';
import { periodOf } from '../../shared/domain/reports/periods';

/** Report figures (issue 27 §2): pure sums of frozen facts inside the period (royalties: reports-royalties.test.ts). */
describe('report figures', () => {
  const november = periodOf({ kind: 'month' }, '2026-11', false); // [2026-10-31T17:00Z, 2026-11-30T17:00Z)
  const unit = (code: string, extra: Partial<UnitFacts> = {}): UnitFacts => ({
    unitCode: code,
    unitName: code,
    contentSteps: [],
    publications: [],
    questionFacts: [],
    accounts: [],
    roleChanges: [],
    ...extra,
  });

  it('counts steps and first publications inside [start, cut-off) only, per category, with the on-time rate', () => {
    const facts = unit('sgd', {
      contentSteps: [
        { itemId: 'a', category: 'news', action: 'submit', at: '2026-10-31T17:00:00.000Z' }, // 1/11 00:00 ICT: in
        { itemId: 'b', category: 'news', action: 'submit', at: '2026-10-31T16:59:59.999Z' }, // 31/10 23:59 ICT: out
        { itemId: 'a', category: 'news', action: 'return', at: '2026-11-02T01:00:00.000Z' },
        { itemId: 'c', category: 'legal', action: 'reject', at: '2026-11-03T01:00:00.000Z' },
        { itemId: 'c', category: 'legal', action: 'withdraw', at: '2026-11-30T17:00:00.000Z' }, // 1/12 ICT: out
        { itemId: 'c', category: 'legal', action: 'edit', at: '2026-11-03T02:00:00.000Z' },
        { itemId: 'a', category: 'news', action: 'withdraw', at: '2026-11-20T02:00:00.000Z' },
      ],
      publications: [
        { itemId: 'a', category: 'news', publishedAt: '2026-11-05T01:00:00.000Z', onTime: true },
        { itemId: 'd', category: 'legal', publishedAt: '2026-11-06T01:00:00.000Z', onTime: false },
        { itemId: 'e', category: 'legal', publishedAt: '2026-10-06T01:00:00.000Z', onTime: false },
      ],
      accounts: [
        { createdAt: '2026-11-01T00:00:00Z' },
        { createdAt: '2026-01-01T00:00:00Z', closedAt: '2026-11-20T00:00:00Z' },
      ],
    });
    const f = reportFigures(
      [facts],
      { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 },
      november,
    );
    expect(f.units[0]!.content).toEqual({
      submitted: 1,
      published: 2,
      publishedOnTime: 1,
      publishedLate: 1,
      onTimeRate: 50,
      returned: 1,
      rejected: 1,
      withdrawn: 1,
    });
    // Categories in their sorted order, each with its own steps and publications only.
    expect(Object.keys(f.units[0]!.contentByCategory)).toEqual(['legal', 'news']);
    expect(f.units[0]!.contentByCategory).toEqual({
      legal: {
        submitted: 0,
        published: 1,
        publishedOnTime: 0,
        publishedLate: 1,
        onTimeRate: 0,
        returned: 0,
        rejected: 1,
        withdrawn: 0,
      },
      news: {
        submitted: 1,
        published: 1,
        publishedOnTime: 1,
        publishedLate: 0,
        onTimeRate: 100,
        returned: 1,
        rejected: 0,
        withdrawn: 1,
      },
    });
    expect(f.units[0]!.accounts).toEqual({ opened: 1, closed: 1, rolesChanged: 0 });
    // The totals count the same period's facts: those outside it are left out there too.
    expect(f.totals.content).toEqual(f.units[0]!.content);
  });

  it('has no on-time rate where nothing was published, and no mean score where nothing was rated', () => {
    const f = reportFigures(
      [
        unit('sgd', {
          contentSteps: [{ itemId: 'a', category: 'news', action: 'submit', at: '2026-11-02T02:00:00Z' }],
        }),
      ],
      { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 },
      november,
    );
    expect(f.units[0]!.content).toMatchObject({ submitted: 1, published: 0, onTimeRate: null });
    expect(f.totals.content.onTimeRate).toBeNull();
    expect(f.units[0]!.informationRatings).toMatchObject({ informationRatings: 0, usefulRate: null, meanScore: null });
    expect(f.operations.medianHoursToRestore).toBeNull();
  });

  it('counts a rating the scale does not know as a rating, but leaves it out of the mean score', () => {
    const rated = (questionId: string, rating?: string) => ({
      kind: 'rated' as const,
      questionId,
      at: '2026-11-10T02:00:00Z',
      ...(rating === undefined ? {} : { rating }),
    });
    const f = reportFigures(
      [unit('sgd', { questionFacts: [rated('x', 'satisfied'), rated('y'), rated('z', 'excellent')] })],
      { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 },
      november,
    );
    expect(f.units[0]!.questions).toMatchObject({ ratings: 3, ratedSatisfied: 1, meanRatingScore: 100 });
  });

  it('sums Q&A facts as frozen (late = answered − on time) and recomputes totals across units', () => {
    const q = (kind: 'received' | 'routed' | 'returned' | 'answered', id: string, day: number, extra = {}) => ({
      kind,
      questionId: id,
      at: `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`,
      ...extra,
    });
    const board = unit('ubnd', {
      questionFacts: [
        q('received', 'x', 2),
        q('routed', 'x', 2, { onTime: true, rerouting: false }),
        q('received', 'y', 3),
        q('routed', 'y', 5, { onTime: false, rerouting: false }),
      ],
    });
    const dept = unit('sgd', {
      questionFacts: [
        q('received', 'x', 2),
        q('answered', 'x', 9, { onTime: true, workingDays: 5 }),
        q('received', 'y', 5),
        q('returned', 'y', 6, { onTime: true }),
      ],
    });
    const f = reportFigures(
      [board, dept],
      { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 },
      november,
    );
    // Units in the order of their codes, whatever the order they were read in.
    expect(f.units.map((u) => u.unitCode)).toEqual(['sgd', 'ubnd']);
    expect(f.units[1]!.questions).toMatchObject({ received: 2, routed: 2, routedWithinOneWorkingDay: 1 });
    expect(f.units[0]!.questions).toMatchObject({
      received: 2,
      answered: 1,
      answeredOnTime: 1,
      answeredLate: 0,
      returnedNotCompetent: 1,
      medianWorkingDaysToAnswer: 5,
    });
    // A question counted by the board and by the unit it went to is one question in the totals.
    expect(f.totals.questions.received).toBe(2);
  });

  it('counts progress notices, escalation levels (and their questions), and ratings with their mean score, per unit and in all', () => {
    const at = (day: number, hour = 2) =>
      `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const dept = unit('sgd', {
      questionFacts: [
        { kind: 'progress-notice', questionId: 'x', at: at(3) },
        { kind: 'escalated', questionId: 'x', at: at(20), clock: 'answer', level: 'reminder' },
        { kind: 'escalated', questionId: 'x', at: at(24), clock: 'answer', level: 'overdue' },
        { kind: 'escalated', questionId: 'y', at: at(24), clock: 'answer', level: 'reminder' },
        { kind: 'escalated', questionId: 'z', at: '2026-11-30T17:00:00.000Z', clock: 'answer', level: 'reminder' }, // 1/12 ICT: out
        { kind: 'rated', questionId: 'x', at: at(25), rating: 'satisfied' },
        { kind: 'rated', questionId: 'y', at: at(26), rating: 'partly' },
        { kind: 'rated', questionId: 'w', at: '2026-10-31T16:59:59.999Z', rating: 'not-answered' }, // 31/10 ICT: out
      ],
    });
    const board = unit('ubnd', {
      questionFacts: [
        { kind: 'escalated', questionId: 'v', at: at(4), clock: 'classify', level: 'overdue' },
        { kind: 'rated', questionId: 'v', at: at(27), rating: 'not-answered' },
      ],
    });
    const f = reportFigures(
      [dept, board],
      { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 },
      november,
    );
    expect(f.units[0]!.questions).toMatchObject({
      progressNotices: 1,
      escalations: 3,
      escalatedQuestions: 2,
      ratings: 2,
      ratedSatisfied: 1,
      ratedPartly: 1,
      ratedNotAnswered: 0,
      meanRatingScore: 75,
    });
    expect(f.units[1]!.questions).toMatchObject({
      progressNotices: 0,
      escalations: 1,
      escalatedQuestions: 1,
      ratings: 1,
      ratedNotAnswered: 1,
      meanRatingScore: 0,
    });
    // The mean is recomputed from every rating, not averaged over the units' means.
    expect(f.totals.questions).toMatchObject({ progressNotices: 1, escalations: 4, ratings: 3, meanRatingScore: 50 });
    expect(
      reportFigures([unit('sgd')], { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 }, november)
        .units[0]!.questions,
    ).toMatchObject({ ratings: 0, meanRatingScore: null });
  });

  it('counts accounts whose set of roles changed in the period, once each; a change to the same roles is none', () => {
    const change = (accountId: string, at: string, previous: string[], next: string[]) => ({
      accountId,
      at,
      previous,
      next,
    });
    const facts = unit('sgd', {
      roleChanges: [
        change('a', '2026-11-02T02:00:00Z', ['editor'], ['editor', 'secretary']),
        change('a', '2026-11-09T02:00:00Z', ['editor', 'secretary'], ['secretary']),
        change('b', '2026-11-03T02:00:00Z', ['editor', 'secretary'], ['secretary', 'editor']),
        change('c', '2026-10-31T16:00:00Z', ['editor'], ['secretary']), // 31/10 ICT: out
        change('d', '2026-11-30T16:59:59Z', ['editor'], ['unit-head']),
      ],
    });
    const f = reportFigures(
      [facts, unit('ubnd', { roleChanges: [change('e', '2026-11-04T02:00:00Z', [], ['operator'])] })],
      { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 },
      november,
    );
    expect(f.units[0]!.accounts).toEqual({ opened: 0, closed: 0, rolesChanged: 2 });
    expect(f.totals.accounts.rolesChanged).toBe(3);
    // Roles are compared by name: two roles are not the one whose name runs them together.
    expect(rolesChanged([change('g', '2026-11-05T02:00:00Z', ['editor', 'secretary'], ['editorsecretary'])])).toBe(1);
  });

  it('measures incidents against the restore limit as known at the cut-off, and counts backups, drills and checks', () => {
    const o = operationsFigures(
      {
        incidents: [
          {
            reportedAt: '2026-11-02T00:00:00Z',
            detectedAt: '2026-11-01T23:00:00Z',
            restoredAt: '2026-11-02T23:00:00Z',
          }, // 24 h: within
          { reportedAt: '2026-11-10T00:00:00Z', detectedAt: null, restoredAt: '2026-11-11T00:00:01Z' }, // just over
          { reportedAt: '2026-11-30T10:00:00Z', detectedAt: null, restoredAt: '2026-11-30T18:00:00Z' }, // restored after the cut-off
          { reportedAt: '2026-10-30T10:00:00Z', detectedAt: null, restoredAt: null }, // another period
        ],
        jobRuns: [
          { job: 'weekly-backup', finishedAt: '2026-11-01T20:00:00Z', outcome: 'succeeded' },
          { job: 'weekly-backup', finishedAt: '2026-11-08T20:00:00Z', outcome: 'failed' },
          { job: 'weekly-backup', finishedAt: '2026-11-15T20:00:00Z', outcome: 'succeeded' },
          { job: 'weekly-backup', finishedAt: '2026-11-22T20:00:00Z', outcome: 'succeeded' },
          { job: 'generate-reports', finishedAt: '2026-11-02T17:15:00Z', outcome: 'succeeded' }, // not a backup
          { job: 'restore-drill', finishedAt: '2026-11-01T22:00:00Z', outcome: 'succeeded' },
          { job: 'restore-drill', finishedAt: '2026-12-01T22:00:00Z', outcome: 'succeeded' },
          { job: 'restore-drill', finishedAt: '2026-11-15T22:00:00Z', outcome: 'failed' },
        ],
        securityChecks: [{ performedAt: '2026-11-15T02:00:00Z' }, { performedAt: '2026-05-15T02:00:00Z' }],
        restoreLimitHours: 24,
      },
      november,
    );
    expect(o).toEqual({
      incidents: 3,
      restoredWithinLimit: 1,
      notRestoredWithinLimit: 2,
      medianHoursToRestore: 24,
      restoreLimitHours: 24,
      weeklyBackups: 3,
      failedBackups: 1,
      restoreDrills: 1,
      failedRestoreDrills: 1,
      securityChecks: 1,
    });
  });
});

describe('incidents against the restore limit', () => {
  const november = periodOf({ kind: 'month' }, '2026-11', false);
  it('counts as restored within the limit only what was restored by the cut-off within it, measured from detection', () => {
    const incident = (reportedAt: string, detectedAt: string | null, restoredAt: string | null) => ({
      reportedAt,
      detectedAt,
      restoredAt,
    });
    const o = operationsFigures(
      {
        incidents: [
          incident('2026-11-02T00:00:00Z', '2026-11-01T23:00:00Z', '2026-11-02T23:00:00Z'), // 24 h from detection
          incident('2026-11-05T00:00:00Z', null, '2026-11-05T06:30:00Z'), // 6.5 h from the report
          incident('2026-11-10T00:00:00Z', null, '2026-11-12T00:00:00Z'), // 48 h: over the limit
          incident('2026-11-20T00:00:00Z', null, null), // not restored
          incident('2026-11-30T10:00:00Z', null, november.endsAt), // restored at the cut-off: not in this period
        ],
        jobRuns: [],
        securityChecks: [],
        restoreLimitHours: 24,
      },
      november,
    );
    expect(o).toMatchObject({
      incidents: 5,
      restoredWithinLimit: 2,
      notRestoredWithinLimit: 3,
      medianHoursToRestore: 24, // of 6.5, 24 and 48
    });
    const twoRestored = operationsFigures(
      {
        incidents: [
          incident('2026-11-05T00:00:00Z', null, '2026-11-05T06:20:00Z'),
          incident('2026-11-06T00:00:00Z', null, '2026-11-06T01:00:00Z'),
        ],
        jobRuns: [],
        securityChecks: [],
        restoreLimitHours: 4,
      },
      november,
    );
    // The median of 1 h and 6 h 20 min, to a hundredth of an hour; one of the two within a 4 h limit.
    expect(twoRestored).toMatchObject({ restoredWithinLimit: 1, medianHoursToRestore: 3.67, restoreLimitHours: 4 });
  });
});
