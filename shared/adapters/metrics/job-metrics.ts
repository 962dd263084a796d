import { appendFileSync } from 'node:fs';

/**
 * Per-job metrics as CloudWatch embedded metric format (EMF) log lines: Lambda's log pipeline
 * turns each line into metrics, so no CloudWatch client is needed. Written straight to stdout
 * (not through the logger or console, which would wrap the JSON) one object a line. The alarms
 * in infra/stacks/jobs-stack.ts read the same names and dimensions.
 */
export const JOB_METRICS_NAMESPACE = 'Portal/Jobs';
export const jobMetricNames = {
  /** Hours since the job's last successful run, per scheduled job, at every recorded run of any job. */
  hoursSinceSuccess: 'HoursSinceSuccess',
  succeededRuns: 'SucceededRuns',
  failedRuns: 'FailedRuns',
} as const;

export interface JobMetric {
  readonly job: string;
  readonly name: (typeof jobMetricNames)[keyof typeof jobMetricNames];
  readonly value: number;
  readonly unit: 'Count' | 'None';
}

/** One EMF line: dimensions Table (the deployment) and Job. */
export function emfLine(table: string, metric: JobMetric, at: Date): string {
  return JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: JOB_METRICS_NAMESPACE,
          Dimensions: [['Table', 'Job']],
          Metrics: [{ Name: metric.name, Unit: metric.unit }],
        },
      ],
    },
    Table: table,
    Job: metric.job,
    [metric.name]: metric.value,
  });
}

/**
 * On Lambda, stdout (CloudWatch Logs extracts the metrics). Locally, where functions run inside
 * the stack's process, the same lines go to the file the local stack names (LOCAL_METRICS_FILE),
 * so tests and operators can read them; without it they are dropped.
 */
export function emitJobMetrics(table: string, metrics: readonly JobMetric[], at: Date): void {
  const lines = metrics.map((metric) => emfLine(table, metric, at) + '\n').join('');
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) process.stdout.write(lines);
  else if (process.env.LOCAL_METRICS_FILE) appendFileSync(process.env.LOCAL_METRICS_FILE, lines);
}
