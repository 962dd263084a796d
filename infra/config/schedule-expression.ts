import {
  nextFiring,
  parseScheduleExpression,
  ScheduleExpressionError,
} from '../../shared/domain/operations/schedule-expression';

/**
 * Why an EventBridge Scheduler expression would be refused, or undefined when it is fine. Checked
 * at synth and local start by the project's one evaluator (shared/domain/operations/schedule-expression.ts,
 * which the local scheduler and GET /jobs use too), so a schedule tested locally is the one
 * deployed; then two rules of the written form: single spaces, as EventBridge writes it (the
 * evaluator itself tolerates more), and a cron that still fires.
 */
export function scheduleExpressionProblem(expression: string, now = new Date()): string | undefined {
  let parsed: ReturnType<typeof parseScheduleExpression>;
  try {
    parsed = parseScheduleExpression(expression, 'Asia/Ho_Chi_Minh');
  } catch (error) {
    if (error instanceof ScheduleExpressionError) return `${expression}: ${error.message}`;
    throw error;
  }
  if (/^\s|\s$|\s\s|[^\S ]/.test(expression))
    return `${expression}: separate the fields by single spaces, as EventBridge writes them`;
  if (!nextFiring(parsed, now)) return `${expression}: never fires after ${now.toISOString()}`;
  return undefined;
}
