import type { AuthOptionsResponse, DemoUsersResponse, LoginResponse } from '@contracts/auth.contract';
import { request } from './request';

export function getAuthOptions(): Promise<AuthOptionsResponse> {
  return request<AuthOptionsResponse>('/api/auth/options');
}

export function listDemoUsers(): Promise<DemoUsersResponse> {
  return request<DemoUsersResponse>('/api/auth/demo-users');
}

export function devLogin(userId: number): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/dev-login', { method: 'POST', body: { userId } });
}

/** Dev login only: a fresh resident with no unit, as after a first WeChat login (to try invitations without WeChat). */
export function devNewUser(): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/dev-new-user', { method: 'POST', body: {} });
}

export function wechatLogin(code: string): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/wechat', { method: 'POST', body: { code } });
}
