import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';
import { WEEKLY_BACKUP_MACHINE } from '../../shared/application/weekly-backup-steps';
import { RESTORE_DRILL_MACHINE } from '../../shared/application/restore-drill-steps';
import { LAST_MEASURED, project, SCALES } from '../bench/backup-projection';
import type { MachineShape } from '../../shared/jobs/step-machine';

/**
 * The backup and the drill on AWS, read from the synthesized jobs template (issue 24): each a state
 * machine whose task states are exactly the steps the local runner runs (the same shape), each task
 * invoking its job's function, started by its configured schedule; the drill fills its scratch
 * tables with ImportTable on those tables only; and no step's projected invocation at 10× (the
 * bench's model, at the last measured digest rate) exceeds its function's Timeout in the template.
 */
interface Resource {
  Type: string;
  Properties: Record<string, any>;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

describe('backup and drill state machines (from the templates)', () => {
  let resources: Record<string, Resource>;
  let functionId: (key: string) => string;
  let machineOf: (shape: MachineShape) => {
    id: string;
    definition: { StartAt: string; States: Record<string, any>; TimeoutSeconds: number };
  };
  let statementsOf: (key: string) => Statement[];
  beforeAll(() => {
    resources = Template.fromStack(defaultPortal().stacks.jobs).toJSON().Resources;
    functionId = (key) =>
      Object.entries(resources).find(
        ([, r]) =>
          r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === key,
      )![0];
    machineOf = (shape) => {
      const [id, machine] = Object.entries(resources).find(
        ([, r]) =>
          r.Type === 'AWS::StepFunctions::StateMachine' &&
          JSON.stringify(r.Properties.DefinitionString).includes(`${shape.job}: `),
      )!;
      // The definition is a Fn::Join of strings and the function's ARN: put a placeholder where the ARN goes.
      const parts = machine.Properties.DefinitionString['Fn::Join'][1] as Array<
        string | { 'Fn::GetAtt': [string, string] }
      >;
      const text = parts.map((p) => (typeof p === 'string' ? p : `arn-of:${p['Fn::GetAtt'][0]}`)).join('');
      return { id, definition: JSON.parse(text) };
    };
    statementsOf = (key) => {
      const roleId = resources[functionId(key)]!.Properties.Role['Fn::GetAtt'][0] as string;
      return Object.values(resources)
        .filter(
          (r) =>
            r.Type === 'AWS::IAM::Policy' &&
            (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
        )
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    };
  });

  for (const [shape, fn, cron] of [
    [WEEKLY_BACKUP_MACHINE, 'weeklyBackup', 'cron(0 2 ? * SUN *)'],
    [RESTORE_DRILL_MACHINE, 'restoreDrill', 'cron(0 4 ? * SUN *)'],
  ] as const) {
    it(`${shape.job}: its task states are the steps the local runner runs, each invoking ${fn}; a failed step goes to ${shape.onFailure}`, () => {
      const { definition } = machineOf(shape);
      const tasks = Object.entries(definition.States).filter(([, s]) => s.Type === 'Task');
      expect(tasks.map(([name]) => name).sort()).toEqual([...shape.steps].sort());
      for (const [name, task] of tasks) {
        expect(task.Resource, name).toBe(`arn-of:${functionId(fn)}`);
        const catches = (task.Catch ?? []).map((c: { Next: string }) => c.Next);
        expect(catches, name).toEqual([name === shape.onFailure ? 'RunFailed' : shape.onFailure]);
      }
      // The run starts with the first step, an id and its clock; NextStep routes by the step a task answered.
      expect(definition.States[definition.StartAt]).toMatchObject({ Type: 'Pass', Parameters: { step: shape.first } });
      const routes = definition.States.NextStep.Choices.map((c: { StringEquals: string; Next: string }) => [
        c.StringEquals,
        c.Next,
      ]);
      expect(routes).toEqual([
        ...shape.steps.filter((s) => s !== shape.onFailure).map((s) => [s, s]),
        ['done', 'Done'],
      ]);
      expect(definition.TimeoutSeconds).toBe(shape.timeoutHours * 3600);
    });

    it(`${shape.job}: its schedule (${cron}, Hà Nội time) starts the state machine, not the function`, () => {
      const { id } = machineOf(shape);
      const schedule = Object.values(resources).find(
        (r) => r.Type === 'AWS::Scheduler::Schedule' && r.Properties.ScheduleExpression === cron,
      )!;
      expect(schedule.Properties.ScheduleExpressionTimezone).toBe('Asia/Ho_Chi_Minh');
      expect(JSON.stringify(schedule.Properties.Target.Arn)).toContain(id);
      expect(JSON.stringify(schedule.Properties.Target.Arn)).not.toContain(functionId(fn));
    });
  }

  it('the weekly backup machine alarms when it fails or times out; a failed drill step is recorded as a failed drill run (its own alarm)', () => {
    const descriptions = Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => String(r.Properties.AlarmDescription));
    expect(descriptions.filter((d) => /^The weekly backup state machine (failed|timed out)/.test(d))).toHaveLength(2);
    expect(descriptions.some((d) => /^The weekly restore drill failed/.test(d))).toBe(true);
  });

  it('the drill fills scratch tables with ImportTable on AWS: ImportTable/DescribeImport on -drill- tables only, its import logs, DRILL_LOAD=import', () => {
    expect(resources[functionId('restoreDrill')]!.Properties.Environment.Variables.DRILL_LOAD).toBe('import');
    expect(resources[functionId('weeklyBackup')]!.Properties.Environment.Variables.DRILL_LOAD).toBeUndefined();
    const imports = statementsOf('restoreDrill').filter((s) =>
      asList(s.Action).some((a) => a === 'dynamodb:ImportTable'),
    );
    expect(imports).toHaveLength(1);
    expect(asList(imports[0]!.Action).sort()).toEqual(['dynamodb:DescribeImport', 'dynamodb:ImportTable']);
    for (const resource of asList(imports[0]!.Resource).map((r) => JSON.stringify(r)))
      expect(resource).toMatch(/-drill-\*/);
    const logs = statementsOf('restoreDrill').filter((s) => asList(s.Action).some((a) => a.startsWith('logs:')));
    expect(logs.map((s) => JSON.stringify(s.Resource))).toEqual([expect.stringContaining('log-group:/aws-dynamodb/*')]);
    // Nobody else may import.
    for (const key of ['weeklyBackup'])
      expect(statementsOf(key).some((s) => asList(s.Action).includes('dynamodb:ImportTable'))).toBe(false);
  });

  it('no step’s projected invocation at 10× exceeds its function’s Timeout in the template (bench model, last measured digest rate)', () => {
    const steps = project(SCALES[1]!, LAST_MEASURED);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const timeout = resources[functionId(step.fn)]!.Properties.Timeout as number;
      expect(
        step.invocationSeconds,
        `${step.step}: ${Math.round(step.invocationSeconds)} s against ${timeout} s`,
      ).toBeLessThan(timeout);
    }
    // Every task state of both machines is projected: a new step cannot slip past this check.
    for (const shape of [WEEKLY_BACKUP_MACHINE, RESTORE_DRILL_MACHINE]) {
      for (const task of Object.entries(machineOf(shape).definition.States)
        .filter(([, s]) => s.Type === 'Task')
        .map(([name]) => name)) {
        expect(
          steps.some((s) => s.machineStep === task),
          task,
        ).toBe(true);
      }
    }
  });
});
