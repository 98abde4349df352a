import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { ArrowRightIcon } from "@/components/ui/icons";
import { NAV_ITEMS } from "@/components/layout/nav-items";

const DESCRIPTIONS: Record<string, string> = {
  "/models":
    "Browse image, video and audio models, fill a form made from each model's schema, run it and copy the code.",
  "/chat":
    "Ask each::sense for what you want in words; watch it think, pick models and deliver media.",
  "/workflows": "Chain models into multi-step pipelines with branches, conditions and fallbacks.",
  "/gallery": "Everything you made, kept for good: find it, share it, download it.",
};

export default function HomePage() {
  return (
    <div className="space-y-14">
      <section className="relative overflow-hidden rounded-2xl border border-border bg-card px-6 py-12 sm:px-12 sm:py-16">
        <div
          aria-hidden="true"
          className="brand-gradient absolute -top-24 -right-24 size-72 rounded-full opacity-20 blur-3xl"
        />
        <p className="text-sm font-medium text-primary">One API key · 500+ models</p>
        <h1 className="mt-3 max-w-3xl text-3xl font-semibold tracking-tight sm:text-5xl">
          The playground for everything each::labs can make.
        </h1>
        <p className="mt-4 max-w-2xl text-base text-muted-foreground sm:text-lg">
          Try models side by side, keep and share what you create, then take the exact same calls
          into your own code.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/models" size="lg">
            Browse models <ArrowRightIcon width={18} height={18} />
          </ButtonLink>
          <ButtonLink href="/chat" size="lg" variant="secondary">
            Chat with each::sense
          </ButtonLink>
        </div>
      </section>

      <section aria-labelledby="what-you-can-do">
        <h2 id="what-you-can-do" className="text-lg font-semibold">
          What you can do here
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {NAV_ITEMS.map(({ href, label, icon: Icon }) => (
            <li key={href}>
              <Link
                href={href}
                className="group flex h-full flex-col rounded-xl border border-border bg-card p-5 shadow-sm transition hover:border-primary/50 hover:shadow-md"
              >
                <span className="grid size-10 place-items-center rounded-lg bg-accent text-accent-foreground">
                  <Icon />
                </span>
                <span className="mt-4 font-semibold">{label}</span>
                <span className="mt-1 text-sm text-muted-foreground">{DESCRIPTIONS[href]}</span>
                <span className="mt-4 text-sm font-medium text-primary group-hover:underline">
                  Open {label.toLowerCase()} →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
