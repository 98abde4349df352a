import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/shared/auth-schemas";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const signUpHref =
    returnTo === "/" ? "/signup" : `/signup?callbackUrl=${encodeURIComponent(returnTo)}`;
  return (
    <AuthCard
      title="Sign in"
      subtitle={returnTo === "/" ? "Welcome back." : "Sign in to continue where you were going."}
      githubCallbackUrl={env().auth.github ? returnTo : undefined}
      footer={{ text: "New here?", linkLabel: "Create an account", href: signUpHref }}
    >
      <SignInForm callbackUrl={returnTo} initialError={error} />
    </AuthCard>
  );
}
