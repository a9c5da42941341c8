import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../../../contracts/roles';

export const ACCESS_KEY = 'linli:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/**
 * Every route declares who may call it (a test walks the route table and fails on a route without one).
 *  - `@Access.public()`        anyone, no token
 *  - `@Access.authenticated()` any logged-in user
 *  - `@Access.roles(...)`      only these roles
 */
export const Access = {
  public: () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule),
  authenticated: () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule),
  roles: (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule),
};
