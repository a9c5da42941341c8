import { ErrorCode } from '../../../contracts/errors';

/** A coded error a person can understand. The global filter turns it into `{ code, message, requestId }`. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: { path: string; message: string }[],
    /** Extra fields returned with the error, e.g. the current state on a 409. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export const notFound = (code: ErrorCode = ErrorCode.NOT_FOUND, message = '没有找到您要的内容') =>
  new DomainException(code, 404, message);
export const conflict = (code: ErrorCode, message: string, extra?: Record<string, unknown>) =>
  new DomainException(code, 409, message, undefined, extra);
export const forbidden = (message = '您没有权限进行此操作') => new DomainException(ErrorCode.FORBIDDEN, 403, message);
export const unprocessable = (code: ErrorCode, message: string) => new DomainException(code, 422, message);
