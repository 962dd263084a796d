import * as z from 'zod/mini';
import type { Role } from '../roles';

/** A person's (or an agency system's) account on one unit. Credentials live with the identity provider. */
export interface Account {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly unitCode: string;
  readonly roles: readonly Role[];
  readonly status: 'active' | 'closed';
  readonly passwordChangedAt?: string;
  /** A temporary password must be replaced before anything else (NA 10.2đ). */
  readonly mustChangePassword: boolean;
  readonly closedAt?: string;
  readonly closedReason?: string;
  readonly successorId?: string;
  readonly createdAt: string;
  readonly version: number;
}

/** Usernames: lower-case ASCII labels joined by dots, e.g. `admin.sotttt`, `nguyenvana.phucat`. */
export const usernameSchema = z.string().check(z.regex(/^[a-z0-9]+(?:[._-][a-z0-9]+){0,5}$/), z.maxLength(64));

export const closureReasons = ['transfer', 'retirement', 'resignation', 'other'] as const;
