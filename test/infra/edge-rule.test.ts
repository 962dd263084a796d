import { describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { eventPattern, matches, routingRules } from '../../events/rules';
import { edgeChangeOf } from '../../shared/domain/edge/published-files';
import { contentWorkflow } from '../../shared/domain/workflow/tables/content';
import { defaultPortal } from '../support/portal-app';

/**
 * No empty consumer runs (issue 22 #4): the edge's rule lets through only the content steps that
 * put an item online or take it offline, the ones its consumer acts on (edgeChangeOf), by
 * EventBridge's own pattern in the template; the local event bus matches the same pattern. Before,
 * every content step (submit, accept, propose, approve…) sent a message and ran the consumer for
 * nothing.
 */
const toEdge = (data: Record<string, string>) =>
  routingRules
    .filter((r) => r.target === 'edge')
    .some((r) => matches(eventPattern(r), 'portal.workflow', 'WorkflowTransitioned', { metadata: {}, data }));

describe('the edge rule', () => {
  it('filters on the data in the synthesized rule: content items going online or offline', () => {
    const { stacks } = defaultPortal();
    Template.fromStack(stacks.async).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['portal.workflow'],
        'detail-type': ['WorkflowTransitioned'],
        detail: {
          data: {
            type: ['ContentItem'],
            $or: [{ to: ['published', 'emergency-published'] }, { from: ['published', 'emergency-published'] }],
          },
        },
      },
    });
  });

  it('routes exactly the steps of the content workflow that change the edge, and no question step', () => {
    const steps = Object.entries(contentWorkflow.transitions).flatMap(([action, row]) =>
      (row.from as readonly string[]).map((from) => ({ action, from, to: row.to as string })),
    );
    expect(steps.length).toBeGreaterThan(20);
    for (const { action, from, to } of steps) {
      const step = { type: 'ContentItem', id: 'i1', unitCode: 'huyena', action, from, to };
      expect(toEdge(step), `${action}: ${from} → ${to}`).toBe(edgeChangeOf(step) !== undefined);
    }
    expect(toEdge({ type: 'ContentItem', action: 'submit', from: 'draft', to: 'submitted' })).toBe(false);
    expect(toEdge({ type: 'ContentItem', action: 'publish', from: 'approved', to: 'published' })).toBe(true);
    expect(toEdge({ type: 'ContentItem', action: 'withdraw', from: 'published', to: 'withdrawn' })).toBe(true);
    expect(toEdge({ type: 'Question', action: 'publish', from: 'answered', to: 'published' })).toBe(false);
  });
});
