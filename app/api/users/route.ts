import { NextResponse } from "next/server";
import { createPasswordUser } from "@/lib/auth/users";
import { handler, readJson } from "@/lib/http/handler";
import { signUpSchema } from "@/lib/shared/auth-schemas";

/** Sign-up. The browser signs in with the same credentials afterwards. */
export const POST = handler(async (request) => {
  const input = signUpSchema.parse(await readJson(request));
  const user = await createPasswordUser(input);
  return NextResponse.json({ user: { id: user.id, email: user.email } }, { status: 201 });
});
