// A normalised description of a database's public schema (tables, columns, indexes,
// constraints, enums), so two databases can be compared for equality.
type Query = (sql: string) => Promise<Record<string, unknown>[]>;

const NOT_HISTORY = "<> '_prisma_migrations'";

export async function describeSchema(query: Query) {
  return {
    columns: await query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name ${NOT_HISTORY} ORDER BY 1, 2`,
    ),
    indexes: await query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename ${NOT_HISTORY} ORDER BY 1, 2`,
    ),
    constraints: await query(
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text ${NOT_HISTORY}
       ORDER BY 1, 2`,
    ),
    enums: await query(
      `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY 1, e.enumsortorder`,
    ),
  };
}
