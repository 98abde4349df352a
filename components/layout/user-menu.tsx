"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { SignOutButton } from "../auth/sign-out-button";
import { SettingsIcon } from "../ui/icons";

function initials(label: string): string {
  return (
    label
      .replace(/@.*/, "")
      .split(/[\s._-]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join("") || "?"
  );
}

export function UserMenu({ email, name }: { email: string; name: string | null }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !root.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const item = "flex w-full items-center gap-2 rounded-md px-3 py-2 text-sm hover:bg-muted";
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Account menu for ${email}`}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-full border border-border py-1 pr-3 pl-1 text-sm hover:bg-muted"
      >
        <span className="brand-gradient grid size-7 place-items-center rounded-full text-xs font-semibold text-white">
          {initials(name ?? email)}
        </span>
        <span className="max-w-40 truncate" data-testid="signed-in-as">
          {email}
        </span>
      </button>
      {open ? (
        <div
          role="menu"
          className="absolute right-0 z-50 mt-2 w-60 rounded-lg border border-border bg-popover p-1.5 shadow-lg"
        >
          <div className="px-3 py-2 text-xs text-muted-foreground">
            Signed in as
            <div className="truncate text-sm font-medium text-foreground">{name ?? email}</div>
          </div>
          <div className="my-1 h-px bg-border" />
          <Link role="menuitem" href="/settings" className={item} onClick={() => setOpen(false)}>
            <SettingsIcon width={16} height={16} /> Settings
          </Link>
          <SignOutButton className={item} />
        </div>
      ) : null}
    </div>
  );
}
