import { Injectable } from '@nestjs/common';
import { ConcernCategoryLabels, ConcernStatusLabels, type ConcernCategory, type ConcernStatus } from '../../../../contracts/concerns.constants';
import { TopicStatusLabels, type TopicStatus } from '../../../../contracts/deliberation-topics.constants';
import type { MyDataResponse, MyTopicData } from '../../../../contracts/privacy.contract';
import { RoleLabels } from '../../../../contracts/roles';
import {
  AvailabilitySlotLabels, HelpRequestStatusLabels, VolunteerSkillLabels, VolunteerStatusLabels,
  type AvailabilitySlot, type HelpRequestStatus, type VolunteerSkill, type VolunteerStatus,
} from '../../../../contracts/volunteers.constants';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { toIso } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { OrgRepository, placeLabel } from '../org/org.repository';
import type { UserEntity } from '../users/user.entity';
import { PrivacyRepository } from './privacy.repository';

type Row = Record<string, unknown>;

const iso = (v: unknown) => toIso(v as Date | string) ?? '';
const cut = (text: unknown, n: number) => {
  const s = String(text ?? '');
  return s.length > n ? `${s.slice(0, n)}…` : s;
};
const codes = (csv: unknown) => String(csv ?? '').split(',').filter(Boolean);
const RegistrationLabels: Record<string, string> = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' };

/** 我的数据: everything Linli holds about the caller, in plain sections; the export is the same as a file. */
@Injectable()
export class PrivacyDataService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: PrivacyRepository,
    private readonly org: OrgRepository,
    private readonly audit: AuditService,
  ) {}

  async myData(auth: AuthClaims): Promise<MyDataResponse> {
    const user = await loadCurrentUser(this.db.manager, auth.sub);
    return this.collect(user);
  }

  /** The same as a file; the export itself is audited (account.export). */
  async export(auth: AuthClaims): Promise<{ fileName: string; body: string }> {
    const user = await loadCurrentUser(this.db.manager, auth.sub);
    await this.audit.recordRead({
      action: 'account.export', streetId: user.streetId, actor: { id: user.id, role: user.role }, subjectUserId: user.id, detail: '本人导出个人数据',
    });
    const data = await this.collect(user);
    const day = data.generatedAt.slice(0, 10);
    return { fileName: `linli-my-data-${day}.json`, body: JSON.stringify(data, null, 2) };
  }

  private async collect(user: UserEntity): Promise<MyDataResponse> {
    const id = user.id;
    const r = this.repo;
    const [n, concerns, proposed, supported, registrations, ballots, volunteer, help, timebank, accessLog, place] = await Promise.all([
      r.counts(id), r.concerns(id), r.topicsProposed(id), r.topicsSupported(id), r.registrations(id), r.ballots(id),
      r.volunteer(id), r.helpRequests(id), r.timebank(id), this.audit.aboutSubject(id), user.unitId ? this.org.findPlace(user.unitId) : null,
    ]);
    return {
      generatedAt: new Date().toISOString(),
      profile: {
        id, name: user.name, phone: user.phone, role: user.role, roleLabel: RoleLabels[user.role] ?? user.role,
        unitLabel: place ? placeLabel(place) : null, unitConfirmed: Boolean(user.unitConfirmed), since: iso(user.createdAt), wechatLinked: user.openid !== null,
      },
      concerns: {
        count: n.concerns,
        items: concerns.map((c) => ({
          id: Number(c.id), categoryLabel: ConcernCategoryLabels[c.category as ConcernCategory] ?? String(c.category),
          excerpt: cut(c.text, 30), statusLabel: ConcernStatusLabels[c.status as ConcernStatus] ?? String(c.status), createdAt: iso(c.createdAt),
        })),
      },
      topics: { proposedCount: n.proposed, proposed: proposed.map(topic), supportedCount: n.supported, supported: supported.map(topic) },
      deliberation: {
        registrationCount: n.registrations,
        registrations: registrations.map((x) => ({
          sessionId: Number(x.sessionId), startsAt: iso(x.startsAt), place: String(x.place), statusLabel: RegistrationLabels[String(x.status)] ?? String(x.status),
          checkedIn: x.checkedInAt !== null,
        })),
        ballotCount: n.ballots,
        ballots: ballots.map((b) => ({ voteId: Number(b.voteId), question: String(b.question), castAt: iso(b.castAt) })),
      },
      volunteer: volunteer ? volunteerData(volunteer.row, volunteer.teams) : null,
      helpRequests: {
        count: n.helpRequests,
        items: help.map((h) => ({
          id: Number(h.id), skillLabel: VolunteerSkillLabels[h.skill as VolunteerSkill] ?? String(h.skill), excerpt: cut(h.description, 30),
          statusLabel: HelpRequestStatusLabels[h.status as HelpRequestStatus] ?? String(h.status), createdAt: iso(h.createdAt),
        })),
      },
      timebank: { balanceMinutes: timebank.balance, lines: timebank.lines.map((l) => ({ at: iso(l.at), minutes: Number(l.minutes), memo: String(l.memo) })) },
      notifications: { count: n.notifications, unread: n.unread },
      accessLog,
    };
  }
}

function topic(t: Row): MyTopicData {
  return { id: Number(t.id), title: String(t.title), statusLabel: TopicStatusLabels[t.status as TopicStatus] ?? String(t.status), createdAt: iso(t.createdAt) };
}

function volunteerData(v: Row, teams: string[]) {
  return {
    statusLabel: VolunteerStatusLabels[v.status as VolunteerStatus] ?? String(v.status),
    skills: codes(v.skills).map((s) => VolunteerSkillLabels[s as VolunteerSkill] ?? s),
    availability: codes(v.availability).map((s) => AvailabilitySlotLabels[s as AvailabilitySlot] ?? s),
    intro: v.intro === null ? null : String(v.intro),
    teams,
    since: iso(v.createdAt),
  };
}
