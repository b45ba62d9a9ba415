import * as z from "zod/mini";

/**
 * One entry in a person's evidence log. Items live inside the encrypted session (same key, TTL and
 * /forget as the rest), never anywhere else. Files are never kept: only their fingerprint.
 */

/** Limits are stated to the person when reached, never applied silently. */
export const LIMITS = {
  items: 200,
  note: 1000,
  link: 2000,
  handle: 100,
  /** The words after a date: "14/03/2026 first threat on Instagram". */
  what: 300,
  /** Telegram lets a bot download files up to 20 MB. */
  fileBytes: 20 * 1024 * 1024,
} as const;

export const ITEM_KINDS = ["link", "handle", "date", "money", "note", "file", "sent"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ItemKind = z.enum(ITEM_KINDS);

/** Kinds a person adds from the log; "sent" is logged by "✓ I sent it" on a complaint, never typed. */
export const ADDABLE_KINDS = ["link", "handle", "date", "money", "note", "file"] as const satisfies readonly ItemKind[];
export type AddableKind = (typeof ADDABLE_KINDS)[number];
export const AddableKind = z.enum(ADDABLE_KINDS);

/** Kinds added by typing; files are sent, not typed. */
export const TYPED_KINDS = ["link", "handle", "date", "money", "note"] as const satisfies readonly ItemKind[];
export type TypedKind = (typeof TYPED_KINDS)[number];

/** When the item was added (Telegram's message time), ISO 8601 UTC. */
const at = z.iso.datetime();

/** A date as typed, made exact: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when they gave a time. Local time as they told it. */
export const When = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/));

export const FILE_TYPES = ["photo", "video", "document", "animation"] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const LinkFields = z.object({ url: z.string().check(z.minLength(1), z.maxLength(LIMITS.link)) });
export const HandleFields = z.object({ handle: z.string().check(z.minLength(1), z.maxLength(LIMITS.handle)) });
export const DateFields = z.object({ when: When, what: z.optional(z.string().check(z.maxLength(LIMITS.what))) });
/**
 * A payment's reference number, which 1930 asks for (content-facts-2 D.2: "transaction ID", "UTR
 * number"). The fact sheets give no formats; these are common banking knowledge, inferred, to be
 * checked with a bank before anyone relies on them:
 * - UPI and IMPS: the 12-digit reference (RRN) that payment apps show as "UPI Ref No." or "UTR";
 * - NEFT: 16 characters, RTGS: 22, starting with the sending bank's 4-letter IFSC code, the rest
 *   capital letters and digits (at least six digits in a row).
 * Anything else (an app's own order id) is kept in `what`, as typed, not here.
 */
export const UTR = /^(?:\d{12}|[A-Z]{4}(?=[A-Z0-9]*\d{6})(?:[A-Z0-9]{12}|[A-Z0-9]{18}))$/;

export const MoneyFields = z.object({
  /** Amount in whole or decimal units, as a plain number string: "5000", "2500.50". */
  amount: z.optional(z.string().check(z.regex(/^\d{1,12}(\.\d{1,2})?$/))),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  /** upi, account, ifsc and wallet: where the money went, or was asked to go (the other side). */
  upi: z.optional(z.string().check(z.maxLength(300))),
  account: z.optional(z.string().check(z.maxLength(40))),
  ifsc: z.optional(z.string().check(z.regex(/^[A-Z]{4}0[A-Z0-9]{6}$/))),
  wallet: z.optional(z.string().check(z.maxLength(40))),
  /** The payment's UTR or transaction reference (see UTR). */
  utr: z.optional(z.string().check(z.regex(UTR))),
  /** True when she paid, false when it was only demanded; absent when she didn't say. */
  paid: z.optional(z.boolean()),
  /** Her own side, as she typed it: the account, UPI ID, bank or app she paid from. */
  from: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Anything else they typed with it ("by Friday or else"). */
  what: z.optional(z.string().check(z.maxLength(LIMITS.what))),
});
export const NoteFields = z.object({ text: z.string().check(z.minLength(1), z.maxLength(LIMITS.note)) });
export const FileFields = z.object({
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  size: z.int().check(z.minimum(0), z.maximum(LIMITS.fileBytes)),
  type: z.enum(FILE_TYPES),
  /** The MIME type Telegram reported, if any. The file name is not kept: it can carry a name. */
  mime: z.optional(z.string().check(z.maxLength(100))),
});

/**
 * A grievance complaint she says she sent: to which platform (and whether it was an appeal), and
 * when (`at`). Nothing else: not the text, which is made again on demand from the log.
 */
export const SentFields = z.object({
  platform: z.string().check(z.regex(/^[a-z0-9-]{1,24}$/)),
  /** "complaint" to the platform, or "appeal" to the Grievance Appellate Committee about it. */
  to: z.enum(["complaint", "appeal"]),
});

const base = { id: z.int().check(z.minimum(1)), at };

export const EvidenceItem = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("link"), ...base, ...LinkFields.shape }),
  z.object({ kind: z.literal("handle"), ...base, ...HandleFields.shape }),
  z.object({ kind: z.literal("date"), ...base, ...DateFields.shape }),
  z.object({ kind: z.literal("money"), ...base, ...MoneyFields.shape }),
  z.object({ kind: z.literal("note"), ...base, ...NoteFields.shape }),
  z.object({ kind: z.literal("file"), ...base, ...FileFields.shape }),
  z.object({ kind: z.literal("sent"), ...base, ...SentFields.shape }),
]);
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** An item before the log gives it an id. */
export type NewItem = EvidenceItem extends infer I ? (I extends EvidenceItem ? Omit<I, "id"> : never) : never;
