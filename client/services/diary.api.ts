import type { AddDiaryNoteResponse, DiaryResponse, DiaryStaffResponse } from '@contracts/diary.contract';
import { request } from './request';

/** A diary day; without arguments my own diary of today (China time, the server decides). */
export function getDiary(day?: string | null, userId?: number | null): Promise<DiaryResponse> {
  return request<DiaryResponse>('/api/diary', { query: { day, userId } });
}

/** A note for today in my own diary. */
export function addDiaryNote(text: string): Promise<AddDiaryNoteResponse> {
  return request<AddDiaryNoteResponse>('/api/diary/notes', { method: 'POST', body: { text } });
}

/** Community staff and the street: whose diaries I may read (myself first). */
export function listDiaryStaff(): Promise<DiaryStaffResponse> {
  return request<DiaryStaffResponse>('/api/diary/staff');
}
