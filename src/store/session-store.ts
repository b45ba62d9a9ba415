/**
 * Where ciphertext lives. Keys are already pseudonymous and values already encrypted when they
 * get here (see privacy/chat-vault.ts): a store never sees who anyone is. Kept small and async so
 * Redis and Upstash fit behind it; test/store/contract.test.ts holds all three to the same rules.
 */
export interface Versioned {
  value: string;
  /** Bumped by every committed write; 0 never occurs for a stored value. */
  version: number;
}

/** The keys an incoming update touches before the conversation runs (see ChatVault.open). */
export interface UpdateKeys {
  session: string;
  /** Counts this person's updates in a fixed window. */
  rate: string;
}

export interface UpdateLimits {
  rateWindowMs: number;
}

export interface OpenedUpdate {
  /** Updates from this person in the current window, this one included. */
  hits: number;
  session: Versioned | undefined;
}

export interface SessionStore {
  get(key: string): Promise<Versioned | undefined>;
  /** The start of an update, in one round trip: count a hit in the person's rate window, read the session. */
  openUpdate(keys: UpdateKeys, limits: UpdateLimits): Promise<OpenedUpdate>;
  /**
   * Writes `value` only if the key is still at `expected` (0: the key must not exist), and
   * (re)starts its time to live: the TTL slides with every write. Returns the new version, or
   * undefined when another writer got there first. Writing the very same value again after a
   * lost reply counts as success, so a client's own retry never reads as a conflict.
   */
  compareAndSet(key: string, value: string, expected: number, ttlSeconds: number): Promise<number | undefined>;
  /** Removes every key given, in one round trip. */
  delete(...keys: string[]): Promise<void>;
  /** Resolves when the store answers; rejects with a StoreError when it does not. */
  ping(): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}

/**
 * A store that could not be reached or refused a command. The message names the backend and
 * the operation only: client errors can carry the command (key and ciphertext), which must not
 * reach a log line.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly backend: string,
    readonly operation: string,
    reason: unknown,
  ) {
    super(`${backend} ${operation} failed: ${describe(reason)}`);
    // An outage is an expected condition, not a bug to trace: the message says all there is.
    this.stack = `${this.name}: ${this.message}`;
  }
}

function describe(reason: unknown): string {
  if (!(reason instanceof Error)) return "unknown error";
  const code = (reason as { code?: unknown }).code;
  // Only the first line and never what follows "command was:" (@upstash/redis appends the command).
  const first = reason.message.split("\n")[0]!.split(/,? command was:/)[0]!.slice(0, 120);
  return typeof code === "string" ? `${code} ${first}` : `${reason.name}: ${first}`;
}

/** Runs one store command, turning whatever the client throws into a StoreError. */
export async function storeCommand<T>(backend: string, operation: string, command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw new StoreError(backend, operation, error);
  }
}
