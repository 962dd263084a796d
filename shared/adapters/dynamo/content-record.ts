import type { PeoplesCommitteeApproval } from '../../domain/content/approval';
import type { Assignee, ContentState } from '../../domain/workflow';
import type { Participant } from '../../domain/workflow/participants';
import type { LegalDocument, RevisionSummary } from '../../domain/content';
import type { WriteAction } from './unit-of-work';

// The stored shape of a content item, its revisions and what a step changes on it (content.ts holds the repository).

export interface Contributor {
  readonly name: string;
  readonly accountId?: string;
  /** Share of the royalty in percent (QN 12.2), frozen at publication. */
  readonly share: number;
}

export interface ContentItemRecord {
  readonly id: string;
  readonly unitCode: string;
  /** The owning portal, then its ancestors (as the rule table reads scopes). */
  readonly unitPath: readonly string[];
  readonly category: string;
  readonly language: string;
  readonly title: string;
  readonly summary?: string;
  /** Sanitised HTML (shared/domain/content/rich-text.ts). */
  readonly body: string;
  readonly legalDocument?: LegalDocument;
  /** The date of the event its publication clock counts from (an announcement, a plan's approval…), where the item carries no other. */
  readonly eventDate?: string;
  /** The provincial People's Committee's approval of an advertisement (BĐ 7.1). */
  readonly peoplesCommitteeApproval?: PeoplesCommitteeApproval;
  /** Upload ids (POST /uploads); publication requires each to be `clean`. */
  readonly attachments: readonly string[];
  readonly contributors: readonly Contributor[];
  readonly state: ContentState;
  readonly version: number;
  readonly openClocks: readonly 'publication'[];
  readonly publishPolicy: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedBy?: string;
  readonly lastEditedBy?: string;
  /** The publication deadline, counted from the event its preset names (shared/domain/content/deadline.ts). */
  readonly dueAt?: string;
  readonly publishedAt?: string;
  readonly publishedOnTime?: boolean;
  readonly publishAt?: string;
  /** The editor the secretary assigned at intake (the `assign` step), kept through later steps. */
  readonly assignee?: Assignee;
  readonly assignedAt?: string;
  readonly emergency?: {
    readonly by: string;
    readonly reason: string;
    readonly at: string;
    readonly confirmedBy?: string;
    readonly confirmedAt?: string;
  };
  readonly publicNote?: string;
  readonly withdrawnAt?: string;
  /** The legal-document search entries its publication wrote (shared/application/legal-search.ts), deleted when it goes offline. */
  readonly searchIndex?: { readonly issuedOn: string; readonly terms: readonly string[] };
  /** Language versions: the item this one translates, and (on that item) its translations. */
  readonly translationOf?: string;
  readonly translations?: readonly { readonly language: string; readonly id: string }[];
  /** Everyone who edited its content (PATCH): none of them may approve it (separation of duties). */
  readonly editors?: readonly string[];
  /** Everyone who took part, with how (shared/domain/workflow/participants.ts): none of them decides on it. */
  readonly participants?: readonly Participant[];
  /** Contributors and shares as frozen at the first publication (QN 12.2); never edited after. */
  readonly attribution?: Attribution;
  /** A copy proposed to the provincial portal (syndication): its source, at the version it follows. */
  readonly syndicatedFrom?: SyndicationSource;
  /** The proposer's note to the provincial board. */
  readonly syndicationNote?: string;
  /** On a copy: the source was withdrawn after the copy was taken in (the board decides; it is not published). */
  readonly sourceWithdrawn?: { readonly at: string; readonly publicNote?: string; readonly version: number };
  /** On a copy already online: the source published a newer version the board has not taken over. */
  readonly sourceChanged?: { readonly at: string; readonly version: number };
}

export interface Attribution {
  readonly contributors: readonly Contributor[];
  readonly frozenAt: string;
  /** The quarter of the freeze in the province's time (e.g. `2026-Q4`): royalties are tallied per quarter. */
  readonly quarter: string;
}

export interface SyndicationSource {
  readonly portal: string;
  readonly id: string;
  readonly version: number;
}

export interface Revision {
  readonly version: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly summary: RevisionSummary;
  /** The title and cleaned body after this revision, kept when it changed them (create, edit): the console diffs two of these. */
  readonly text?: RevisionText;
}
export interface RevisionText {
  readonly title: string;
  readonly body: string;
}

/** What a step's effects change on an item (its own fields) and write beside it. */
export interface ContentStepChanges {
  readonly set: Readonly<Partial<Record<keyof ContentItemRecord, unknown>>>;
  readonly remove: readonly (keyof ContentItemRecord)[];
  readonly writes: readonly WriteAction[];
}
