import type { StateValue } from "xstate";
import type { ConversationContext } from "./machine.js";

/** Flattens a state value to a dotted path: `{ flow: { evidence: "step" } }` → `flow.evidence.step`. */
export function statePath(value: StateValue): string {
  if (typeof value === "string") return value;
  const [key, child] = Object.entries(value)[0] ?? ["", undefined];
  return child === undefined ? key : `${key}.${statePath(child)}`;
}

/**
 * A short, stable name for the screen the person is on, e.g. `evidence.step#2`. Buttons carry it,
 * so a tap on an older screen can be told apart from a tap on the current one.
 */
export function positionOf(snapshot: { value: StateValue; context: ConversationContext }): string {
  const path = statePath(snapshot.value).replace(/^flow\./, "");
  if (path.startsWith("evidence.")) return `${path}#${snapshot.context.step}`;
  if (path === "takedown") return `${path}#${snapshot.context.route}`;
  if (path === "reporting.detail") return `${path}#${snapshot.context.report}`;
  // An older offer's "add" would add what a newer message offered: every offer has its own name.
  if (path === "offer") return `${path}#${snapshot.context.offers}`;
  return path;
}

interface StateNodeLike {
  type: string;
  states: Record<string, StateNodeLike>;
}

const leafCache = new WeakMap<object, Set<string>>();

/** Every leaf state of a machine as a dotted path (history states left out). Cached per machine. */
export function leafStates(machine: { root: StateNodeLike }): Set<string> {
  let leaves = leafCache.get(machine);
  if (!leaves) {
    const found = new Set<string>();
    const walk = (node: StateNodeLike, path: string[]) => {
      if (node.type === "history") return;
      const children = Object.entries(node.states);
      if (children.length === 0) found.add(path.join("."));
      for (const [key, child] of children) walk(child, [...path, key]);
    };
    walk(machine.root, []);
    leafCache.set(machine, found);
    leaves = found;
  }
  return leaves;
}
