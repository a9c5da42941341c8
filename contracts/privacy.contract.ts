import { z } from 'zod';
import type { AuditEntry } from './audit.contract';
import type { Role } from './roles';

/**
 * 我的数据与注销 (issue 10, PIPL): what Linli holds about the caller (GET /api/me/data), the same as a JSON file
 * (GET /api/me/data/export) and account deletion (DELETE /api/me).
 */

export interface MyProfileData {
  id: number;
  name: string;
  /** The full number: shown only to its owner. */
  phone: string | null;
  role: Role;
  roleLabel: string;
  /** e.g. "创业一社区 3号楼 2单元", or null before choosing one. */
  unitLabel: string | null;
  unitConfirmed: boolean;
  /** When the account was created (ISO). */
  since: string;
  wechatLinked: boolean;
}

export interface MyConcernData {
  id: number;
  categoryLabel: string;
  /** The first 30 characters of what they wrote. */
  excerpt: string;
  statusLabel: string;
  createdAt: string;
}

export interface MyTopicData {
  id: number;
  title: string;
  statusLabel: string;
  createdAt: string;
}

export interface MyRegistrationData {
  sessionId: number;
  startsAt: string;
  place: string;
  statusLabel: string;
  checkedIn: boolean;
}

export interface MyBallotData {
  voteId: number;
  question: string;
  castAt: string;
}

export interface MyVolunteerData {
  statusLabel: string;
  skills: string[];
  availability: string[];
  intro: string | null;
  teams: string[];
  since: string;
}

export interface MyHelpRequestData {
  id: number;
  skillLabel: string;
  excerpt: string;
  statusLabel: string;
  createdAt: string;
}

export interface MyLedgerLine {
  at: string;
  minutes: number;
  memo: string;
}

/** GET /api/me/data — plain sections, newest first within each list (lists capped at 200 lines; counts are exact). */
export interface MyDataResponse {
  generatedAt: string;
  profile: MyProfileData;
  concerns: { count: number; items: MyConcernData[] };
  topics: { proposedCount: number; proposed: MyTopicData[]; supportedCount: number; supported: MyTopicData[] };
  deliberation: { registrationCount: number; registrations: MyRegistrationData[]; ballotCount: number; ballots: MyBallotData[] };
  volunteer: MyVolunteerData | null;
  helpRequests: { count: number; items: MyHelpRequestData[] };
  timebank: { balanceMinutes: number; lines: MyLedgerLine[] };
  notifications: { count: number; unread: number };
  /** 谁查看过我的信息: audit entries about the caller (staff reads, unit confirmation, role changes), newest first. */
  accessLog: AuditEntry[];
}

/** The word a person types (or taps) to confirm deletion, so nobody deletes by accident. */
export const DELETE_ACCOUNT_WORD = '注销';

/** DELETE /api/me */
export const DeleteAccountRequestSchema = z.object({ confirm: z.literal(DELETE_ACCOUNT_WORD) }).strict();
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequestSchema>;

export interface DeleteAccountResponse {
  deleted: true;
  /** Plain words on what was removed and what was kept. */
  summary: string[];
}

/** What deletion removes and keeps — shown before the person confirms, and the same words the server acts on. */
export const DELETION_EXPLAINED = {
  removed: [
    '姓名、手机号、微信绑定和住址',
    '您反映问题时写的文字和上传的照片',
    '还没开始的议事报名（候补的居民会依次补上）',
    '您的志愿者资料、未完成的接单和还没开始的活动报名',
    '您还在等待帮助的微心愿（会被取消）',
  ],
  kept: [
    '您反映过的问题的类别、地点、办理进度和时间（不再显示是谁提出的），用于社区的统计',
    '您投过的票、支持过的议题（计入结果，不显示姓名）',
    '红色银行的时长记录（账本只能追加，不能删除）',
    '审计日志（谁在什么时候查看或修改过您的信息）',
  ],
} as const;
