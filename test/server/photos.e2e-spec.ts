import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { DIALECTS, startTestApp, testConfig, truncateAll, type TestApp } from './support/test-app';
import { api } from './support/http';
import { createArea, type TestArea } from '../factories/org.factory';
import { PHOTO_MAX_BYTES } from '../../contracts/photos.contract';
import { ConcernPhotoEntity } from '../../server/src/modules/photos/concern-photo.entity';
import { PhotosService } from '../../server/src/modules/photos/photos.service';
import type { UserEntity } from '../../server/src/modules/users/user.entity';

// ---- real images, built here -------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A real 2×2 RGB PNG (red, green / blue, white). */
function buildPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]); // filter byte 0 + 2 pixels, per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
/** A real 1×1 baseline JPEG (decodes in Chromium). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
/** A real 1×1 lossless WebP: RIFF <size> WEBP, then a VP8L chunk (decodes in Chromium). */
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const PNG = buildPng();

/** A PNG header followed by filler, `size` bytes in all: passes the type check, tests only the size. */
function pngOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  PNG.copy(bytes, 0, 0, 33); // signature + IHDR chunk
  return bytes;
}

// ---- multipart by hand -------------------------------------------------------------------------

interface Part {
  field: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}
function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = '----linli-test-boundary-7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.field}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const type = p.contentType ? `\r\nContent-Type: ${p.contentType}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const filePart = (data: Buffer | string, filename = 'photo.jpg', contentType = 'image/jpeg'): Part => ({ field: 'file', filename, contentType, data });

