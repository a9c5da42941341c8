import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { toJSONSchema, type ZodObject, type ZodType } from 'zod';

/** Documents a JSON body in OpenAPI from the same zod schema that validates it. */
export const ApiJsonBody = (schema: ZodType) =>
  ApiBody({ schema: toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> });

/** Documents query parameters from a zod object schema. */
export const ApiQueryFrom = (schema: ZodObject) =>
  applyDecorators(
    ...Object.entries(toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }).properties ?? {}).map(([name, s]) =>
      ApiQuery({ name, required: false, schema: s as Record<string, unknown> }),
    ),
  );
