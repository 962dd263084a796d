import { expect } from 'vitest';
import type { caller, Person } from './directory';

/**
 * Asking a question over HTTP and walking it along the usual Q&A path (issue 9) to a given state, as the integration
 * files need it for their set-up: classified and routed by the board's secretary, answered by the unit's head,
 * approved by the chief editor, sent by the secretary. Every step must succeed (200), or the set-up fails naming the
 * refusal.
 */
type Call = ReturnType<typeof caller>;

/**
 * Who takes each step. Read when a step is taken, so a cast filled in `beforeAll` can be passed before it is; a walk
 * that needs someone the cast lacks fails saying so.
 */
export interface QuestionCast {
  readonly secretary?: Person;
  /** Answers for the unit the question is routed to. */
  readonly unitHead?: Person;
  readonly chief?: Person;
}

/** The states of the usual path, in order; a question is `received` once asked. */
export type QuestionStage = 'received' | 'classified' | 'routed' | 'answered' | 'approved' | 'sent';

export interface QuestionAnswer {
  readonly text: string;
  readonly citations: readonly Record<string, unknown>[];
}

/** How a walk takes the steps that need more than an action. */
export interface WalkOptions {
  readonly complexity?: 'simple' | 'complex';
  /** The unit it is routed to. */
  readonly unit?: string;
  /** Whether the unit sees the asker's contact data (route's `shareAskerData`). */
  readonly shareAskerData?: boolean;
  readonly answer?: QuestionAnswer;
}

export interface Asked {
  readonly trackingCode: string;
  readonly secret: string;
}

export interface QuestionFlowOptions {
  readonly cast: () => QuestionCast;
  /** The portal questions are asked on (`POST /public/portals/{portal}/questions`). */
  readonly portal?: string;
  /** Asks a question another way (from a chosen address, say); by default through `call`, anonymously. */
  readonly ask?: (body: Record<string, unknown>) => Promise<Asked>;
  /** Defaults for every walk; a walk's own options win. */
  readonly walk?: WalkOptions;
}

const DEFAULT_ANSWER: QuestionAnswer = {
  text: 'Theo quy định hiện hành, hồ sơ gồm đơn đề nghị và giấy tờ chứng minh quyền sử dụng đất.',
  citations: [],
};

export function questionFlow(call: Call, options: QuestionFlowOptions) {
  const { cast, portal = 'binhdinh' } = options;

  /** One step, whatever its answer (for tests that check refusals). */
  const step = (id: string, who: Person, body: Record<string, unknown>) =>
    call(`/questions/${id}/transitions`, who, { method: 'POST', body });

  /** One step that must answer `expected` (200 by default); returns the answer's body. */
  async function take(id: string, who: Person, body: Record<string, unknown>, expected = 200) {
    const res = await step(id, who, body);
    expect(res.status, `${String(body.action)}: ${JSON.stringify(res.body)}`).toBe(expected);
    return res.body;
  }

  /** Asks a question (201); returns its tracking code and the asker's secret. */
  async function ask(body: Record<string, unknown>): Promise<Asked> {
    if (options.ask) return options.ask(body);
    const res = await call(`/public/portals/${portal}/questions`, undefined, { method: 'POST', body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Asked;
  }

  /** Walks a question from `received` along the usual path until it is in `to`. */
  async function walk(id: string, to: QuestionStage, own: WalkOptions = {}): Promise<void> {
    const {
      complexity = 'simple',
      unit = 'soa',
      shareAskerData,
      answer = DEFAULT_ANSWER,
    } = { ...options.walk, ...own };
    const path: Array<[QuestionStage, keyof QuestionCast, Record<string, unknown>]> = [
      ['classified', 'secretary', { action: 'classify', complexity }],
      ['routed', 'secretary', { action: 'route', unit, ...(shareAskerData && { shareAskerData: true }) }],
      ['answered', 'unitHead', { action: 'answer', answer }],
      ['approved', 'chief', { action: 'approve-answer' }],
      ['sent', 'secretary', { action: 'send' }],
    ];
    if (to === 'received') return;
    for (const [reached, role, body] of path) {
      const who = cast()[role];
      if (!who) throw new Error(`walking ${id} to ${to}: the cast has no ${role} to ${String(body.action)}`);
      await take(id, who, body);
      if (reached === to) return;
    }
  }

  /** Asks a question and walks it to `to`. */
  async function questionIn(to: QuestionStage, body: Record<string, unknown>, own: WalkOptions = {}): Promise<Asked> {
    const asked = await ask(body);
    await walk(asked.trackingCode, to, own);
    return asked;
  }

  return { step, take, ask, walk, questionIn };
}
