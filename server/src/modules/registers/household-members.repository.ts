import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HouseholdMember } from '../../../../contracts/registers.contract';
import { DatabaseService } from '../../database/database.service';
import type { MemberRow } from './household-members';
import { householdsWhere, type HouseholdsFilter, type RegisterArea } from './register-area';

/** Rows per multi-row INSERT of members (7 parameters each), household ids per DELETE … IN (…). */
export const MEMBER_INSERT_CHUNK = 500;
export const MEMBER_DELETE_CHUNK = 1000;
const COLS = ['household_id', 'name', 'relation', 'phone', 'birth_year', 'note', 'sort_order'];
const SELECT = 'SELECT m.id, m.household_id AS householdId, m.name, m.relation, m.phone, m.birth_year AS birthYear, m.note FROM household_members m';

type MemberDbRow = Omit<HouseholdMember, 'birthYear'> & { householdId: number; birthYear: number | string | null };
const toMember = (r: MemberDbRow): HouseholdMember => ({
  id: Number(r.id), name: r.name, relation: r.relation, phone: r.phone, birthYear: r.birthYear === null ? null : Number(r.birthYear), note: r.note,
});

/** 家庭成员 of households: replaced as a whole per household (import with the 家庭成员 column, edit), read in sort order. */
@Injectable()
export class HouseholdMembersRepository {
  constructor(private readonly db: DatabaseService) {}

  /** Each household's members become exactly the given ones (batched DELETE, then batched multi-row INSERT). */
  async replace(m: EntityManager, sets: { householdId: number; members: readonly MemberRow[] }[]): Promise<void> {
    for (let i = 0; i < sets.length; i += MEMBER_DELETE_CHUNK) {
      const ids = sets.slice(i, i + MEMBER_DELETE_CHUNK).map((s) => s.householdId);
      await m.query(`DELETE FROM household_members WHERE household_id IN (${ids.map(() => '?').join(', ')})`, ids);
    }
    const rows = sets.flatMap((s) => s.members.map((mb, order) => [s.householdId, mb.name, mb.relation, mb.phone, mb.birthYear, mb.note, order]));
    const one = `(${COLS.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += MEMBER_INSERT_CHUNK) {
      const chunk = rows.slice(i, i + MEMBER_INSERT_CHUNK);
      await m.query(`INSERT INTO household_members (${COLS.join(', ')}) VALUES ${Array(chunk.length).fill(one).join(', ')}`, chunk.flat());
    }
  }

  async ofHousehold(m: EntityManager, householdId: number): Promise<HouseholdMember[]> {
    const rows = (await m.query(`${SELECT} WHERE m.household_id = ? ORDER BY m.sort_order, m.id`, [householdId])) as MemberDbRow[];
    return rows.map(toMember);
  }

  /** The members of every household of the area (export), by household id, each list in sort order. */
  async ofArea(area: RegisterArea, filter: HouseholdsFilter): Promise<Map<number, HouseholdMember[]>> {
    const { where, params } = householdsWhere(area, filter);
    const rows = (await this.db.manager.query(
      `${SELECT} JOIN households h ON h.id = m.household_id WHERE ${where.join(' AND ')} ORDER BY m.household_id, m.sort_order, m.id`,
      params,
    )) as MemberDbRow[];
    const out = new Map<number, HouseholdMember[]>();
    for (const r of rows) {
      const id = Number(r.householdId);
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(toMember(r));
    }
    return out;
  }
}
