import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/shared/auth-schemas";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const returnTo = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const signInHref =
    returnTo === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
  return (
    <AuthCard
      title="Create your account"
      subtitle="Keep your runs, chats and workflows, and share what you make."
      githubCallbackUrl={env().auth.github ? returnTo : undefined}
      footer={{ text: "Already have an account?", linkLabel: "Sign in", href: signInHref }}
    >
      <SignUpForm callbackUrl={returnTo} />
    </AuthCard>
  );
}
