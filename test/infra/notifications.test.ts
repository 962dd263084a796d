import { describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { eventPattern, matches, routingRules } from '../../events/rules';
import { defaultPortal } from '../support/portal-app';
import { loadDeploymentConfig, mailIdentity, mailSenderAddress } from '../../infra/config/deployment';

/**
 * Notifications (issue 9 #6) in the synthesized templates: the queue and its DLQ fed by the
 * question events, and a consumer that may send e-mail through SES from the deployment's sender
 * identity only; no other function may send e-mail at all.
 */
type Resource = { Type: string; Properties: Record<string, any> };
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

describe('notifications (from the templates)', () => {
  const { stacks } = defaultPortal();
  const config = loadDeploymentConfig();
  const async = Template.fromStack(stacks.async).toJSON().Resources as Record<string, Resource>;

  it('routes question receipts, steps and escalations to the notifications queue, which has a DLQ', () => {
    const template = Template.fromStack(stacks.async);
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: `portal-${config.stage}-notifications`,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
    });
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: `portal-${config.stage}-notifications-dlq` });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['portal.questions'], 'detail-type': ['QuestionReceived', 'QuestionEscalated'] },
    });
    // Workflow steps of questions only: content's steps never reach the notification consumer.
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['portal.workflow'],
        'detail-type': ['WorkflowTransitioned'],
        detail: { data: { type: ['Question'] } },
      },
    });
  });

  it('matches question steps locally as EventBridge does: by source, detail-type and the data type', () => {
    const targets = (source: string, detailType: string, data: unknown) =>
      routingRules
        .filter((r) => matches(eventPattern(r), source, detailType, { metadata: {}, data }))
        .map((r) => r.target);
    expect(
      targets('portal.workflow', 'WorkflowTransitioned', {
        type: 'Question',
        event: 'QuestionRouted',
        to: 'routed',
        action: 'route',
      }),
    ).toEqual(['notifications']);
    expect(
      targets('portal.workflow', 'WorkflowTransitioned', {
        type: 'ContentItem',
        event: 'ContentPublished',
        to: 'published',
        action: 'publish',
      }).sort(),
    ).toEqual(['edge', 'syndication']);
    expect(targets('portal.questions', 'QuestionEscalated', { questionId: 'HD.1' })).toEqual(['notifications']);
  });

  it('lets the notification consumer send e-mail from the configured identity and sender only, and no other function send any', () => {
    const functions = Object.values(async).filter((r) => r.Type === 'AWS::Lambda::Function');
    const consumer = functions.find(
      (f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'sendNotifications',
    )!;
    expect(consumer.Properties.Environment.Variables).toMatchObject({
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: mailSenderAddress(config),
    });
    expect(consumer.Properties.Timeout).toBe(30);

    const sesStatements: Array<{ fn: string; statement: Record<string, any> }> = [];
    for (const stack of Object.values(stacks)) {
      const resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
      const roleOf = new Map(
        Object.values(resources)
          .filter((r) => r.Type === 'AWS::Lambda::Function')
          .map((f) => [
            f.Properties.Role?.['Fn::GetAtt']?.[0],
            String(f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME),
          ]),
      );
      for (const policy of Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy')) {
        for (const statement of policy.Properties.PolicyDocument.Statement as Array<Record<string, any>>) {
          if (!asList(statement.Action).some((a: string) => a.startsWith('ses:'))) continue;
          for (const role of policy.Properties.Roles as Array<{ Ref: string }>)
            sesStatements.push({ fn: roleOf.get(role.Ref) ?? role.Ref, statement });
        }
      }
    }
    expect(sesStatements.map((s) => s.fn)).toEqual(['sendNotifications']);
    const { statement } = sesStatements[0]!;
    expect(statement.Effect).toBe('Allow');
    expect(statement.Action).toBe('ses:SendEmail');
    expect(JSON.stringify(statement.Resource)).toContain(`:identity/${mailIdentity(config)}`);
    expect(JSON.stringify(statement.Resource)).not.toContain('*');
    expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': mailSenderAddress(config) } });
  });
});