describe.each(DIALECTS)('photos on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  let dataDir: string;
  let photos: PhotosService;
  const tokens = new Map<number, string>();

  const token = async (user: UserEntity) => {
    if (!tokens.has(user.id)) tokens.set(user.id, await http.login(user.id));
    return tokens.get(user.id)!;
  };

  async function upload(parts: Part[], user: UserEntity | null) {
    const { payload, contentType } = multipart(parts);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (user) headers.authorization = `Bearer ${await token(user)}`;
    const res = await t.app.getHttpAdapter().getInstance().inject({ method: 'POST', url: '/api/photos', headers, payload });
    return { status: res.statusCode, body: res.json() };
  }

  async function view(id: number, user: UserEntity) {
    const res = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/api/photos/${id}`, headers: { authorization: `Bearer ${await token(user)}` } });
    return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers, body: res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : null };
  }

  /** Every file under <DATA_DIR>/photos. */
  function storedFiles(): string[] {
    try {
      return readdirSync(join(dataDir, 'photos'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      return [];
    }
  }

  /** A concern of `submitter` in the given unit (plain SQL on the foundation columns: whatever else the concerns module adds has defaults). */
  async function insertConcern(submitter: UserEntity, where: { communityId: number; gridId: number; unitId: number }): Promise<number> {
    const [{ buildingId }] = await t.ds.query('SELECT building_id AS buildingId FROM units WHERE id = ?', [where.unitId]);
    const now = t.db.dateParam(new Date());
    return t.db.insert(
      t.ds.manager,
      `INSERT INTO concerns (street_id, community_id, grid_id, building_id, unit_id, submitter_id, category, text, status, holder_level,
         holder_id, first_owner_id, unconfirmed, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'leak', '楼上漏水', 'submitted', 'grid', NULL, NULL, 0, 1, ?, ?)`,
      [area.streetId, where.communityId, where.gridId, Number(buildingId), where.unitId, submitter.id, now, now],
    );
  }

  const rowOf = (id: number) => t.ds.manager.findOneByOrFail(ConcernPhotoEntity, { id });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `linli-photos-${dialect}-`));
    t = await startTestApp(await testConfig(dialect, { DATA_DIR: dataDir }));
    http = api(t.app);
    photos = t.app.get(PhotosService);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await truncateAll(t.ds);
    rmSync(join(dataDir, 'photos'), { recursive: true, force: true });
    tokens.clear();
    area = await createArea(t.ds);
  });

  describe('upload', () => {
    it.each([
      ['a PNG', PNG, 'image/png'],
      ['a JPEG', JPEG, 'image/jpeg'],
      ['a WebP', WEBP, 'image/webp'],
    ])('%s is stored (201 { id, url }) and GET returns the same bytes with its type, privately cached', async (_name, bytes, mime) => {
      const res = await upload([filePart(bytes, 'IMG_0001.jpg', 'application/octet-stream')], area.residentA1);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(Number), url: `/api/photos/${res.body.id}` });

      const got = await view(res.body.id, area.residentA1);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe(mime);
      expect(String(got.headers['cache-control'])).toMatch(/^private\b/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(Number(got.headers['content-length'])).toBe(bytes.length);
      expect(got.bytes.equals(bytes)).toBe(true);

      const row = await rowOf(res.body.id);
      expect(row).toMatchObject({ uploaderId: area.residentA1.id, concernId: null, eventId: null, mime, bytes: bytes.length });
      // A random key, never the client's file name; the file is under <DATA_DIR>/photos/.
      expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{40}\.(jpg|png|webp)$/);
      expect(row.storageKey).not.toContain('IMG_0001');
      expect(readFileSync(join(dataDir, 'photos', row.storageKey)).equals(bytes)).toBe(true);
    });

    it('the type comes from the content: a PNG sent as “photo.jpg”, image/jpeg, is served as image/png', async () => {
      const res = await upload([filePart(PNG, 'photo.jpg', 'image/jpeg')], area.residentA1);
      expect(res.status).toBe(201);
      expect((await view(res.body.id, area.residentA1)).headers['content-type']).toBe('image/png');
    });

    it.each([
      ['a text file renamed .jpg', Buffer.from('这不是照片，只是一段文字。This is not a photo at all.\n'.repeat(3))],
      ['a GIF', Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')],
      ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>')],
      ['a file that only starts like a PNG', Buffer.concat([PNG.subarray(0, 8), Buffer.from('not an IHDR chunk at all')])],
      ['a file too short to be an image', Buffer.from([0xff, 0xd8, 0xff])],
    ])('%s is refused with 415 PHOTO_TYPE_NOT_ALLOWED, and nothing is stored', async (_name, bytes) => {
      const res = await upload([filePart(bytes, 'photo.jpg', 'image/jpeg')], area.residentA1);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: 'PHOTO_TYPE_NOT_ALLOWED', message: expect.any(String), requestId: expect.any(String) });
      expect(await t.ds.manager.count(ConcernPhotoEntity)).toBe(0);
      expect(storedFiles()).toEqual([]);
    });

    it('a photo of exactly 5 MB is accepted', async () => {
      const res = await upload([filePart(pngOfSize(PHOTO_MAX_BYTES))], area.residentA1);
      expect(res.status).toBe(201);
      expect((await rowOf(res.body.id)).bytes).toBe(PHOTO_MAX_BYTES);
    });

    it('5 MB + 1 byte is refused with 413 PHOTO_TOO_LARGE, and nothing is stored on disk or in the database', async () => {
      const res = await upload([filePart(pngOfSize(PHOTO_MAX_BYTES + 1))], area.residentA1);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'PHOTO_TOO_LARGE', requestId: expect.any(String) });
      expect(await t.ds.manager.count(ConcernPhotoEntity)).toBe(0);
      expect(storedFiles()).toEqual([]);
    });

    it('without a token: 401, nothing stored', async () => {
      const res = await upload([filePart(PNG)], null);
      expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(await t.ds.manager.count(ConcernPhotoEntity)).toBe(0);
      expect(storedFiles()).toEqual([]);
    });

    it('a form without a file answers 400 PHOTO_FILE_REQUIRED; a file in another field answers 400; a JSON body answers 400', async () => {
      const noFile = await upload([{ field: 'note', data: '你好' }], area.residentA1);
      expect([noFile.status, noFile.body.code]).toEqual([400, 'PHOTO_FILE_REQUIRED']);
      const otherField = await upload([{ field: 'image', filename: 'a.png', contentType: 'image/png', data: PNG }], area.residentA1);
      expect(otherField.status).toBe(400);
      const json = await http.post('/api/photos', { file: 'x' }, await token(area.residentA1));
      expect([json.status, json.body.code]).toEqual([400, 'PHOTO_FILE_REQUIRED']);
      expect(await t.ds.manager.count(ConcernPhotoEntity)).toBe(0);
      expect(storedFiles()).toEqual([]);
    });

    it('one photo per request: of two files, the first is stored and the second is discarded unread', async () => {
      const res = await upload([filePart(PNG, 'a.png'), filePart(JPEG, 'b.jpg')], area.residentA1);
      expect(res.status).toBe(201);
      expect((await t.ds.manager.find(ConcernPhotoEntity)).map((p) => [p.id, p.mime])).toEqual([[res.body.id, 'image/png']]);
      expect(storedFiles()).toHaveLength(1);
    });
  });

  describe('who may see a photo', () => {
    it('an unattached photo is seen by its uploader only: another resident and the grid worker get 404', async () => {
      const { body } = await upload([filePart(PNG)], area.residentA1);
      expect((await view(body.id, area.residentA1)).status).toBe(200);
      for (const other of [area.residentB1, area.workerA1, area.staffA, area.streetAdmin]) {
        const res = await view(body.id, other);
        expect([res.status, res.body?.code]).toEqual([404, 'PHOTO_NOT_FOUND']);
      }
    });

    it('a photo attached to a concern is seen by its submitter and by staff whose area holds it; another grid’s worker and other residents get 404', async () => {
      const concernId = await insertConcern(area.residentA1, { communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1 });
      const { body: submitted } = await upload([filePart(PNG)], area.residentA1);
      await t.db.transaction((m) => photos.attach(m, { photoIds: [submitted.id], uploaderId: area.residentA1.id, concernId, eventId: null }));
      // The grid worker's photo of the fix, attached with the resolution event.
      const { body: fix } = await upload([filePart(JPEG)], area.workerA1);
      await t.db.transaction((m) => photos.attach(m, { photoIds: [fix.id], uploaderId: area.workerA1.id, concernId, eventId: 77 }));
      expect(await rowOf(fix.id)).toMatchObject({ concernId, eventId: 77 });

      for (const id of [submitted.id, fix.id]) {
        for (const allowed of [area.residentA1, area.workerA1, area.staffA, area.streetAdmin]) {
          expect({ id, user: allowed.name, status: (await view(id, allowed)).status }).toEqual({ id, user: allowed.name, status: 200 });
        }
        for (const denied of [area.workerB1, area.staffB, area.residentB1, area.residentA2]) {
          expect({ id, user: denied.name, status: (await view(id, denied)).status }).toEqual({ id, user: denied.name, status: 404 });
        }
      }
      expect((await view(fix.id, area.residentA1)).bytes.equals(JPEG)).toBe(true);
      expect(await photos.listForConcern(concernId)).toEqual([
        { id: submitted.id, url: `/api/photos/${submitted.id}`, eventId: null },
        { id: fix.id, url: `/api/photos/${fix.id}`, eventId: 77 },
      ]);
    });

    it('an unknown photo answers 404, a bad id 400', async () => {
      expect((await view(999999, area.residentA1)).body?.code).toBe('PHOTO_NOT_FOUND');
      expect((await http.get('/api/photos/abc', await token(area.residentA1))).status).toBe(400);
    });
  });

  describe('attach', () => {
    let concernId: number;
    const attach = (photoIds: number[], uploader: UserEntity, eventId: number | null = null) =>
      t.db.transaction((m) => photos.attach(m, { photoIds, uploaderId: uploader.id, concernId, eventId }));

    beforeEach(async () => {
      concernId = await insertConcern(area.residentA1, { communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1 });
    });

    it('attaches the uploader’s own unattached photos to the concern', async () => {
      const a = (await upload([filePart(PNG)], area.residentA1)).body.id;
      const b = (await upload([filePart(WEBP)], area.residentA1)).body.id;
      await attach([a, b], area.residentA1);
      expect((await t.ds.manager.findBy(ConcernPhotoEntity, { concernId })).map((p) => p.id).sort()).toEqual([a, b].sort());
      await expect(attach([], area.residentA1)).resolves.toBeUndefined();
    });

    it('a photo of another uploader is refused (422 PHOTO_NOT_AVAILABLE) and nothing changes, not even the caller’s own photo in the same call', async () => {
      const own = (await upload([filePart(PNG)], area.residentA1)).body.id;
      const theirs = (await upload([filePart(PNG)], area.residentB1)).body.id;
      await expect(attach([own, theirs], area.residentA1)).rejects.toMatchObject({ code: 'PHOTO_NOT_AVAILABLE', status: 422 });
      expect(await rowOf(own)).toMatchObject({ concernId: null, eventId: null });
      expect(await rowOf(theirs)).toMatchObject({ concernId: null, eventId: null });
    });

    it('a photo already attached is refused (422) and stays where it was', async () => {
      const other = await insertConcern(area.residentA1, { communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1 });
      const id = (await upload([filePart(PNG)], area.residentA1)).body.id;
      await t.db.transaction((m) => photos.attach(m, { photoIds: [id], uploaderId: area.residentA1.id, concernId: other, eventId: null }));
      await expect(attach([id], area.residentA1, 5)).rejects.toMatchObject({ code: 'PHOTO_NOT_AVAILABLE', status: 422 });
      expect(await rowOf(id)).toMatchObject({ concernId: other, eventId: null });
    });

    it('an unknown id, a repeated id or more than 9 photos are refused and change nothing', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 10; i++) ids.push((await upload([filePart(PNG)], area.residentA1)).body.id);
      await expect(attach([ids[0], 999999], area.residentA1)).rejects.toMatchObject({ code: 'PHOTO_NOT_AVAILABLE', status: 422 });
      await expect(attach([ids[0], ids[0]], area.residentA1)).rejects.toMatchObject({ code: 'PHOTO_NOT_AVAILABLE', status: 422 });
      await expect(attach(ids, area.residentA1)).rejects.toMatchObject({ code: 'PHOTO_LIMIT_EXCEEDED', status: 422 });
      expect(await t.ds.manager.countBy(ConcernPhotoEntity, { concernId })).toBe(0);
      await attach(ids.slice(0, 9), area.residentA1);
      expect(await t.ds.manager.countBy(ConcernPhotoEntity, { concernId })).toBe(9);
    });
  });
});
