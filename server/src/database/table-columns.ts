import type { TableColumnOptions, TableIndexOptions } from 'typeorm';

/**
 * Column builders for Table-API migrations that serve SQLite and MariaDB alike (the foundation
 * migration has its own copy and, being committed, is never edited).
 *  - 'integer', not 'int': on SQLite the entities' int columns normalize to integer.
 *  - boolean defaults as 0/1: SQLite would keep `(false)` verbatim, which reads as drift.
 *  - string defaults quoted: the Table API writes defaults as raw SQL.
 */
export const col = {
  id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
  int: (name: string, nullable = false, def?: number): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable, ...(def === undefined ? {} : { default: def }) }),
  str: (name: string, length: number, nullable = false, def?: string): TableColumnOptions => ({
    name, type: 'varchar', length: String(length), isNullable: nullable, ...(def === undefined ? {} : { default: `'${def}'` }),
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  date: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable }),
  bool: (name: string, def: 0 | 1 = 0): TableColumnOptions => ({ name, type: 'boolean', default: def }),
};

export const idx = (name: string, columnNames: string[], isUnique = false): TableIndexOptions => ({ name, columnNames, isUnique });
