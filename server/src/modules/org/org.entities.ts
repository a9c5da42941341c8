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
export class CommunityEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
}

/** 网格 grid: 300–500 households, one responsible grid worker. */
@Entity('grids')
@Index('IDX_grids_community', ['communityId'])
export class GridEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'int', nullable: true }) gridWorkerId!: number | null;
}

/** 楼栋 building */
@Entity('buildings')
@Index('IDX_buildings_community', ['communityId'])
@Index('IDX_buildings_grid', ['gridId'])
export class BuildingEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) gridId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
}

/** 单元 unit */
@Entity('units')
@Index('IDX_units_building', ['buildingId'])
export class UnitEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) buildingId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
}

/** 职能部门 department (城管局, 住建局, 派出所) */
@Entity('departments')
@Index('IDX_departments_street', ['streetId'])
export class DepartmentEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
}
