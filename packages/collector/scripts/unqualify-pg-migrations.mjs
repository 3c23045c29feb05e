// drizzle-kit writes foreign keys as REFERENCES "public"."table". The collector runs its
// migrations in the schema that DATABASE_URL names (search_path), so the qualifier is removed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const folder = new URL('../drizzle/pg/', import.meta.url);
for (const name of readdirSync(folder).filter((file) => file.endsWith('.sql'))) {
  const path = new URL(name, folder);
  const sql = readFileSync(path, 'utf8');
  const unqualified = sql.replaceAll('"public".', '');
  if (unqualified !== sql) writeFileSync(path, unqualified);
}
