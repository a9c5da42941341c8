import { Injectable } from '@nestjs/common';
import type { AddDiaryNoteRequest, DiaryNote, DiaryQuery, DiaryResponse, DiaryStaffResponse } from '../../../../contracts/diary.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { Role } from '../../../../contracts/roles';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { sessionExpired } from '../../common/auth/current-user-row';
import { DatabaseService } from '../../database/database.service';
import { chinaDay, dayRange } from './china-day';
import { mayReadDiary } from './diary-access';
import { toDiaryAction, toDiaryNote, toDiaryPerson } from './diary.mapper';
import { DiaryRepository, type PersonRow } from './diary.repository';

const diaryNotFound = () => new DomainException(ErrorCode.DIARY_NOT_FOUND, 404, '没有找到这份工作日记');
/** Order of the staff list after oneself: the street, community staff, grid workers, departments. */
const ROLE_ORDER: Role[] = ['street_admin', 'community_staff', 'grid_worker', 'department'];

/** 一日一记: the actions a staff member took on concerns on a day (from the timelines), and their own notes. */
@Injectable()
export class DiaryService {
  constructor(private readonly db: DatabaseService, private readonly diary: DiaryRepository) {}

  async day(auth: AuthClaims, q: DiaryQuery): Promise<DiaryResponse> {
    const viewer = await this.viewer(auth);
    const target = q.userId === undefined || q.userId === viewer.id ? viewer : await this.diary.person(q.userId);
    if (!target || !mayReadDiary(viewer, target)) throw diaryNotFound();
    const today = chinaDay(new Date());
    const day = q.day ?? today;
    const { start, end } = dayRange(day, day);
    const [actions, notes] = await Promise.all([this.diary.actions(target.id, start, end), this.diary.notes(target.id, day)]);
    return { day, today, user: toDiaryPerson(target), actions: actions.map(toDiaryAction), notes: notes.map(toDiaryNote) };
  }

  /** A note for today (China time) in one's own diary. */
  async addNote(auth: AuthClaims, body: AddDiaryNoteRequest): Promise<DiaryNote> {
    const viewer = await this.viewer(auth);
    // Whole seconds: MariaDB's DATETIME keeps no fraction, and the answer must match what a later read returns.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const values = { userId: viewer.id, day: chinaDay(now), text: body.text, createdAt: now };
    const id = await this.db.transaction((m) => this.diary.insertNote(m, values));
    return toDiaryNote({ id, text: values.text, createdAt: now });
  }

  /** Whose diaries the caller may read: themselves first, then by role and id. */
  async staff(auth: AuthClaims): Promise<DiaryStaffResponse> {
    const viewer = await this.viewer(auth);
    const rank = (p: PersonRow) => (p.id === viewer.id ? -1 : ROLE_ORDER.indexOf(p.role));
    const people = (await this.diary.readableBy(viewer)).filter((p) => mayReadDiary(viewer, p));
    people.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    return { items: people.map(toDiaryPerson) };
  }

  private async viewer(auth: AuthClaims): Promise<PersonRow> {
    const person = await this.diary.person(auth.sub);
    if (!person) throw sessionExpired();
    return person;
  }
}
