import type { AuditService } from '../audit/audit.service';
import type { DatabaseService } from '../../database/database.service';

/** The staff member reading: enough for an audit entry. */
export interface Reader {
  id: number;
  role: string;
  streetId: number | null;
}

/**
 * PIPL: a staff read of residents' personal data (names with phone, unit, profile) leaves one `personal_data.read`
 * entry per resident shown, subject = that resident, in one small transaction after the read (never on a hot path).
 * The resident sees it in 我的数据 (谁查看过我的信息), the street in GET /api/audit. Reading one's own data is not logged.
 */
export async function recordPersonalDataReads(
  db: DatabaseService, audit: AuditService, reader: Reader, subjectIds: number[], detail: string,
): Promise<void> {
  const subjects = [...new Set(subjectIds)].filter((id) => id !== reader.id);
  if (!subjects.length) return;
  await db.transaction((m) => audit.recordMany(m, subjects.map((id) => ({
    action: 'personal_data.read' as const, streetId: reader.streetId, actor: { id: reader.id, role: reader.role }, subjectUserId: id, detail,
  }))));
}
