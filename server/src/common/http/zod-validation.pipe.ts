import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { ErrorCode } from '../../../../contracts/errors';
import { DomainException } from '../domain-exception';

/**
 * Validates a body/query/param with a contract schema. Unknown fields are rejected by the
 * schemas' `.strict()`; the parsed (typed, trimmed) value is what the handler receives.
 */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>, private readonly what = '请求内容') {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const details = result.error.issues.map((i) => ({
      path: i.path.join('.'),
      message: i.code === 'unrecognized_keys' ? `不认识的字段：${(i as { keys?: string[] }).keys?.join(', ')}` : i.message,
    }));
    const first = details[0];
    throw new DomainException(
      ErrorCode.VALIDATION_FAILED,
      400,
      `${this.what}有误${first ? `：${first.path ? first.path + ' ' : ''}${first.message}` : ''}`,
      details,
    );
  }
}

/** Route params like `:id`. */
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value ?? '') || Number(value) > 2147483647) {
      throw new DomainException(ErrorCode.VALIDATION_FAILED, 400, '编号不正确', [{ path: 'id', message: 'must be a positive integer' }]);
    }
    return Number(value);
  }
}
