/**
 * Error codes shared by server and client. Every error response has the shape
 * `{ code, message, requestId }`; `message` is plain Chinese a resident can read.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  // auth
  WECHAT_CODE_INVALID: 'WECHAT_CODE_INVALID',
  WECHAT_RATE_LIMITED: 'WECHAT_RATE_LIMITED',
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  WECHAT_NOT_CONFIGURED: 'WECHAT_NOT_CONFIGURED',
  DEV_LOGIN_DISABLED: 'DEV_LOGIN_DISABLED',
  // organisation
  UNIT_NOT_FOUND: 'UNIT_NOT_FOUND',
  RESIDENT_NOT_FOUND: 'RESIDENT_NOT_FOUND',
  UNIT_REQUIRED: 'UNIT_REQUIRED',
  // concerns
  CONCERN_NOT_FOUND: 'CONCERN_NOT_FOUND',
  CONCERN_STATE_CONFLICT: 'CONCERN_STATE_CONFLICT',
  // notifications
  NOTIFICATION_NOT_FOUND: 'NOTIFICATION_NOT_FOUND',
  // idempotency
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_KEY_IN_FLIGHT: 'IDEMPOTENCY_KEY_IN_FLIGHT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorResponse {
  code: ErrorCode | string;
  message: string;
  requestId: string;
  /** Present on VALIDATION_FAILED: which fields were wrong. */
  details?: { path: string; message: string }[];
}

/** Header carrying the client's idempotency key on create requests. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
