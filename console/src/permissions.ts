import { html, type TemplateResult } from 'lit-html';
import { can, type Delegation, type Principal } from '../../shared/domain/access/authorize';
import { rulesFor, type Action } from '../../shared/domain/access/rules';
import type { PrincipalRole } from '../../shared/domain/roles';
import { call } from './api';
import type { Me } from './main';
import { roles, t, type Bilingual } from './i18n';

/**
 * Which administration forms to show: the API's own rule table (shared/domain/access/rules.ts) and
 * `can()` run here on the signed-in account, so a form the caller may not use is replaced by the
 * reason (the roles and reach the rule names, and its legal basis). Advisory only: the API judges
 * every request again with the same table, and a forced request still gets its 403.
 */
export type Permission = { readonly allowed: true } | { readonly allowed: false; readonly reason: Bilingual };

const principalOf = (me: Me): Principal => ({
  id: me.account.id,
  kind: 'user',
  unitCode: me.account.unitCode,
  roles: me.account.roles as PrincipalRole[],
  delegations: me.delegations as unknown as Delegation[],
});

/** Why `action` is refused: who the rule table lets take it, how far their reach goes, and on what basis. */
function reasonFor(action: Action, unit: string): Bilingual {
  const lines = rulesFor(action).map((rule) => {
    const who = rule.roles.map((r) => roles[r] ?? { vi: r, en: r });
    const reach: Bilingual =
      rule.scope === 'own-unit'
        ? { vi: 'của chính đơn vị', en: 'of the unit itself' }
        : { vi: 'của đơn vị hoặc cấp trên', en: 'of the unit or a unit above it' };
    return {
      vi: `${who.map((w) => w.vi).join(', ')} ${reach.vi} (${rule.basis})`,
      en: `${who.map((w) => w.en).join(', ')} ${reach.en} (${rule.basis})`,
    };
  });
  return {
    vi: `Bạn không có quyền "${action}" đối với ${unit}: chỉ ${lines.map((l) => l.vi).join('; ')}.`,
    en: `You may not "${action}" on ${unit}: only the ${lines.map((l) => l.en).join('; ')}.`,
  };
}

/** `unitPath`: the target unit first, then its ancestors up to the province (see unitPathOf). */
export function permission(me: Me, action: Action, unitPath: readonly string[]): Permission {
  if (can(principalOf(me), action, unitPath, new Date())) return { allowed: true };
  return { allowed: false, reason: reasonFor(action, unitPath[0] ?? '') };
}

/** The unit and its ancestors, from the public `GET /units/{code}` (parentCode), at most 6 levels. */
export async function unitPathOf(code: string): Promise<string[]> {
  const path: string[] = [];
  for (let next: string | null = code; next && path.length < 6; ) {
    path.push(next);
    next = (await call('GET /units/{code}', { path: { code: next } })).data.unit.parentCode;
  }
  return path;
}

/** The form when the caller may use it; otherwise, where it would be, its name and the reason. */
export const gated = (p: Permission, title: string, form: () => TemplateResult) =>
  p.allowed
    ? form()
    : html`<p class="refused" data-refused-form=${title}><strong>${title}</strong>: ${t(p.reason)}</p>`;
