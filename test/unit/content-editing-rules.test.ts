import { describe, expect, it } from 'vitest';
import { quarterOf } from '../../shared/domain/content';
import { editingFor, editRefusal, type EditableItem } from '../../shared/domain/content/editing';
import { contentEditing, contentStates } from '../../shared/domain/workflow';
import type { Principal } from '../../shared/domain/access/authorize';

/** Who may edit in which state (the workflow table's data), the order of an edit's refusals, the royalty quarter. */
const now = new Date('2026-11-23T03:00:00Z');
const as = (id: string, roles: Principal['roles'], unitCode = 'huyena'): Principal => ({
  id,
  kind: 'user',
  unitCode,
  roles,
  delegations: [],
});
const item = (state: EditableItem['state'], extra: Partial<EditableItem> = {}): EditableItem => ({
  id: 'c-1',
  state,
  version: 3,
  unitPath: ['huyena', 'demo'],
  createdBy: 'tac-gia',
  ...extra,
});
const author = as('tac-gia', ['contributor']);
const editor = as('bien-tap', ['editor']);

describe('contentEditing: the states in which content may be edited', () => {
  it('is the author in draft and returned, the board in editing, nobody elsewhere', () => {
    const editable = contentStates.filter((s) => contentEditing[s]);
    expect(editable).toEqual(['draft', 'returned', 'editing']);
    for (const state of contentStates) {
      const byAuthor = editRefusal(item(state), ['title'], author, 3, now);
      const byEditor = editRefusal(item(state), ['title'], editor, 3, now);
      expect([state, byAuthor?.code ?? 'ok', byEditor?.code ?? 'ok']).toEqual(
        state === 'editing'
          ? [state, 'forbidden', 'ok']
          : editable.includes(state)
            ? [state, 'ok', 'forbidden']
            : [state, 'conflict', 'conflict'],
      );
    }
  });

  it('takes the author to be its creator, whoever submitted it; the secretary may edit for the board, recorded as such', () => {
    const colleague = as('dong-nghiep', ['contributor']);
    expect(editRefusal(item('returned'), ['contributors'], colleague, 3, now)?.fields[0]).toMatchObject({
      field: 'actor',
      code: 'not_author',
    });
    expect(editRefusal(item('draft'), ['body'], colleague, 3, now)?.fields[0]).toMatchObject({
      field: 'actor',
      code: 'not_author',
    });
    expect(editRefusal(item('returned'), ['body'], author, 3, now)).toBeUndefined();
    const secretary = as('thu-ky', ['secretary']);
    expect(editRefusal(item('returned'), ['body'], secretary, 3, now)).toBeUndefined();
    expect(editingFor(item('returned'), secretary, now)).toBe('tac-gia');
    expect(editingFor(item('returned'), author, now)).toBeUndefined();
    expect(editingFor(item('editing'), secretary, now)).toBeUndefined();
    expect(editingFor(item('draft'), colleague, now)).toBe(false);
    expect(editRefusal(item('returned'), ['body'], as('thu-ky-khac', ['secretary'], 'huyenb'), 3, now)?.code).toBe(
      'forbidden',
    );
  });
});

describe('the order of refusals', () => {
  it('names frozen contributors before the state, and only when contributors are edited', () => {
    const published = item('published', { attribution: { frozenAt: '2026-11-01T00:00:00Z' } });
    expect(editRefusal(published, ['title', 'contributors'], editor, 3, now)?.fields[0]).toMatchObject({
      field: 'contributors',
      code: 'attribution_frozen',
    });
    expect(editRefusal(published, ['title'], editor, 3, now)?.fields[0]).toMatchObject({
      field: 'state',
      code: 'not_editable',
    });
    expect(editRefusal(item('draft', { attribution: { frozenAt: 'x' } }), ['contributors'], author, 3, now)?.code).toBe(
      'conflict',
    );
    expect(editRefusal(item('draft'), ['contributors'], author, 3, now)).toBeUndefined();
  });

  it('checks who may edit before the version, and the version only when one is given', () => {
    expect(editRefusal(item('editing'), ['title'], author, 2, now)?.code).toBe('forbidden');
    expect(editRefusal(item('editing'), ['title'], editor, 2, now)?.fields[0]).toMatchObject({
      field: 'expectedVersion',
      code: 'stale_version',
    });
    expect(editRefusal(item('editing'), ['title'], editor, 2, now)?.code).toBe('precondition_failed');
    expect(editRefusal(item('editing'), ['title'], editor, undefined, now)).toBeUndefined();
    expect(editRefusal(item('editing'), ['title'], as('bien-tap.b', ['editor'], 'huyenb'), 3, now)?.code).toBe(
      'forbidden',
    );
  });
});

