import type { Context } from "grammy";
import type { Logger } from "../privacy/logger.js";

/** Our context: grammY's, plus a logger already tagged with the update id and a chat pseudonym. */
export type BotContext = Context & { log: Logger };
