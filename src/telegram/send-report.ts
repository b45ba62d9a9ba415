import { InputFile } from "grammy";
import type { ConversationContext } from "../conversation/machine.js";
import { prepareReport } from "../report/case-report.js";
import type { RenderedPdf } from "../report/pdf-renderer.js";
import { renderPdf } from "../report/render-pdf.js";
import type { ReportDocument } from "../report/report-document.js";
import type { BotContext } from "./context.js";
import type { TurnDeps } from "./take-turn.js";

export interface ReportDeps extends TurnDeps {
  /** Renders off the main thread (app.ts gives a PdfRenderer); without it, in place. */
  reports?: { render(doc: ReportDocument): Promise<RenderedPdf> };
}

/**
 * /report, after its screen: the PDF, then the complaint text as a message they can copy with one
 * tap (a `pre` block). Made from the session in memory and sent; the PDF is never written anywhere.
 */
export async function sendReport(ctx: BotContext, deps: ReportDeps, context: ConversationContext): Promise<void> {
  const t = deps.translate(context.locale);
  const started = performance.now();
  const { doc, fileName, complaint } = prepareReport({ content: deps.content, context, t, now: new Date() });
  try {
    const { pdf, threadId } = deps.reports ? await deps.reports.render(doc) : { pdf: await renderPdf(doc), threadId: 0 };
    ctx.log.info({ bytes: pdf.length, items: context.evidence.length, ms: Math.round(performance.now() - started), worker: threadId !== 0 }, "report rendered");
    await ctx.replyWithDocument(new InputFile(pdf, fileName), { caption: t("report-caption") });
  } catch (error) {
    ctx.log.warn({ err: error }, "report not sent");
    await ctx.reply(t("report-failed")).catch(() => undefined);
  }
  await sendCopyable(ctx, complaint, t("complaint-message-intro"));
}

/** A text she will paste somewhere, as a `pre` block: one tap copies it. Cut to Telegram's 4,096 characters. */
export async function sendCopyable(ctx: BotContext, body: string, intro?: string): Promise<void> {
  const head = intro ? `${intro}\n\n` : "";
  const text = `${head}${body}`.slice(0, 4096);
  // Telegram counts entity offsets in UTF-16 code units, as JavaScript strings do.
  await ctx.reply(text, { entities: [{ type: "pre", offset: head.length, length: text.length - head.length }] });
}
