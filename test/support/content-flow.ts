import { expect } from 'vitest';
import type { caller, Person } from './directory';

/**
 * Creating a content item over HTTP and walking it along the editorial path (issue 8 §3) to a given state, as the
 * integration files need it for their set-up: submitted by its author, accepted and proposed by the secretary,
 * approved by the chief editor, published by the secretary. Every step must succeed (200), or the set-up fails
 * naming the refusal.
 */
type Call = ReturnType<typeof caller>;

/**
 * Who takes each step. Read when a step is taken, so a cast filled in `beforeAll` can be passed before it is; a walk
 * that needs someone the cast lacks fails saying so.
 */
export interface ContentCast {
  readonly author?: Person;
  readonly secretary?: Person;
  readonly chief?: Person;
}

/** The states of the editorial path, in order; an item is created `submitted` (body `submit: true`). */
export type ContentStage = 'submitted' | 'editing' | 'pending-decision' | 'approved' | 'published';

const PATH: ReadonlyArray<{ action: string; by: keyof ContentCast; to: ContentStage }> = [
  { action: 'accept', by: 'secretary', to: 'editing' },
  { action: 'propose', by: 'secretary', to: 'pending-decision' },
  { action: 'approve', by: 'chief', to: 'approved' },
  { action: 'publish', by: 'secretary', to: 'published' },
];

export interface ContentFlowOptions {
  /** The unit whose content the items are (`POST /units/{unit}/content`). */
  readonly unit: string;
  readonly cast: () => ContentCast;
}

export function contentFlow(call: Call, { unit, cast }: ContentFlowOptions) {
  /** One step, whatever its answer (for tests that check refusals). */
  const step = (id: string, who: Person, body: Record<string, unknown>) =>
    call(`/content/${id}/transitions`, who, { method: 'POST', body });

  /** One step that must succeed; returns the item as the API answers it. */
  async function take(id: string, who: Person, body: Record<string, unknown>) {
    const res = await step(id, who, body);
    expect(res.status, `${String(body.action)}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  }

  /** Creates a news item submitted for intake (any field of the body may be replaced); returns its id. */
  async function create(title: string, extra: Record<string, unknown> = {}, author = cast().author): Promise<string> {
    if (!author) throw new Error(`creating "${title}": the cast has no author`);
    const created = await call(`/units/${unit}/content`, author, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title, body: '<p>Nội dung</p>', submit: true, ...extra },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  }

  /** Walks a submitted item along the editorial path until it is in `to`. */
  async function walk(id: string, to: ContentStage): Promise<void> {
    if (to === 'submitted') return;
    for (const { action, by, to: reached } of PATH) {
      const who = cast()[by];
      if (!who) throw new Error(`walking ${id} to ${to}: the cast has no ${by} to ${action}`);
      await take(id, who, { action });
      if (reached === to) return;
    }
  }

  /** Creates an item and walks it to `to`; returns its id. */
  async function itemIn(to: ContentStage, title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const id = await create(title, extra);
    await walk(id, to);
    return id;
  }

  return { step, take, create, walk, itemIn };
}
