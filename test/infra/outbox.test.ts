import { beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';
import { OUTBOX_ITEM_TYPE } from '../../events/outbox';

/** The transactional outbox on AWS: the table's stream, the relay on it, its DLQ; nobody else puts events. */
describe('outbox on AWS', () => {
  let data: Template;
  let async: Template;
  let all: Template[];
  beforeAll(() => {
    const { stacks } = defaultPortal();
    data = Template.fromStack(stacks.data);
    async = Template.fromStack(stacks.async);
    all = Object.values(stacks).map((s) => Template.fromStack(s));
  }, 180_000);

  it('streams new images of the table', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  it('relays only outbox INSERTs from the stream, retrying from a failed record, with an on-failure queue', () => {
    const mappings = async.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { StartingPosition: 'TRIM_HORIZON' },
    });
    expect(Object.keys(mappings)).toHaveLength(1);
    const mapping = Object.values(mappings)[0]!.Properties;
    expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(mapping.BisectBatchOnFunctionError).toBe(true);
    expect(mapping.DestinationConfig.OnFailure.Destination).toBeDefined();
    const pattern = JSON.parse(mapping.FilterCriteria.Filters[0].Pattern);
    expect(pattern).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: [OUTBOX_ITEM_TYPE] } } } });
    async.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('outbox relay DLQ'),
    });
  });

  it('lets only the relay put events on the bus', () => {
    const putters = all.flatMap((t) =>
      Object.entries(t.findResources('AWS::IAM::Policy')).filter(([, r]) =>
        JSON.stringify(r.Properties.PolicyDocument).includes('events:PutEvents'),
      ),
    );
    expect(putters.map(([id]) => id)).toEqual([expect.stringMatching(/^OutboxRelay/)]);
  });

  it('lets a job that only reports its runs write outbox items and nothing else', () => {
    const statements = all.flatMap((t) =>
      Object.entries(t.findResources('AWS::IAM::Policy'))
        .filter(([id]) => id.startsWith('DependencyCheck'))
        .flatMap(
          ([, p]) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Condition?: unknown }>,
        ),
    );
    // Allows only: every role reaching the table also carries the audit guards, which deny.
    const writes = statements.filter(
      (st) =>
        (st as { Effect?: string }).Effect === 'Allow' &&
        [st.Action].flat().some((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
    );
    expect(writes).toEqual([
      {
        Action: 'dynamodb:PutItem',
        Effect: 'Allow',
        Resource: expect.anything(),
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['OUTBOX#*'] } },
      },
    ]);
  });
});
