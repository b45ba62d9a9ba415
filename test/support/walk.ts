import { createActor } from "xstate";
import type { ConversationEvent } from "../../src/conversation/machine.js";
import type { ConversationSnapshot } from "../../src/conversation/turn.js";
import { screenFor } from "../../src/screens/screens.js";
import { conversationDeps } from "./deps.js";

/** Drives the pure machine like a person would: by the labels' keys of the buttons on screen. */
export class Walker {
  readonly deps = conversationDeps();
  snapshot: ConversationSnapshot;

  constructor(locale: "en" | "hi" = "en") {
    const actor = createActor(this.deps.machine, { input: { locale } });
    actor.start();
    this.snapshot = actor.getSnapshot();
    actor.stop();
  }

  get screen() {
    return screenFor(this.deps.content, this.snapshot);
  }

  send(event: ConversationEvent): this {
    const actor = createActor(this.deps.machine, { snapshot: this.snapshot, input: { locale: "en" } });
    actor.start();
    actor.send(event);
    this.snapshot = actor.getSnapshot();
    actor.stop();
    return this;
  }

  /** Taps the button whose label key is `key` (and, for lists, whose event value is `value`). */
  tap(key: string, value?: string): this {
    const button = this.screen.buttons
      .flat()
      .find((b) => b.label.key === key && (value === undefined || ("value" in b.event && b.event.value === value)));
    if (!button) throw new Error(`no button ${key}${value ? `=${value}` : ""} on ${this.screen.id}: ${this.screen.buttons.flat().map((b) => b.label.key).join(", ")}`);
    return this.send(button.event);
  }

  get at(): string {
    return this.screen.id;
  }
}
