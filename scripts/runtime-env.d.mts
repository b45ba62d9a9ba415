/** Types for scripts/runtime-env.mjs (plain JavaScript: package.json's start and the Dockerfile mirror it). */
export declare const RUNTIME_ENV: Readonly<{ NODE_OPTIONS: string; UV_THREADPOOL_SIZE: string; MALLOC_ARENA_MAX: string }>;
