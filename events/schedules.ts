import type { FunctionKeyOfKind } from '../functions/manifest';

/**
 * Scheduled jobs: EventBridge Scheduler expressions (UTC unless a time zone is given) and the
 * function each one runs. The local scheduler fires the same expressions.
 */
export interface ScheduleDefinition {
  readonly job: string;
  /** Key of the job function in functions/manifest.ts (a typo or a non-job function fails to compile). */
  readonly function: FunctionKeyOfKind<'job'>;
  /** `rate(N minutes|hours|days)` or `cron(min hour day-of-month month day-of-week year)`. */
  readonly expression: string;
  readonly timeZone: string;
  readonly basis: string;
  readonly description: string;
}

export const schedules: readonly ScheduleDefinition[] = [
  {
    job: 'dependency-check',
    function: 'dependencyCheck',
    expression: 'rate(15 minutes)',
    timeZone: 'Asia/Ho_Chi_Minh',
    basis: 'BĐ 18.1, NA 13.2 (24/7 operation and monitoring)',
    description: 'Checks that the table, buckets and queues answer, and records the result.',
  },
  {
    job: 'publish-scheduled',
    function: 'publishScheduled',
    expression: 'rate(5 minutes)',
    timeZone: 'Asia/Ho_Chi_Minh',
    basis: 'CB 17.3c (tin đã duyệt được hẹn giờ đăng)',
    description:
      'Publishes every scheduled content item whose time has come (and any an earlier run missed), as the system identity.',
  },
  {
    job: 'consultation-schedule',
    function: 'consultationSchedule',
    expression: 'rate(5 minutes)',
    timeZone: 'Asia/Ho_Chi_Minh',
    basis: 'BĐ 8.2đ; CB 10.1đ; Luật Ban hành VBQPPL 2025 (thời hạn lấy ý kiến đã công bố)',
    description:
      'Opens every scheduled consultation whose opening instant has come and closes every open one whose closing instant has (and any an earlier run missed), as the system identity.',
  },
  {
    job: 'weekly-backup',
    function: 'weeklyBackup',
    expression: 'cron(0 2 ? * SUN *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    basis: 'TG 8.2 (weekly backup), BĐ 18.6, NA 13.2 (restore plan)',
    description: 'Exports the table and the media manifest to the backups bucket, once per ISO week.',
  },
  {
    job: 'restore-drill',
    function: 'restoreDrill',
    // Two hours after the backup: a backup nobody restored is a hope.
    expression: 'cron(0 4 ? * SUN *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    basis: 'BĐ 18.6, NA 13.2 (restore plan), TG 16.3 (restored within 24 hours)',
    description:
      'Restores the latest backup into a scratch table, checks digests, media and index queries, deletes the table.',
  },
  {
    job: 'escalate-questions',
    function: 'escalateQuestions',
    // Hourly in working hours, Monday to Saturday (working Saturdays exist); the job itself skips
    // the days off of the calendar in force (weekends, holidays, Tết, bridge days).
    expression: 'cron(0 8-17 ? * MON-SAT *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    basis: 'BĐ 12.3–12.5, CB 11.4 (thời hạn phân loại, trả lời, trả lại câu hỏi)',
    description:
      'Reminds and escalates open question clocks near or past their due instant, once per question, clock, due instant and level.',
  },
  {
    job: 'security-check-reminder',
    function: 'securityCheckReminder',
    expression: 'cron(0 8 * * ? *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    basis: 'TG 16.2 (kiểm tra an toàn thông tin ít nhất 6 tháng một lần)',
    description:
      'Reminds the operators once per due date when the periodic security check falls due within the reminder lead, or is overdue.',
  },
  {
    job: 'generate-reports',
    function: 'generateReports',
    // Just after local midnight, when a day (and so any period ending on it) has closed: the draft is
    // there at the start of the reporting window. NA 15.7's due instant is its cut-off itself
    // ("trước ngày 11/12", data to 10/12): docs/reports.md says how that is read.
    expression: 'cron(15 0 * * ? *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    basis: 'CB 21.1–21.2; TG 22.7; QN 23.3; NA 15.7, 14.4g; BĐ 19.9 (báo cáo định kỳ)',
    description:
      'Generates each periodic report of the preset as a draft for the last closed period, once per kind and period.',
  },
];

/** Jobs an operator runs by hand (`npm run job -- NAME` locally, a Lambda invoke on AWS), never on a schedule. */
export interface ManualJobDefinition {
  readonly job: string;
  readonly function: FunctionKeyOfKind<'job'>;
  readonly description: string;
}

export const manualJobs: readonly ManualJobDefinition[] = [
  {
    job: 'bootstrap-directory',
    function: 'bootstrapDirectory',
    description: 'Creates the province unit and the first operator account (`admin`) if they do not exist yet.',
  },
  {
    job: 'media-checksums',
    function: 'mediaChecksums',
    description:
      'Gives clean media objects stored without a SHA-256 checksum one (S3 computes it on a copy onto itself), once; run again until it says finished.',
  },
];

export const allJobs: ReadonlyArray<{ job: string; function: FunctionKeyOfKind<'job'> }> = [
  ...schedules,
  ...manualJobs,
];

/**
 * The schedules with the expressions a deployment sets (infra/config `backups.schedule`,
 * `backups.drillSchedule`): the jobs stack and the local scheduler use this, not `schedules` alone.
 */
export function configuredSchedules(overrides: Readonly<Record<string, string>>): readonly ScheduleDefinition[] {
  return schedules.map((s) => (overrides[s.job] ? { ...s, expression: overrides[s.job]! } : s));
}
