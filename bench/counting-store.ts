import type { SessionStore, UpdateKeys, UpdateLimits } from "../src/store/session-store.js";

/** Counts store round trips and the largest entry written (key + "<version>:" + value), for both bots. */
export class CountingStore implements SessionStore {
  trips = 0;
  bytes = 0;
  constructor(readonly inner: SessionStore) {}
  async get(key: string) {
    this.trips++;
    return this.inner.get(key);
  }
  /** The main bot's read (with its flood counter); the conversations bot never calls it. */
  async openUpdate(keys: UpdateKeys, limits: UpdateLimits) {
    this.trips++;
    return this.inner.openUpdate(keys, limits);
  }
  async compareAndSet(key: string, value: string, expected: number, ttl: number) {
    this.trips++;
    // As it sits in the store: key + "<version>:" + value; the largest this session reached.
    this.bytes = Math.max(this.bytes, Buffer.byteLength(key) + `${expected + 1}:`.length + Buffer.byteLength(value));
    return this.inner.compareAndSet(key, value, expected, ttl);
  }
  async delete(...keys: string[]) {
    this.trips++;
    return this.inner.delete(...keys);
  }
  async ping() {
    return this.inner.ping();
  }
  async close() {
    return this.inner.close();
  }
}
