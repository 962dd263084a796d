import { describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { eventPattern, matches, routingRules } from '../../events/rules';
import { defaultPortal } from '../support/portal-app';

/**
 * No empty consumer runs (issue 22 #4): the syndication rule lets through only what a syndicated
 * copy follows (a content item's publication or withdrawal), by EventBridge's own pattern in the
 * template, and the local event bus matches the same pattern from the same definition.
 */
const targets = (data: Record<string, string>) =>
  routingRules
    .filter((r) => matches(eventPattern(r), 'portal.workflow', 'WorkflowTransitioned', { metadata: {}, data }))
    .map((r) => r.target);

describe('the syndication rule', () => {
  it('filters on the data in the synthesized rule: content items, published or withdrawn', () => {
    const { stacks } = defaultPortal();
    Template.fromStack(stacks.async).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['portal.workflow'],
        'detail-type': ['WorkflowTransitioned'],
        detail: { data: { type: ['ContentItem'], $or: [{ to: ['published'] }, { action: ['withdraw'] }] } },
      },
    });
  });

  it('routes locally as the pattern says: publications and withdrawals of content, no other step', () => {
    // The edge's invalidation rule also takes content steps (test/infra/edge.test.ts); this one is about syndication.
    const syndication = (data: Record<string, string>) => targets(data).filter((t) => t !== 'edge');
    expect(syndication({ type: 'ContentItem', action: 'publish', to: 'published' })).toEqual(['syndication']);
    expect(syndication({ type: 'ContentItem', action: 'confirm', to: 'published' })).toEqual(['syndication']);
    expect(syndication({ type: 'ContentItem', action: 'withdraw', to: 'withdrawn' })).toEqual(['syndication']);
    for (const [action, to] of [
      ['submit', 'submitted'],
      ['accept', 'editing'],
      ['approve', 'approved'],
      ['emergency-publish', 'emergency-published'],
    ]) {
      expect(syndication({ type: 'ContentItem', action: action!, to: to! })).toEqual([]);
    }
    expect(targets({ type: 'Question', action: 'route', to: 'routed' })).toEqual(['notifications']);
    expect(targets({ type: 'Question', action: 'withdraw', to: 'withdrawn' })).toEqual(['notifications']);
  });
});
