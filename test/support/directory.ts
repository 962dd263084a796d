import { fileServices } from './local-stack';
import { randomUUID } from 'node:crypto';
import type { Work } from '../../shared/adapters/dynamo/unit-of-work';
import type { WorkAssignment } from '../../shared/adapters/dynamo/work';
import { ensureAccount, ensureProvince, ensureUnits } from '../../shared/application/bootstrap';
import type { Role } from '../../shared/domain/roles';

/** Units, people and sign-ins for tests, through the same bootstrap and sign-in paths the product uses. */
type Api = (path: string, init?: RequestInit) => Promise<Response>;

export const NEW_PASSWORD = 'Mật-Khẩu-Mới-2026';

const post = (api: Api, path: string, body: unknown) =>
  api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Signs in, answering the first-sign-in challenge with `newPassword`; returns the access token. */
export async function signIn(
  api: Api,
  username: string,
  password: string,
  newPassword = NEW_PASSWORD,
): Promise<string> {
  const res = await post(api, '/local-auth/sign-in', { username, password });
  const body = (await res.json()) as { accessToken?: string; session?: string; challenge?: string; title?: string };
  if (body.accessToken) return body.accessToken;
  if (body.challenge !== 'NEW_PASSWORD_REQUIRED')
    throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  const done = (await (await post(api, '/local-auth/new-password', { session: body.session, newPassword })).json()) as {
    accessToken?: string;
  };
  if (!done.accessToken) throw new Error(`new-password of ${username} failed: ${JSON.stringify(done)}`);
  return done.accessToken;
}

export interface Person {
  readonly id: string;
  readonly username: string;
  readonly token: string;
  readonly temporaryPassword: string;
}

/** Creates an account (as the bootstrap does), signs it in and sets its first password. */
export async function person(api: Api, username: string, unitCode: string, roles: readonly Role[]): Promise<Person> {
  const created = await ensureAccount(fileServices(), {
    username,
    fullName: `Người dùng ${username}`,
    email: `${username}@example.gov.vn`,
    unitCode,
    roles,
  });
  if (!created?.temporaryPassword) throw new Error(`${username} exists already`);
  const id = (await fileServices().accounts.idOfUsername(username))!;
  const token = await signIn(api, username, created.temporaryPassword);
  return { id, username, token, temporaryPassword: created.temporaryPassword };
}

/** Province `demo` with two districts (each with a commune) and two departments. */
export async function seedTree(): Promise<void> {
  await ensureProvince(fileServices(), { vi: 'Tỉnh Demo', en: 'Demo Province' });
  await ensureUnits(fileServices(), [
    { code: 'huyena', name: { vi: 'Huyện A', en: 'District A' }, kind: 'district', parentCode: 'demo', slug: 'huyena' },
    { code: 'huyenb', name: { vi: 'Huyện B', en: 'District B' }, kind: 'district', parentCode: 'demo', slug: 'huyenb' },
    { code: 'xaa', name: { vi: 'Xã A', en: 'Commune A' }, kind: 'commune', parentCode: 'huyena', slug: 'xaa' },
    { code: 'xab', name: { vi: 'Xã B', en: 'Commune B' }, kind: 'commune', parentCode: 'huyenb', slug: 'xab' },
    { code: 'soa', name: { vi: 'Sở A', en: 'Department A' }, kind: 'department', parentCode: 'demo', slug: 'soa' },
    { code: 'sob', name: { vi: 'Sở B', en: 'Department B' }, kind: 'department', parentCode: 'demo', slug: 'sob' },
  ]);
}

export const bearer = (p: Person) => ({ authorization: `Bearer ${p.token}` });

/** Commits writes the way a use case does (tests that set up state directly). */
export const commitWork = (work: Work) =>
  fileServices().uow.commit(work, { requestId: `test-${randomUUID()}`, now: new Date() });

/** Registers open work, as content and Q&A will. */
export const openWork = (work: WorkAssignment) => commitWork({ actions: [fileServices().work.open(work)] });

/** Calls the API as `who` (or anonymously) with a JSON body; returns the status and the parsed body. */
export function caller(api: Api) {
  return async (
    path: string,
    who: Person | undefined,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await api(path, {
      method: init.method ?? 'GET',
      headers: {
        ...(who ? bearer(who) : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
  };
}
