import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 街道 street office */
@Entity('streets')
export class StreetEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
}

/** 社区 community */
@Entity('communities')
@Index('IDX_communities_street', ['streetId'])
@Index('UQ_communities_street_name', ['streetId', 'name'], { unique: true })
export class CommunityEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  /** 停用: the row stays (history keeps its name); pickers leave it out. */
  @Column({ type: 'datetime', nullable: true }) retiredAt!: Date | null;
}

/** 网格 grid: 300–500 households, one responsible grid worker. */
@Entity('grids')
@Index('IDX_grids_community', ['communityId'])
@Index('UQ_grids_community_name', ['communityId', 'name'], { unique: true })
@Index('IDX_grids_grid_worker', ['gridWorkerId'])
export class GridEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'int', nullable: true }) gridWorkerId!: number | null;
  /** Households the grid covers (seed 004: 300–500); null until set. */
  @Column({ type: 'int', nullable: true }) households!: number | null;
  /** 停用: the row stays (history keeps its name); pickers leave it out. */
  @Column({ type: 'datetime', nullable: true }) retiredAt!: Date | null;
}

/** 楼栋 building */
@Entity('buildings')
@Index('IDX_buildings_community', ['communityId'])
@Index('IDX_buildings_grid', ['gridId'])
@Index('UQ_buildings_community_name', ['communityId', 'name'], { unique: true })
export class BuildingEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) gridId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  /** 停用: the row stays (history keeps its name); pickers leave it out. */
  @Column({ type: 'datetime', nullable: true }) retiredAt!: Date | null;
}

/** 单元 unit */
@Entity('units')
@Index('IDX_units_building', ['buildingId'])
@Index('UQ_units_building_name', ['buildingId', 'name'], { unique: true })
export class UnitEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) buildingId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  /** 停用: the row stays (history keeps its name); pickers leave it out. */
  @Column({ type: 'datetime', nullable: true }) retiredAt!: Date | null;
}

/** 职能部门 department (城管局, 住建局, 派出所) */
@Entity('departments')
@Index('IDX_departments_street', ['streetId'])
@Index('UQ_departments_street_name', ['streetId', 'name'], { unique: true })
export class DepartmentEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  /** 停用: the row stays (history keeps its name); pickers leave it out. */
  @Column({ type: 'datetime', nullable: true }) retiredAt!: Date | null;
}
