import { z } from 'zod';

/**
 * Open311 GeoReport v2 (JSON) for PUBLIC concerns, and the API keys a street issues for it.
 *
 * GeoReport routes (no login; snake_case as the spec writes it; errors as `[{ code, description }]`
 * with `code` = the HTTP status):
 *  - GET  /open311/v2/services.json                 the concern categories as services
 *  - GET  /open311/v2/requests.json                 public concerns, filtered (see Open311RequestsQuerySchema)
 *  - GET  /open311/v2/requests/{id}.json            one public concern, as a one-element array
 *  - POST /open311/v2/requests.json                 file a concern with a street's api_key (form-encoded or JSON)
 *  - GET  /open311/v2/media/{id}                    a photo of a public concern (what media_url points at)
 *
 * Extensions to the spec:
 *  - `page` / `page_size` on GET requests (page_size ≤ OPEN311_PAGE_SIZE_MAX, default OPEN311_PAGE_SIZE_DEFAULT).
 *  - POST requires `address_id` = `unit:<unit id>` or `building:<building id>` (Linli routes by community);
 *    it must lie in the street that issued the api_key. lat/long and address_string are optional and
 *    only describe the spot more precisely.
 *  - POST requires `description` (≤ 1,000 characters): a concern is its text.
 *  - `jurisdiction_id` is optional; when given it is the street id.
 *
 * Personal data: email, first_name, last_name, phone, device_id and account_id are accepted as the spec
 * allows and never stored. Answers never carry a resident's name, phone number or unit.
 *
 * Key management (normal `{ code, message, requestId }` errors, street admins only):
 *  - POST /api/open311/keys { name } -> CreatedApiKey (the key is shown this once; only its sha256 is stored)
 *  - GET  /api/open311/keys           -> { items: ApiKeyItem[] }
 *  - POST /api/open311/keys/:id/revoke -> ApiKeyItem
 */

export const OPEN311_PAGE_SIZE_DEFAULT = 50;
export const OPEN311_PAGE_SIZE_MAX = 200;
/** Without start_date/end_date, GET requests covers this many days (as the spec's default). */
export const OPEN311_DEFAULT_SPAN_DAYS = 90;
/** At most this many ids in `service_request_id`. */
export const OPEN311_IDS_MAX = 200;
/** The `group` of every service. */
export const OPEN311_SERVICE_GROUP = '民情诉求';
/** `proxy_name` of concerns filed through Open311 (no personal name is stored). */
export const OPEN311_PROXY_NAME = 'Open311';

/** GET services.json -> Open311Service[] */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  /** Comma-separated keywords. */
  keywords: string;
  group: string;
}

/** One element of GET requests.json / requests/{id}.json. */
export interface Open311ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  /** Why it was closed, or what was done (phone numbers masked); null when nothing was said. */
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  /** The level holding it now: the grid, community or street name, or the department's name. */
  agency_responsible: string;
  service_notice: null;
  requested_datetime: string;
  updated_datetime: string;
  /** When the current stage is due; null when closed. */
  expected_datetime: string | null;
  /** Community and building, or community and the described spot; never a unit or a person. */
  address: string;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  /** The first submitted photo, as an absolute path (GET /open311/v2/media/{id}); absent without photos. */
  media_url?: string;
}

/** POST requests.json -> 201 [Open311CreatedRequest] */
export interface Open311CreatedRequest {
  service_request_id: string;
  service_notice: string;
  account_id: null;
}

/** Every GeoReport error answer: an array with one element. */
export interface Open311Error {
  code: number;
  description: string;
}

/** Query strings arrive as strings; '' counts as absent. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `最多 ${max} 个字符`).optional());
const isoDate = (field: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/, `${field} 须为带时区的 ISO 8601 时间，例如 2026-01-01T00:00:00Z`)
      .transform((s) => new Date(s))
      .refine((d) => !Number.isNaN(d.getTime()), `${field} 不是有效的时间`)
      .optional(),
  );
const commaList = (field: string, item: RegExp, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(4000)
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .refine((list) => list.every((x) => item.test(x)), `${field} 格式不正确`)
      .refine((list) => list.length <= max, `${field} 最多 ${max} 个`)
      .optional(),
  );
const positiveInt = (field: string, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: `${field} 须为正整数` }).int(`${field} 须为正整数`).min(1, `${field} 须为正整数`).max(max, `${field} 最大为 ${max}`).optional());

/** GET /open311/v2/requests.json — the spec's filters; service_request_id overrides all the others. */
export const Open311RequestsQuerySchema = z
  .object({
    jurisdiction_id: text(20),
    service_request_id: commaList('service_request_id', /^[1-9]\d{0,9}$/, OPEN311_IDS_MAX),
    service_code: commaList('service_code', /^[a-z_]{1,32}$/, 50),
    start_date: isoDate('start_date'),
    end_date: isoDate('end_date'),
    status: commaList('status', /^(open|closed)$/, 2),
    page: positiveInt('page', 10_000),
    page_size: positiveInt('page_size', OPEN311_PAGE_SIZE_MAX),
  })
  .strict();
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuerySchema>;

/** GET /open311/v2/services.json and requests/{id}.json accept only jurisdiction_id. */
export const Open311JurisdictionQuerySchema = z.object({ jurisdiction_id: text(20) }).strict();
export type Open311JurisdictionQuery = z.infer<typeof Open311JurisdictionQuerySchema>;

const coordinate = (field: string, limit: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: `${field} 须为数字` }).min(-limit, `${field} 超出范围`).max(limit, `${field} 超出范围`).optional(),
  );
const required = (field: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.string({ error: `缺少 ${field}` }).trim().min(1, `缺少 ${field}`).max(max, `${field} 最多 ${max} 个字符`),
  );

/** Extension: `unit:12` or `building:5` — the kind is part of the id. */
export const OPEN311_ADDRESS_ID = /^(unit|building):([1-9]\d{0,9})$/;

/** POST /open311/v2/requests.json (application/x-www-form-urlencoded as the spec, or JSON). */
export const Open311CreateRequestSchema = z
  .object({
    api_key: required('api_key', 100),
    jurisdiction_id: text(20),
    service_code: required('service_code', 32),
    description: required('description', 1000),
    address_id: z.preprocess(
      blankToUndefined,
      z.string({ error: '缺少 address_id（扩展字段：unit:<单元编号> 或 building:<楼栋编号>）' }).trim().regex(OPEN311_ADDRESS_ID, 'address_id 须为 unit:<单元编号> 或 building:<楼栋编号>'),
    ),
    lat: coordinate('lat', 90),
    long: coordinate('long', 180),
    address_string: text(200),
    // Accepted as the spec allows; never stored.
    email: text(200),
    device_id: text(200),
    account_id: text(200),
    first_name: text(100),
    last_name: text(100),
    phone: text(50),
    media_url: text(2000),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.lat === undefined) !== (b.long === undefined)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat 和 long 须同时提供' });
  });
export type Open311CreateRequest = z.infer<typeof Open311CreateRequestSchema>;

/** POST /api/open311/keys */
export const CreateApiKeyRequestSchema = z.object({ name: z.string().trim().min(1, '请填写用途名称').max(50, '最多 50 字') }).strict();
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequestSchema>;

export interface ApiKeyItem {
  id: number;
  name: string;
  /** The first characters of the key, to tell keys apart. */
  keyPrefix: string;
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
}

/** The answer to POST /api/open311/keys: the only time the key itself is shown. */
export interface CreatedApiKey extends ApiKeyItem {
  key: string;
}
