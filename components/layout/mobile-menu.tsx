"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { SignOutButton } from "../auth/sign-out-button";
import { buttonClasses } from "../ui/button";
import { CloseIcon, MenuIcon } from "../ui/icons";
import { NavLinks } from "./nav-links";

/** The navigation behind a menu button at phone widths. */
export function MobileMenu({ user }: { user: { email: string } | null }) {
  const pathname = usePathname();
  // Remember on which page the menu was opened: navigating anywhere closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean | ((open: boolean) => boolean)) =>
    setOpenOn((typeof value === "function" ? value(open) : value) ? pathname : null);

  return (
    <div className="md:hidden">
      <button
        type="button"
        className={buttonClasses({ variant: "ghost", size: "icon" })}
        aria-expanded={open}
        aria-controls="mobile-menu"
        aria-label={open ? "Close menu" : "Open menu"}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? <CloseIcon /> : <MenuIcon />}
      </button>
      {open ? (
        <nav
          id="mobile-menu"
          aria-label="Main"
          className="absolute inset-x-0 top-full z-40 border-b border-border bg-background px-4 pt-3 pb-5 shadow-lg"
        >
          <NavLinks layout="column" onNavigate={() => setOpen(false)} />
          <div className="mt-4 border-t border-border pt-4">
            {user ? (
              <div className="space-y-2">
                <p className="px-3 text-sm text-muted-foreground">
                  Signed in as <span className="font-medium text-foreground">{user.email}</span>
                </p>
                <Link href="/settings" className="block rounded-md px-3 py-2 hover:bg-muted">
                  Settings
                </Link>
                <SignOutButton className="block w-full rounded-md px-3 py-2 hover:bg-muted" />
              </div>
            ) : (
              <div className="grid grid-cols-2 gap-2">
                <Link href="/signin" className={buttonClasses({ variant: "secondary" })}>
                  Sign in
                </Link>
                <Link href="/signup" className={buttonClasses({ variant: "primary" })}>
                  Sign up
                </Link>
              </div>
            )}
          </div>
        </nav>
      ) : null}
    </div>
  );
}
