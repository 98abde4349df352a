import type { RuntimeConfig } from "../runtime-config.js";

/** Per-key USD balances. Successful predictions are charged; every account starts at the configured balance. */
export class AccountLedger {
  private readonly balances = new Map<string, number>();

  constructor(private readonly config: RuntimeConfig) {}

  balance(key: string): number {
    return this.balances.get(key) ?? this.config.balanceUsd;
  }

  charge(key: string, amountUsd: number): void {
    this.balances.set(key, roundCents(this.balance(key) - amountUsd));
  }

  /** Sets every account (and new ones) to this balance. */
  setAll(amountUsd: number): void {
    this.config.balanceUsd = amountUsd;
    this.balances.clear();
  }

  set(key: string, amountUsd: number): void {
    this.balances.set(key, amountUsd);
  }

  reset(): void {
    this.balances.clear();
  }
}

// Sub-cent precision, as the official balance endpoint reports.
function roundCents(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
