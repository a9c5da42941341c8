import { Injectable } from '@nestjs/common';
import { ErrorCode } from '../../../../contracts/errors';
import {
  HOUSEHOLDS_PAGE, type HouseholdDetail, type HouseholdMemberInput, type HouseholdsPage, type HouseholdsQuery, type RegisterAreas, type RegisterBuildingArea,
  type RegisterExportQuery, type UpdateHouseholdRequest,
} from '../../../../contracts/registers.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, forbidden, notFound } from '../../common/domain-exception';
import { writeXlsx } from '../../common/xlsx';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { HouseholdEntity } from './registers.entities';
import { canManage, inArea, manageArea, readArea, type RegisterArea } from './register-area';
import { registerSheet } from './register-sheet';
import type { MemberRow } from './household-members';
import { HouseholdMembersRepository } from './household-members.repository';
import { placeOf, toHouseholdDetail, toHouseholdItem } from './households.mapper';
import { RegistersRepository } from './registers.repository';

const householdNotFound = () => notFound(ErrorCode.HOUSEHOLD_NOT_FOUND, '没有找到这一户，或不在您负责的范围内');

/** Reading and editing the register 台账 of one's area, and its export. */
@Injectable()
export class RegistersService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: RegistersRepository,
    private readonly members: HouseholdMembersRepository,
    private readonly audit: AuditService,
  ) {}

  async areas(auth: AuthClaims): Promise<RegisterAreas> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const rows = await this.repo.areaUnits(readArea(me));
    const buildings = new Map<number, RegisterBuildingArea>();
    for (const r of rows) {
      const id = Number(r.buildingId);
      let b = buildings.get(id);
      if (!b) {
        b = { id, name: String(r.buildingName), gridId: Number(r.gridId), gridName: String(r.gridName), communityId: Number(r.communityId), communityName: String(r.communityName), units: [] };
        buildings.set(id, b);
      }
      b.units.push({ id: Number(r.unitId), name: String(r.unitName), households: Number(r.households) });
    }
    return { buildings: [...buildings.values()], canManage: canManage(me) };
  }

  async list(auth: AuthClaims, q: HouseholdsQuery): Promise<HouseholdsPage> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const rows = await this.repo.page(readArea(me), q);
    const page = rows.slice(0, HOUSEHOLDS_PAGE);
    return { items: page.map(toHouseholdItem), nextAfter: rows.length > HOUSEHOLDS_PAGE ? Number(page[page.length - 1].id) : null };
  }

  /** One household with the full phones (head and 家庭成员): a read of personal data, written to the audit log (PIPL). */
  async detail(auth: AuthClaims, id: number): Promise<HouseholdDetail> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = readArea(me);
    const row = await this.repo.findOne(this.db.manager, id);
    if (!row || !inArea(area, row)) throw householdNotFound();
    await this.audit.recordRead({
      action: 'register.read', streetId: me.streetId, actor: { id: me.id, role: me.role }, target: { type: 'household', id },
      detail: `查看住户 ${placeOf(row)} 的联系电话`,
    });
    return toHouseholdDetail(row, true, await this.members.ofHousehold(this.db.manager, id));
  }

  async update(auth: AuthClaims, id: number, body: UpdateHouseholdRequest): Promise<HouseholdDetail> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = readArea(me);
    try {
      await this.db.transaction(async (m) => {
        const row = await this.repo.findOne(m, id);
        if (!row || !inArea(area, row)) throw householdNotFound();
        const changed = Object.entries(body).filter(([, v]) => v !== undefined);
        const { room, headName, headPhone, people, note, tags, members } = body;
        // Named columns only (never the request body itself); undefined leaves a column as it is.
        await m.update(HouseholdEntity, { id }, { room, headName, headPhone, people, note, tags: tags?.join(','), updatedAt: new Date() });
        if (members) await this.members.replace(m, [{ householdId: id, members: members.map(memberRow) }]);
        await this.audit.record(m, {
          action: 'register.update', streetId: me.streetId, actor: { id: me.id, role: me.role }, target: { type: 'household', id },
          detail: `修改住户 ${placeOf(row)}：${changed.map(([k]) => (k === 'members' ? `家庭成员（${members!.length} 人）` : FIELD_LABELS[k] ?? k)).join('、') || '无改动'}`,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(ErrorCode.HOUSEHOLD_ROOM_TAKEN, '这个单元已经登记了这个门牌号，请核对后再改');
      throw err;
    }
    return toHouseholdDetail((await this.repo.findOne(this.db.manager, id))!, true, await this.members.ofHousehold(this.db.manager, id));
  }

  /** The area's register as .xlsx, with the import's columns (it imports back unchanged). */
  async export(auth: AuthClaims, q: RegisterExportQuery): Promise<{ filename: string; body: Buffer }> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = manageArea(me);
    this.checkFilter(area, q);
    const rows = await this.repo.exportRows(area, q);
    const members = await this.members.ofArea(area, q);
    const body = await writeXlsx('居民台账', registerSheet(rows.map((r) => ({ ...r, members: members.get(Number(r.id)) ?? [] }))));
    await this.audit.recordRead({
      action: 'register.export', streetId: me.streetId, actor: { id: me.id, role: me.role },
      target: q.gridId ? { type: 'grid', id: q.gridId } : area.level === 'community' ? { type: 'community', id: area.communityId } : { type: 'street', id: area.streetId },
      detail: `导出 ${rows.length} 户`,
    });
    return { filename: `households-${new Date().toISOString().slice(0, 10)}.xlsx`, body };
  }

  /** A community filter must be the staff member's own community (a street admin may pick any of the street's). */
  private checkFilter(area: RegisterArea, q: RegisterExportQuery): void {
    if (area.level === 'community' && q.communityId && q.communityId !== area.communityId) throw forbidden('只能导出本社区的台账');
  }
}

const memberRow = (x: HouseholdMemberInput): MemberRow => ({ name: x.name, relation: x.relation, phone: x.phone ?? null, birthYear: x.birthYear ?? null, note: x.note || null });

const FIELD_LABELS: Record<string, string> = { room: '门牌号', headName: '户主姓名', headPhone: '联系电话', people: '常住人口', tags: '标签', note: '备注' };
