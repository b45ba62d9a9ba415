import type { Context } from "grammy";
import type { Logger } from "../privacy/logger.js";
import type { Preloaded } from "./take-turn.js";

/**
 * Our context: grammY's, plus a logger already tagged with the update id and a chat pseudonym,
 * and the session as the gate read it (so the conversation needs no second read).
 */
export type BotContext = Context & { log: Logger; opened?: Preloaded };
