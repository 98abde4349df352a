import Link from "next/link";

export function Brand() {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 font-semibold tracking-tight"
      aria-label="each::labs Playground, home"
    >
      <span
        aria-hidden="true"
        className="brand-gradient grid size-7 place-items-center rounded-lg text-xs font-bold text-white shadow-sm"
      >
        e::
      </span>
      <span>
        each::labs <span className="text-muted-foreground font-normal">Playground</span>
      </span>
    </Link>
  );
}
