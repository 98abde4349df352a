// How the gallery writes durations, money, sizes and dates. Fixed locale ("en-US"), so the
// server render and the browser agree and hydration never trips over a comma.

/** `m:ss` (or `h:mm:ss` from an hour up), rounded to the nearest second. */
export function formatDuration(ms: number | null | undefined): string {
  const total = Number.isFinite(ms) && (ms as number) > 0 ? Math.round((ms as number) / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** Dollars as the run panel writes them: four decimals under a cent, three otherwise. */
export function formatCost(cost: number): string {
  if (cost === 0) return "$0.00";
  return `$${cost < 0.01 ? cost.toFixed(4) : cost.toFixed(3)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "Nov 25, 2026, 3:04 PM" in the reader's time zone (or the one given, for tests). */
export function formatDateTime(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleString("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
}

/** "Nov 3" for a `YYYY-MM-DD` day (a calendar day, so read in UTC). */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
