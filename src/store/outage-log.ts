import { StoreError } from "./session-store.js";

export interface StoreStatusLog {
  warn(obj: object, msg: string): void;
  info(msg: string): void;
}

/**
 * One line when the store becomes unreachable and one when it answers again, however many
 * commands fail or reconnects are tried in between: an outage should read as one event in the logs.
 */
export class OutageLog {
  #down = false;
  constructor(
    private readonly backend: string,
    private readonly log: StoreStatusLog | undefined,
  ) {}

  down(reason: unknown): void {
    if (this.#down) return;
    this.#down = true;
    this.log?.warn({ err: reason instanceof StoreError ? reason : new StoreError(this.backend, "connection", reason) }, "store unreachable; answering without saving until it returns");
  }

  up(): void {
    if (!this.#down) return;
    this.#down = false;
    this.log?.info("store reachable again");
  }
}
