import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "../ui/card";
import { GitHubButton } from "./github-button";

/** The frame shared by the sign-in and sign-up pages. */
export function AuthCard({
  title,
  subtitle,
  githubCallbackUrl,
  footer,
  children,
}: {
  title: string;
  subtitle: string;
  githubCallbackUrl?: string | undefined;
  footer: { text: string; linkLabel: string; href: string };
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-md py-4 sm:py-10">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{subtitle}</p>
        <div className="mt-6">{children}</div>
        {githubCallbackUrl ? (
          <>
            <div className="my-6 flex items-center gap-3 text-xs text-muted-foreground">
              <span className="h-px flex-1 bg-border" /> or{" "}
              <span className="h-px flex-1 bg-border" />
            </div>
            <GitHubButton callbackUrl={githubCallbackUrl} />
          </>
        ) : null}
      </Card>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        {footer.text}{" "}
        <Link href={footer.href} className="font-medium text-primary hover:underline">
          {footer.linkLabel}
        </Link>
      </p>
    </div>
  );
}
