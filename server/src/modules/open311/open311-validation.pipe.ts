import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { ErrorCode } from '../../../../contracts/errors';
import { DomainException } from '../../common/domain-exception';

/**
 * Validates GeoReport parameters (query or body, form-encoded or JSON) with a contract schema. The
 * first problem becomes the 400 answer's description, in the spec's field names ("缺少 service_code").
 */
export class Open311ValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    // Form bodies and query strings come as objects without a prototype; repeated fields as arrays.
    const result = this.schema.safeParse({ ...((value ?? {}) as object) });
    if (result.success) return result.data;
    const details = result.error.issues.map((i) => ({
      path: i.path.join('.'),
      message: i.code === 'unrecognized_keys' ? `不认识的参数：${(i as { keys?: string[] }).keys?.join(', ')}` : i.message,
    }));
    throw new DomainException(ErrorCode.VALIDATION_FAILED, 400, details[0]?.message ?? '请求不正确', details);
  }
}