describe('each refusal says why, in Vietnamese and English', () => {
  it('names the item, its state, the unit and the permission or version involved', () => {
    const frozen = editRefusal(
      item('published', { attribution: { frozenAt: '2026-11-01T00:00:00Z' } }),
      ['contributors'],
      editor,
      3,
      now,
    );
    expect(frozen?.messages).toEqual({
      vi: 'Người đóng góp và tỷ lệ nhuận bút của c-1 đã được chốt khi đăng (2026-11-01T00:00:00Z); không sửa được nữa (QN 12.2)',
      en: 'The contributors and shares of c-1 were frozen at publication (2026-11-01T00:00:00Z); they can no longer be edited (QN 12.2)',
    });
    const states = Object.keys(contentEditing)
      .map((s) => `"${s}"`)
      .join(', ');
    expect(states).toBe('"draft", "returned", "editing"');
    expect(editRefusal(item('published'), ['title'], editor, 3, now)?.messages).toEqual({
      vi: `Không sửa được tin, bài c-1 ở trạng thái "published"; chỉ sửa được khi: ${states}`,
      en: `Content item c-1 cannot be edited in state "published"; only in: ${states}`,
    });
    expect(editRefusal(item('editing'), ['title'], author, 3, now)?.messages).toEqual({
      vi: 'Không có quyền sửa tin, bài ở trạng thái "editing" của đơn vị huyena (content.edit)',
      en: 'Not allowed to edit items in state "editing" of unit huyena (content.edit)',
    });
    expect(editRefusal(item('editing', { unitPath: [] }), ['title'], author, 3, now)?.messages.en).toBe(
      'Not allowed to edit items in state "editing" of unit  (content.edit)',
    );
    const colleague = editRefusal(item('draft'), ['title'], as('dong-nghiep', ['contributor']), 3, now);
    expect(colleague?.messages).toEqual({
      vi: 'Chỉ tác giả (hoặc Thư ký thay mặt Ban Biên tập) mới sửa được tin, bài ở trạng thái "draft"',
      en: 'Only the author (or the secretary acting for the board) may edit an item in state "draft"',
    });
    expect(editRefusal(item('editing'), ['title'], editor, 2, now)?.messages).toEqual({
      vi: 'Tin, bài c-1 đã thay đổi: phiên bản hiện tại là 3, không phải 2',
      en: 'Content item c-1 has changed: its version is 3, not 2',
    });
  });

  it('nobody edits "for" anyone in a state where no one edits', () => {
    expect(editingFor(item('published'), as('thu-ky', ['secretary']), now)).toBeUndefined();
  });
});

describe('quarterOf: the royalty quarter in the province’s time (UTC+7)', () => {
  it.each([
    ['2026-03-31T16:59:59.999Z', '2026-Q1'],
    ['2026-03-31T17:00:00Z', '2026-Q2'],
    ['2026-06-30T17:00:00Z', '2026-Q3'],
    ['2026-09-30T16:59:59Z', '2026-Q3'],
    ['2026-12-31T16:59:59Z', '2026-Q4'],
    ['2026-12-31T17:00:00Z', '2027-Q1'],
  ])('%s is in %s', (instant, quarter) => {
    expect(quarterOf(instant)).toBe(quarter);
  });
});
