import { z } from 'zod';
import type { Role } from './roles';
import type { MeResponse } from './users.contract';

/** POST /api/auth/wechat — body from Taro.login(). */
export const WechatLoginRequestSchema = z.object({ code: z.string().trim().min(1).max(128) }).strict();
export type WechatLoginRequest = z.infer<typeof WechatLoginRequestSchema>;

/** POST /api/auth/dev-login — only when dev login is enabled (no AppID, not production). */
export const DevLoginRequestSchema = z.object({ userId: z.number().int().positive() }).strict();
export type DevLoginRequest = z.infer<typeof DevLoginRequestSchema>;

/** POST /api/auth/dev-new-user — dev login only: a fresh resident, as a first WeChat login would create (issue 10, invitations). */
export const DevNewUserRequestSchema = z.object({ name: z.string().trim().min(1).max(30).optional() }).strict();
export type DevNewUserRequest = z.infer<typeof DevNewUserRequestSchema>;

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: MeResponse;
}

/** GET /api/auth/options — which login methods this server offers. */
export interface AuthOptionsResponse {
  wechat: boolean;
  devLogin: boolean;
}

/** GET /api/auth/demo-users — the demo people one may log in as (dev login only). */
export interface DemoUser {
  id: number;
  name: string;
  role: Role;
  areaName: string;
}
export interface DemoUsersResponse {
  items: DemoUser[];
}
