import { describe, expect, it } from 'vitest';
import { rolesOf, withParticipants } from '../../shared/domain/workflow/participants';

/**
 * Who took part in an item (separation of duties, BĐ 9.6, CB 17.3, TG 5.4): a set that only grows,
 * each person once per role, in the order they first took part.
 */
describe('the participants of an item', () => {
  it('start with whoever the first step records, in order', () => {
    expect(
      withParticipants(undefined, [
        { id: 'reporter', role: 'creator' },
        { id: 'reporter', role: 'submitter' },
      ]),
    ).toEqual([
      { id: 'reporter', role: 'creator' },
      { id: 'reporter', role: 'submitter' },
    ]);
  });

  it('record a person once per role, however often the item goes back and forth', () => {
    const once = withParticipants([], [{ id: 'reporter', role: 'submitter' }]);
    const again = withParticipants(once, [
      { id: 'reporter', role: 'submitter' },
      { id: 'editor', role: 'editor' },
      { id: 'editor', role: 'editor' },
    ]);
    expect(again).toEqual([
      { id: 'reporter', role: 'submitter' },
      { id: 'editor', role: 'editor' },
    ]);
  });

  it('record the same person again in another role, and another person in the same role', () => {
    const current = [{ id: 'editor', role: 'editor' as const }];
    expect(
      withParticipants(current, [
        { id: 'editor', role: 'proposer' },
        { id: 'secretary', role: 'editor' },
      ]),
    ).toEqual([
      { id: 'editor', role: 'editor' },
      { id: 'editor', role: 'proposer' },
      { id: 'secretary', role: 'editor' },
    ]);
  });

  it('never record nobody (an empty id), nor change the set they are given', () => {
    const current = [{ id: 'reporter', role: 'creator' as const }];
    expect(withParticipants(current, [{ id: '', role: 'submitter' }])).toEqual(current);
    withParticipants(current, [{ id: 'editor', role: 'editor' }]);
    expect(current).toEqual([{ id: 'reporter', role: 'creator' }]);
  });
});

describe('the roles in which someone took part', () => {
  it('are theirs alone, in the order recorded', () => {
    const participants = withParticipants(undefined, [
      { id: 'reporter', role: 'creator' },
      { id: 'editor', role: 'editor' },
      { id: 'reporter', role: 'submitter' },
    ]);
    expect(rolesOf(participants, 'reporter')).toEqual(['creator', 'submitter']);
    expect(rolesOf(participants, 'editor')).toEqual(['editor']);
    expect(rolesOf(participants, 'chief')).toEqual([]);
  });

  it('are none on an item that records no participants', () => {
    expect(rolesOf(undefined, 'reporter')).toEqual([]);
  });
});
