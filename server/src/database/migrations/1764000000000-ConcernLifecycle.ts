import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * The full concern lifecycle: public concerns and "me too", places, proxy submission, stage deadlines,
 * escalation to departments, ratings and close reasons; configurable categories per community.
 */
const concernColumns = [
  col.bool('is_public'),
  col.bool('is_open', 1),
  col.str('place_kind', 20, false, 'unit'),
  col.str('place_detail', 200, true),
  col.int('lat_e6', true),
  col.int('lng_e6', true),
  col.int('department_id', true),
  col.date('stage_started_at', true),
  col.date('stage_deadline_at', true),
  col.date('resolved_at', true),
  col.date('closed_at', true),
  col.str('close_reason', 20, true),
  col.int('rating', true),
  col.str('rating_comment', 500, true),
  col.int('proxy_by_id', true),
  col.str('proxy_name', 30, true),
  col.str('proxy_phone', 20, true),
  col.int('me_too_count', false, 0),
  col.int('photo_count', false, 0),
];

const concernIndices = [
  idx('IDX_concerns_inbox_grid', ['grid_id', 'holder_level', 'is_open', 'stage_deadline_at', 'id']),
  idx('IDX_concerns_inbox_community', ['community_id', 'holder_level', 'is_open', 'stage_deadline_at', 'id']),
  idx('IDX_concerns_inbox_street', ['street_id', 'holder_level', 'is_open', 'stage_deadline_at', 'id']),
  idx('IDX_concerns_inbox_department', ['department_id', 'is_open', 'stage_deadline_at', 'id']),
  idx('IDX_concerns_deadline', ['is_open', 'stage_deadline_at']),
  idx('IDX_concerns_public', ['community_id', 'is_public', 'category', 'created_at']),
];

/** Default categories (community_id 0); a community's own row overrides one. */
export const DEFAULT_CATEGORIES: [code: string, label: string, hours: number, hint: string | null, emergency: string | null][] = [
  ['noise', '噪音扰民', 48, '什么时间、哪里传来的声音？持续多久了？', null],
  ['leak', '漏水', 24, '哪一层、哪个房间漏水？现在还在漏吗？', '如漏水严重或碰到电线，请先关闭水阀和电闸，注意安全。'],
  ['sanitation', '环境卫生', 48, '具体在哪里？什么情况？', null],
  ['parking', '停车', 48, '车停在哪里？是否堵住了消防通道？', '如车辆堵住消防通道，请同时拨打 110。'],
  ['pets', '宠物', 72, '什么样的宠物？在哪里？', '如被狗咬伤，请立即到医院处理并接种狂犬疫苗。'],
  ['facilities', '公共设施', 72, '哪个设施坏了？在什么位置？', null],
  ['neighbour_dispute', '邻里纠纷', 72, '发生了什么？涉及哪几户？', '如有人身危险，请立即拨打 110。'],
  ['elderly_care', '养老助老', 48, '老人需要什么帮助？', '如老人突发疾病，请立即拨打 120。'],
  ['safety_hazard', '安全隐患', 24, '隐患在哪里？有多严重？', '如闻到燃气味，请不要开关电器，立即开窗并拨打燃气公司电话；如有火情请立即拨打 119。'],
  ['other', '其他', 72, null, null],
];

export class ConcernLifecycle1764000000000 implements MigrationInterface {
  name = 'ConcernLifecycle1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('concerns', 'IDX_concerns_status_created');
    await q.dropColumn('concerns', 'accept_reminded_at');
    await q.addColumns('concerns', concernColumns.map((c) => new TableColumn(c)));
    for (const i of concernIndices) await q.createIndex('concerns', new TableIndex(i));
    await q.addColumn('concern_events', new TableColumn(col.str('to_level', 20, true)));

    // Existing concerns: the current stage started at submission; open ones are due within 24 h of it.
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const plus24h = mysql ? 'DATE_ADD(created_at, INTERVAL 24 HOUR)' : "datetime(created_at, '+24 hours')";
    await q.query(`UPDATE concerns SET stage_started_at = COALESCE(accepted_at, created_at)`);
    await q.query(`UPDATE concerns SET is_open = 0, stage_deadline_at = NULL WHERE status IN ('resolved', 'closed')`);
    await q.query(`UPDATE concerns SET stage_deadline_at = ${plus24h} WHERE status NOT IN ('resolved', 'closed')`);

    await q.createTable(
      new Table({
        name: 'concern_categories',
        columns: [
          col.id(), col.int('community_id'), col.str('code', 32), col.str('label', 30), col.str('hint', 200, true),
          col.str('emergency_notice', 300, true), col.int('resolve_hours'), col.int('sort_order'), col.bool('enabled', 1),
        ],
        indices: [idx('UQ_concern_categories_community_code', ['community_id', 'code'], true)],
      }),
    );
    for (const [i, [code, label, hours, hint, emergency]] of DEFAULT_CATEGORIES.entries()) {
      await q.query(
        'INSERT INTO concern_categories (community_id, code, label, hint, emergency_notice, resolve_hours, sort_order, enabled) VALUES (0, ?, ?, ?, ?, ?, ?, 1)',
        [code, label, hint, emergency, hours, i],
      );
    }
    await q.createTable(
      new Table({
        name: 'concern_supporters',
        columns: [col.id(), col.int('concern_id'), col.int('user_id'), col.date('created_at')],
        indices: [idx('UQ_concern_supporters_concern_user', ['concern_id', 'user_id'], true), idx('IDX_concern_supporters_user', ['user_id'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('concern_supporters', true);
    await q.dropTable('concern_categories', true);
    await q.dropColumn('concern_events', 'to_level');
    for (const i of [...concernIndices].reverse()) await q.dropIndex('concerns', i.name!);
    for (const c of [...concernColumns].reverse()) await q.dropColumn('concerns', c.name);
    await q.addColumn('concerns', new TableColumn(col.date('accept_reminded_at', true)));
    await q.createIndex('concerns', new TableIndex(idx('IDX_concerns_status_created', ['status', 'created_at'])));
  }
}
