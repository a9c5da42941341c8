import { HttpException, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { REGISTER_FILE_MAX_BYTES, type ImportResult, type ImportRowError } from '../../../../contracts/registers.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { readXlsx, XlsxTooLargeError, XlsxUnreadableError } from '../../common/xlsx';
import { DatabaseService, retryDeadlock } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { HouseholdMembersRepository } from './household-members.repository';
import { manageArea, type RegisterArea } from './register-area';
import { householdKey, orgIndex, parseRegisterSheet, type HouseholdRow } from './register-sheet';
import { RegistersRepository } from './registers.repository';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const unreadable = () =>
  new DomainException(ErrorCode.IMPORT_FILE_UNREADABLE, 422, '这个文件打不开：请上传 .xlsx 表格（旧的 .xls 请先在 Excel 或 WPS 里“另存为” .xlsx）');
const tooLarge = () => new DomainException(ErrorCode.IMPORT_FILE_TOO_LARGE, 413, `文件太大了，不能超过 ${REGISTER_FILE_MAX_BYTES / 1024 / 1024} MB`);
const invalid = (errors: ImportRowError[], total: number) =>
  new DomainException(ErrorCode.IMPORT_INVALID, 422, `表格里有 ${total} 处问题，一户也没有导入。请按提示改好后再导入。`, undefined, { errors, total });

/**
 * Import of the street's household spreadsheet 台账导入: every row checked against the caller's area, then all rows
 * stored in one transaction (new households inserted, existing ones — same unit and 门牌号 — updated; with a 家庭成员
 * column, each imported household's members replaced by the cell's), or none.
 */
@Injectable()
export class RegisterImportService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: RegistersRepository,
    private readonly members: HouseholdMembersRepository,
    private readonly audit: AuditService,
  ) {}

  async import(auth: AuthClaims, stream: Readable | undefined, dryRun: boolean, fileName?: string): Promise<ImportResult> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = manageArea(me);
    const bytes = await readUpload(stream);
    const rows = await readXlsx(bytes).catch((err: unknown) => {
      if (err instanceof XlsxTooLargeError) throw new DomainException(ErrorCode.IMPORT_FILE_TOO_LARGE, 413, '这个表格解开后太大了，请把台账分成几个文件分别导入');
      throw err instanceof XlsxUnreadableError ? unreadable() : err;
    });
    const work = async (m: EntityManager): Promise<ImportResult> => {
      const { households, withMembers } = await this.check(m, area, rows);
      const existing = await this.repo.idsByKey(m, area);
      const updated = households.filter((h) => existing.has(householdKey(h.unit.unitId, h.room))).length;
      const result = { dryRun, rows: households.length, created: households.length - updated, updated };
      if (dryRun) return result;
      await this.repo.upsert(m, households, new Date());
      if (withMembers) await this.replaceMembers(m, area, households);
      await this.audit.record(m, {
        action: 'register.import', streetId: me.streetId, actor: { id: me.id, role: me.role },
        target: area.level === 'community' ? { type: 'community', id: area.communityId } : { type: 'street', id: area.streetId },
        detail: `导入 ${result.rows} 户：新增 ${result.created}，更新 ${result.updated}${fileName ? `（${fileName}）` : ''}`,
      });
      return result;
    };
    // Two imports over the same rows can deadlock on MariaDB's unique-key locks: the upsert is safe to run again.
    return dryRun ? work(this.db.manager) : retryDeadlock(() => this.db.transaction(work));
  }

  /** The area's organisation resolved once into name maps, then every row checked; 422 IMPORT_INVALID on any error. */
  private async check(m: EntityManager, area: RegisterArea & { level: 'street' | 'community' }, rows: { row: number; cells: string[] }[]): Promise<{ households: HouseholdRow[]; withMembers: boolean }> {
    const units = await this.repo.orgUnits(m, area);
    const mine = await this.repo.communityNames(m, area.streetId, area.level === 'community' ? area.communityId : undefined);
    const street = await this.repo.communityNames(m, area.streetId);
    const parsed = parseRegisterSheet(rows, orgIndex(units, mine, street));
    if (parsed.total) throw invalid(parsed.errors, parsed.total);
    return parsed;
  }

  /** The imported households' 家庭成员 become the sheet's (ids looked up once after the upsert). */
  private async replaceMembers(m: EntityManager, area: RegisterArea, households: HouseholdRow[]): Promise<void> {
    const ids = await this.repo.idsByKey(m, area, true);
    await this.members.replace(m, households.map((h) => ({ householdId: ids.get(householdKey(h.unit.unitId, h.room))!, members: h.members ?? [] })));
  }
}

/** The uploaded file in memory (at most REGISTER_FILE_MAX_BYTES), checked to be a zip container (.xlsx). */
async function readUpload(stream: Readable | undefined): Promise<Buffer> {
  if (!stream) throw new DomainException(ErrorCode.IMPORT_FILE_REQUIRED, 400, '请选择要导入的 .xlsx 表格');
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > REGISTER_FILE_MAX_BYTES) {
        stream.destroy();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof HttpException && err.getStatus() === 413) throw tooLarge();
    throw err;
  }
  const bytes = Buffer.concat(chunks, total);
  if (bytes.length < 4 || !bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw unreadable();
  return bytes;
}
