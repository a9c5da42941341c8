import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Readable } from 'node:stream';
import { ConcernCategories, ConcernCategoryLabels } from '../../../../contracts/concerns.constants';
import { ErrorCode } from '../../../../contracts/errors';
import {
  OPEN311_DEFAULT_SPAN_DAYS,
  OPEN311_PAGE_SIZE_DEFAULT,
  type Open311JurisdictionQuery,
  type Open311RequestsQuery,
  type Open311Service,
  type Open311ServiceRequest,
} from '../../../../contracts/open311.contract';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { PHOTO_STORAGE, type PhotoStorage } from '../photos/photo-storage';
import { toOpen311Request, toOpen311Service } from './open311.mapper';
import { Open311Repository, type PublicConcernFilter, type PublicConcernRow } from './open311.repository';

const DAY = 24 * 3600_000;
const ID = /^[1-9]\d{0,9}$/;

const requestNotFound = () => new DomainException(ErrorCode.CONCERN_NOT_FOUND, 404, '没有这条公开的诉求（service_request_id 不存在或未公开）');
const mediaNotFound = () => new DomainException(ErrorCode.PHOTO_NOT_FOUND, 404, '没有这张照片');
const badRequest = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, 400, message);

/**
 * Reading through Open311: services (the categories) and PUBLIC concerns only. Answers carry place
 * names at community/building level and the agency holding the concern; never people or units.
 */
@Injectable()
export class Open311QueryService implements OnModuleInit {
  private readonly logger = new Logger(Open311QueryService.name);
  /** The photos module's storage; without it, answers carry no media_url. */
  private storage: PhotoStorage | null = null;

  constructor(private readonly db: DatabaseService, private readonly repo: Open311Repository, private readonly moduleRef: ModuleRef) {}

  /** Looked up, not imported: the photos module keeps its storage to itself. */
  onModuleInit(): void {
    try {
      this.storage = this.moduleRef.get<PhotoStorage>(PHOTO_STORAGE, { strict: false });
    } catch {
      this.logger.warn('no PHOTO_STORAGE provider: Open311 answers carry no media_url');
    }
  }

  /** jurisdiction_id, when given, is a street id; an unknown one is 404 as the spec says. */
  async jurisdiction(id: string | undefined): Promise<number | undefined> {
    if (id === undefined) return undefined;
    if (!ID.test(id) || !(await this.repo.streetExists(Number(id)))) {
      throw new DomainException(ErrorCode.OPEN311_JURISDICTION_NOT_FOUND, 404, '没有这个 jurisdiction_id（请使用街道编号）');
    }
    return Number(id);
  }

  /** The categories in their fixed order, as the defaults configure them (a disabled default is not offered). */
  async services(q: Open311JurisdictionQuery): Promise<Open311Service[]> {
    await this.jurisdiction(q.jurisdiction_id);
    const rows = new Map((await this.repo.categories()).filter((c) => Number(c.communityId) === 0).map((c) => [c.code, c]));
    return ConcernCategories.filter((code) => Number(rows.get(code)?.enabled ?? 1) === 1).map((code) =>
      toOpen311Service(rows.get(code) ?? { code, label: ConcernCategoryLabels[code], hint: null }),
    );
  }

  /** service_request_id overrides every other filter (as the spec says); otherwise the last 90 days by default. */
  async requests(q: Open311RequestsQuery): Promise<Open311ServiceRequest[]> {
    const streetId = await this.jurisdiction(q.jurisdiction_id);
    const pageSize = q.page_size ?? OPEN311_PAGE_SIZE_DEFAULT;
    const offset = ((q.page ?? 1) - 1) * pageSize;
    if (q.service_request_id) {
      return this.answer(await this.repo.publicConcerns({ ids: [...new Set(q.service_request_id.map(Number))], streetId }, pageSize, offset));
    }
    const statuses = [...new Set(q.status ?? [])];
    const filter: PublicConcernFilter = {
      streetId,
      categories: q.service_code,
      status: statuses.length === 1 ? (statuses[0] as 'open' | 'closed') : undefined,
      ...this.window(q.start_date, q.end_date),
    };
    return this.answer(await this.repo.publicConcerns(filter, pageSize, offset));
  }

  async one(id: string, q: Open311JurisdictionQuery): Promise<Open311ServiceRequest[]> {
    const streetId = await this.jurisdiction(q.jurisdiction_id);
    if (!ID.test(id)) throw requestNotFound();
    const rows = await this.repo.publicConcerns({ ids: [Number(id)], streetId }, 1, 0);
    if (!rows.length) throw requestNotFound();
    return this.answer(rows);
  }

  /** A photo submitted with a public concern (what media_url points at); anything else is 404. */
  async media(id: string): Promise<{ stream: Readable; mime: string; size: number }> {
    if (!ID.test(id) || !this.storage) throw mediaNotFound();
    const photo = await this.repo.publicPhoto(Number(id));
    const file = photo ? await this.storage.get(photo.storageKey) : null;
    if (!photo || !file) throw mediaNotFound();
    return { stream: file.stream, mime: photo.mime, size: file.size };
  }

  /** Without dates: the last 90 days. Only end_date: the 90 days before it. Only start_date: from then on. */
  private window(start: Date | undefined, end: Date | undefined): Pick<PublicConcernFilter, 'from' | 'to'> {
    if (start && end && start.getTime() > end.getTime()) throw badRequest('start_date 不能晚于 end_date');
    const from = start ?? new Date((end?.getTime() ?? Date.now()) - OPEN311_DEFAULT_SPAN_DAYS * DAY);
    return { from: this.db.dateParam(from), ...(end ? { to: this.db.dateParam(end) } : {}) };
  }

  private async answer(rows: PublicConcernRow[]): Promise<Open311ServiceRequest[]> {
    const ids = rows.map((r) => Number(r.id));
    const [notes, photos] = await Promise.all([
      this.repo.resolutionNotes(ids),
      this.storage ? this.repo.firstPhotos(ids) : Promise.resolve(new Map<number, number>()),
    ]);
    return rows.map((r) => toOpen311Request(r, { resolutionNote: notes.get(Number(r.id)), photoId: photos.get(Number(r.id)) }));
  }
}
