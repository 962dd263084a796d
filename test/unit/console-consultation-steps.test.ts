import { describe, expect, it } from 'vitest';
import { consultationStepTable, summaryResponseLabels } from '../../console/src/consultation-steps-table';
import { consultationWorkflow } from '../../shared/domain/participation/consultation-workflow';
import { summaryResponseLabels as apiResponseLabels } from '../../shared/domain/participation/consultation-summary';

/** The console offers a consultation's steps as the API's workflow table has them: every row taken by hand, alike. */
describe("the console's consultation steps", () => {
  it('are the workflow rows not taken by the scheduler, with their states, permission, label and inputs', () => {
    const byHand = Object.entries(consultationWorkflow.transitions).filter(
      ([, row]) => row.permission !== 'consultation.run-schedule',
    );
    expect(Object.keys(consultationStepTable).sort()).toEqual(byHand.map(([action]) => action).sort());
    for (const [action, row] of byHand) {
      expect(consultationStepTable[action], action).toEqual({
        from: row.from,
        permission: row.permission,
        label: row.label,
        ...(row.requires && { requires: row.requires }),
        ...(row.actor === 'not-participant' && { notByWriter: true }),
      });
    }
  });

  it("name a summary's responses as the API does", () => {
    expect(summaryResponseLabels).toEqual(apiResponseLabels);
  });
});
