import { getCurrentUser } from "@/lib/auth/session";
import { ButtonLink } from "../ui/button";
import { Brand } from "./brand";
import { MobileMenu } from "./mobile-menu";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
      <div className="relative mx-auto flex h-16 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6">
        <div className="flex items-center gap-8">
          <Brand />
          <nav aria-label="Main" className="hidden md:block">
            <NavLinks layout="row" />
          </nav>
        </div>
        <div className="hidden items-center gap-2 md:flex">
          {user ? (
            <UserMenu email={user.email} name={user.name} />
          ) : (
            <>
              <ButtonLink href="/signin" variant="ghost">
                Sign in
              </ButtonLink>
              <ButtonLink href="/signup">Sign up</ButtonLink>
            </>
          )}
        </div>
        <MobileMenu user={user ? { email: user.email } : null} />
      </div>
    </header>
  );
}
