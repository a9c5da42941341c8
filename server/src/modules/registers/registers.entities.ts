import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AreaLeaderLevel, MemberRelation } from '../../../../contracts/registers.contract';

/** 住户 a household of the register 台账: one room 门牌号 of a unit; street/community/grid/building copied from the unit for area reads. */
@Entity('households')
@Index('UQ_households_unit_room', ['unitId', 'room'], { unique: true })
@Index('IDX_households_street', ['streetId', 'id'])
@Index('IDX_households_community', ['communityId', 'id'])
@Index('IDX_households_grid', ['gridId', 'id'])
@Index('IDX_households_building', ['buildingId', 'id'])
export class HouseholdEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) gridId!: number;
  @Column({ type: 'int' }) buildingId!: number;
  @Column({ type: 'int' }) unitId!: number;
  /** 门牌号, e.g. "301". */
  @Column({ type: 'varchar', length: 20 }) room!: string;
  /** 户主 */
  @Column({ type: 'varchar', length: 30 }) headName!: string;
  @Column({ type: 'varchar', length: 20 }) headPhone!: string;
  /** 常住人口 1–30 */
  @Column({ type: 'int' }) people!: number;
  /** HouseholdTags joined by ',' ('' for none). */
  @Column({ type: 'varchar', length: 100 }) tags!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/**
 * 家庭成员 a resident of a household (register data, not history: an import with the 家庭成员 column or an edit replaces
 * a household's members).
 */
@Entity('household_members')
@Index('IDX_household_members_household', ['householdId', 'sortOrder'])
export class HouseholdMemberEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) householdId!: number;
  @Column({ type: 'varchar', length: 30 }) name!: string;
  /** 与户主关系, one of MemberRelations */
  @Column({ type: 'varchar', length: 10 }) relation!: MemberRelation;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ type: 'int', nullable: true }) birthYear!: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) note!: string | null;
  /** 0, 1, … in the order the sheet or the edit listed them. */
  @Column({ type: 'int' }) sortOrder!: number;
}

/** 网格长 of a grid or 楼栋长 of a building: one per area. */
@Entity('area_leaders')
@Index('UQ_area_leaders_area', ['level', 'areaId'], { unique: true })
@Index('IDX_area_leaders_community', ['communityId'])
export class AreaLeaderEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 10 }) level!: AreaLeaderLevel;
  /** The grid's or the building's id. */
  @Column({ type: 'int' }) areaId!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 30 }) name!: string;
  @Column({ type: 'varchar', length: 20 }) phone!: string;
  /** The leader's Linli account, when they have one. */
  @Column({ type: 'int', nullable: true }) userId!: number | null;
  @Column({ type: 'int' }) assignedBy!: number;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** Issue 10 — this module's entities (registered in database/entities.ts). */
export const REGISTER_ENTITIES: Function[] = [HouseholdEntity, HouseholdMemberEntity, AreaLeaderEntity];
