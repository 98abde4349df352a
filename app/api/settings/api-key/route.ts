import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { assertKeyAccepted } from "@/lib/keys/check-key";
import { saveKeySchema } from "@/lib/keys/schemas";
import { deleteUserKey, saveUserKey, userKeyInfo } from "@/lib/keys/user-keys";

// Only ever answers the last four characters: the key itself never goes back to a browser.

export const GET = userHandler(async (_request, _context, user) => {
  return NextResponse.json({ key: await userKeyInfo(user.id) });
});

export const PUT = userHandler(async (request, _context, user) => {
  const { apiKey } = saveKeySchema.parse(await readJson(request));
  await assertKeyAccepted(apiKey);
  return NextResponse.json({ key: await saveUserKey(user.id, apiKey) });
});

export const DELETE = userHandler(async (_request, _context, user) => {
  await deleteUserKey(user.id);
  return NextResponse.json({ key: null });
});
