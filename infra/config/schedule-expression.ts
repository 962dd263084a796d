import { parseScheduleExpression } from '../local/scheduler';

/**
 * Why an EventBridge Scheduler expression would be refused, or undefined when it is fine. Checked
 * at synth and local start: EventBridge's own rules (`rate(1 hour)` singular, `rate(2 hours)`
 * plural; a cron of six fields with `?` in exactly one of day-of-month and day-of-week), then
 * the local scheduler must be able to fire it too, so a schedule tested locally is the one deployed.
 */
export function scheduleExpressionProblem(expression: string): string | undefined {
  const rate = /^rate\((\d+) (minute|hour|day)(s?)\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    if (value < 1) return `${expression}: a rate must be at least 1`;
    if ((value === 1) !== (rate[3] === '')) return `${expression}: EventBridge wants "${value} ${rate[2]}${value === 1 ? '' : 's'}"`;
    return undefined;
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (!cron) return `${expression}: must be rate(N minutes|hours|days) or cron(minutes hours day-of-month month day-of-week year)`;
  const fields = cron[1]!.split(' ');
  if (fields.length !== 6 || fields.some((f) => f === '')) return `${expression}: an EventBridge cron has 6 fields separated by single spaces`;
  if ((fields[2] === '?') === (fields[4] === '?')) return `${expression}: exactly one of day-of-month and day-of-week must be "?"`;
  try {
    parseScheduleExpression(expression, 'Asia/Ho_Chi_Minh').next(new Date());
  } catch (error) {
    return `${expression}: ${(error as Error).message}`;
  }
  return undefined;
}
