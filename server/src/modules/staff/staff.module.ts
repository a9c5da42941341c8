import { Module } from '@nestjs/common';

/** Issue 10 — filled in by its owner. */
@Module({})
export class StaffModule {}
