import { InputFile } from "grammy";
import type { ConversationContext } from "../conversation/machine.js";
import { buildReport, reportFileName } from "../report/case-report.js";
import { complaintText } from "../report/complaint.js";
import { renderPdf } from "../report/render-pdf.js";
import type { BotContext } from "./context.js";
import type { TurnDeps } from "./take-turn.js";

/**
 * /report, after its screen: the PDF, then the complaint text as a message they can copy with one
 * tap (a `pre` block). Made from the session in memory and sent; the PDF is never written anywhere.
 */
export async function sendReport(ctx: BotContext, deps: TurnDeps, context: ConversationContext): Promise<void> {
  const t = deps.translate(context.locale);
  const now = new Date();
  const started = performance.now();
  try {
    const pdf = await renderPdf(buildReport({ content: deps.content, context, t, now }));
    ctx.log.info({ bytes: pdf.length, items: context.evidence.length, ms: Math.round(performance.now() - started) }, "report rendered");
    await ctx.replyWithDocument(new InputFile(pdf, reportFileName(now)), { caption: t("report-caption") });
  } catch (error) {
    ctx.log.warn({ err: error }, "report not sent");
    await ctx.reply(t("report-failed")).catch(() => undefined);
  }
  const intro = t("complaint-message-intro");
  const complaint = complaintText(deps.content, context, t);
  // Telegram counts entity offsets in UTF-16 code units, as JavaScript strings do.
  await ctx.reply(`${intro}\n\n${complaint}`, { entities: [{ type: "pre", offset: intro.length + 2, length: complaint.length }] });
}
