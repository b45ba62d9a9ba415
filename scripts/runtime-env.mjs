/**
 * The settings production runs the compiled bot with, for a small host (issue 15: ≤ 80 MB idle,
 * ≤ 160 MB at peak). `npm start` (package.json) and the image (Dockerfile ENV) set the same, each
 * only when the operator has not set it; the bench runs the compiled bot with these
 * (bench/footprint.ts, bench/throughput.ts) and test/build/runtime-env.test.ts keeps the three
 * copies equal.
 *
 *   --max-semi-space-size=2    V8's young generation: 2 MB halves instead of up to 16 MB. Most of
 *                              a request's garbage dies young either way; idle RSS drops by ~25 MB.
 *   --max-old-space-size=128   the heap V8 plans for: with the default (a share of the machine's
 *                              RAM) it let the heap grow to ~250 MB in the throughput run, with
 *                              ~47 MB of it live. A bot with a lot more live data (STORE=memory
 *                              with tens of thousands of people) must raise it: NODE_OPTIONS.
 *   UV_THREADPOOL_SIZE=2       libuv's threads, where each new person's scrypt runs (8 MB each):
 *                              two at a time, as many as a small host has cores, not four.
 *   MALLOC_ARENA_MAX=2         glibc keeps a memory arena per thread that has allocated; freed
 *                              scrypt buffers stay in them. Two arenas, not eight per core.
 */
export const RUNTIME_ENV = Object.freeze({
  NODE_OPTIONS: "--max-semi-space-size=2 --max-old-space-size=128",
  UV_THREADPOOL_SIZE: "2",
  MALLOC_ARENA_MAX: "2",
});
