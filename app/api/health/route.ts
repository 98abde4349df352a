import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** Readiness: the database answers. Load balancers and the e2e harness poll this. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", upstream: env().eachlabs.target });
  } catch {
    return NextResponse.json({ status: "unavailable", reason: "database" }, { status: 503 });
  }
}
