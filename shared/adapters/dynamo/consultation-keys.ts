/**
 * Keys of consultations (issue 28 §1, §4), spread into `keys` (keys.ts). A consultation's item, its
 * draft versions and nothing else live in `CONSULT#<id>`; comments keep their own partitions
 * (consultation-comments.ts), so a function that writes comments needs no write on consultations.
 */
const join = (...parts: Array<string | number>) => parts.join('#');

/** Partitions of the consultations' next open or close instant on the due index (the scheduler job reads each). */
export const CONSULTATION_DUE_SHARDS = 4;

/** The public phase a consultation is listed under: scheduled ones are the board's only. */
export type ConsultationPhase = 'scheduled' | 'open' | 'closed';

export const consultationKeys = {
  consultation: (id: string) => ({ pk: join('CONSULT', id), sk: 'CONSULTATION' }),
  /** The heading of one version of the draft taken in (its parts hold its text), append-only. */
  consultationDraft: (id: string, draftVersion: number) => ({
    pk: join('CONSULT', id),
    sk: join('DRAFT', String(draftVersion).padStart(4, '0')),
  }),
  /** One part of a version's text (its preamble and a run of its articles), each item within DynamoDB's size limit. */
  consultationDraftPart: (id: string, draftVersion: number, part: number) => ({
    pk: join('CONSULT', id),
    sk: join('DRAFT', String(draftVersion).padStart(4, '0'), 'PART', String(part).padStart(4, '0')),
  }),
  /** A version's heading and its parts, in order (the heading's sort key is the prefix of its parts'). */
  consultationDraftOf: (id: string, draftVersion: number) => ({
    pk: join('CONSULT', id),
    skPrefix: join('DRAFT', String(draftVersion).padStart(4, '0')),
  }),
  /** gsi1: a portal's consultations in one phase, by opening instant (newest first when listed). */
  consultationsOfPortal: (portal: string, phase: ConsultationPhase, opensAt?: string, id?: string) => ({
    gsi1pk: join('CONSULTPORTAL', portal, phase),
    ...(opensAt ? { gsi1sk: join(opensAt, id ?? '') } : {}),
  }),
  /** due index (sparse, while scheduled or open): the instant the scheduler opens or closes it next. */
  consultationDue: (shard: number, dueAt?: string) => ({
    duePk: join('CONSULTDUE', shard),
    ...(dueAt ? { dueAt } : {}),
  }),
  consultationDueShardOf: (id: string): number => {
    let hash = 0;
    for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return hash % CONSULTATION_DUE_SHARDS;
  },
} as const;
