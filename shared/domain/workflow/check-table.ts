import { rulesFor } from '../access/rules';
import type { WorkflowAggregate, WorkflowTable } from './types';

/**
 * Static checks of a table, run by the tests of every table: a mistake here (a clock left running
 * in a state that does not expect it, an action no rule authorises) is a defect of the table, not
 * of a request. Returns one line per problem; an empty list means the table is consistent.
 */
/** A basis names an article of a seed regulation, e.g. `BĐ 12.4` or `CB 17.3c`. */
const CITES_ARTICLE = /\b(BĐ|QN|CB|NA|TG) \d+/;
const bilingual = (label: { vi: string; en: string }) => label.vi.trim() !== '' && label.en.trim() !== '';

export function tableProblems<S extends string, T extends string, C extends string, A extends WorkflowAggregate<S, C>>(
  table: WorkflowTable<S, T, C, A>,
): string[] {
  const problems: string[] = [];
  const states = new Set<string>(Object.keys(table.states));
  const clocks = new Set<string>(Object.keys(table.clocks));
  if (!states.has(table.initial)) problems.push(`initial state "${table.initial}" is not a state`);
  if (!bilingual(table.label)) problems.push('table: label not in both languages');
  for (const [state, definition] of Object.entries(table.states) as [S, (typeof table.states)[S]][]) {
    if (!bilingual(definition.label)) problems.push(`state ${state}: label not in both languages`);
    for (const clock of definition.clocks ?? [])
      if (!clocks.has(clock)) problems.push(`state ${state}: unknown clock "${clock}"`);
  }
  for (const [clock, definition] of Object.entries(table.clocks) as [C, (typeof table.clocks)[C]][]) {
    if (!CITES_ARTICLE.test(definition.basis)) problems.push(`clock ${clock}: basis cites no article`);
  }
  for (const [action, t] of Object.entries(table.transitions) as [T, (typeof table.transitions)[T]][]) {
    const where = `${action}`;
    if (t.from.length === 0) problems.push(`${where}: no "from" state`);
    for (const s of [...t.from, t.to]) if (!states.has(s)) problems.push(`${where}: unknown state "${s}"`);
    if (rulesFor(t.permission).length === 0) problems.push(`${where}: no rule authorises "${t.permission}"`);
    if (!CITES_ARTICLE.test(t.basis)) problems.push(`${where}: basis cites no article`);
    if (!bilingual(t.label)) problems.push(`${where}: label not in both languages`);
    if (!t.event.trim()) problems.push(`${where}: no event`);
    if (t.assigns === 'input' && !(t.requires ?? []).includes('assignee'))
      problems.push(`${where}: assigns from input but does not require it`);
    if (t.recordsSubmitter && t.participates === undefined)
      problems.push(`${where}: records the submitter but not as a participant`);
    if (t.proxy !== undefined && t.actor !== 'author')
      problems.push(`${where}: names a proxy but is no authorship step`);
    if (t.actor === 'not-participant' && t.participates !== undefined)
      problems.push(`${where}: a decision that makes its taker a participant`);
    const opened = (t.opens ?? []).map((o) => o.clock);
    for (const clock of [...opened, ...(t.closes ?? [])])
      if (!clocks.has(clock)) problems.push(`${where}: unknown clock "${clock}"`);
    const expected = new Set<string>(table.states[t.to]?.clocks ?? []);
    for (const clock of opened)
      if (!expected.has(clock)) problems.push(`${where}: opens "${clock}" but state ${t.to} does not expect it`);
    for (const from of t.from) {
      for (const clock of table.states[from]?.clocks ?? []) {
        if (!expected.has(clock) && !(t.closes ?? []).includes(clock))
          problems.push(`${where}: leaves "${clock}" running from ${from} into ${t.to}`);
      }
    }
  }
  for (const [action, c] of Object.entries(table.creations ?? {}) as [
    string,
    NonNullable<typeof table.creations>[string],
  ][]) {
    const where = `${action} (initial)`;
    if (c.to !== table.initial) problems.push(`${where}: reaches "${c.to}", not the initial state`);
    if (Object.hasOwn(table.transitions, action)) problems.push(`${where}: also a transition`);
    if (!CITES_ARTICLE.test(c.basis)) problems.push(`${where}: basis cites no article`);
    if (!bilingual(c.label)) problems.push(`${where}: label not in both languages`);
    if (!c.event.trim()) problems.push(`${where}: no event`);
    const expected = new Set<string>(table.states[c.to]?.clocks ?? []);
    for (const { clock } of c.opens ?? [])
      if (!expected.has(clock)) problems.push(`${where}: opens "${clock}" but state ${c.to} does not expect it`);
  }
  return problems;
}
