import pg from "pg";

// Workaround for prisma/orm#27403: Prisma's schema engine reads catalog columns of type
// `name` (OID 19), which @prisma/adapter-pg cannot deserialize, so `migrate deploy` fails
// against a real server. Reporting those columns as `text` (OID 25) is exact for our use:
// `name` values are plain strings. Delete this file's patch once the issue is fixed.
const NAME_OID = 19;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function retypeNameColumns<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const one of results as QueryResultLike[]) {
    for (const field of one?.fields ?? []) {
      if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

// `Pool.query` calls `client.query` with a callback while the adapter awaits promises,
// so both call forms must be patched.
class NameAsTextClient extends pg.Client {
  // The overloads of pg.Client#query cannot be re-declared precisely in a subclass.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: Error | null, result: unknown) => void;
      args[args.length - 1] = (err: Error | null, result: unknown) =>
        callback(err, err ? result : retypeNameColumns(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned instanceof Promise) return returned.then(retypeNameColumns);
    return returned;
  }
}

export function createPostgresPool(connectionString: string): pg.Pool {
  return new pg.Pool({
    connectionString,
    Client: NameAsTextClient,
    max: 10,
    // Prisma keeps DateTime as UTC in "timestamp without time zone", but defaults (now())
    // and our raw SQL use the session's time zone: make it UTC whatever the server's is.
    options: "-c TimeZone=UTC",
  });
}
