// Types for the parts of scripts/build.mjs that tests import.
import type { Plugin } from "esbuild";

export const ASCII_SOURCES: RegExp;
export function escapeNonAscii(source: string): string;
export const asciiSources: Plugin;
export function isStale(root?: string): boolean;
