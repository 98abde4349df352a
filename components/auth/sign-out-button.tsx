"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { cn } from "@/lib/shared/cn";

export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={cn("text-left", className)}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: "/" });
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
