import * as z from "zod/mini";

/**
 * Schemas for everything under `flows/`. Every fact a person may act on (a number, a URL, a law
 * section, a route) carries the page it came from and the day it was last checked, so that a
 * reviewer can re-check it and a test can fail when either is missing.
 */

const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"),
  z.refine((s) => !Number.isNaN(Date.parse(s)), "must be a real calendar date"),
);

const httpsUrl = z.url({ protocol: /^https?$/ });

/** Where a fact comes from and when someone last looked. */
export const Sourced = z.object({
  source: httpsUrl,
  checked: isoDate,
  /** Extra sources or caveats (a conflict between sources, a secondary source). */
  note: z.optional(z.string()),
});

/** ids become Fluent keys and callback data: short, lowercase, kebab-case. */
const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lowercase kebab-case"), z.maxLength(24));

export const IncidentId = z.enum(["shared", "sextortion", "hidden-camera", "morphed", "stalking", "other"]);
export type IncidentId = z.infer<typeof IncidentId>;

export const PlatformId = z.enum([
  "instagram",
  "facebook",
  "whatsapp",
  "telegram",
  "x",
  "snapchat",
  "youtube",
  "google",
  "adult-site",
  "other",
]);
export type PlatformId = z.infer<typeof PlatformId>;

export const CountryId = z.enum(["in", "pk", "bd", "np", "gb", "us", "ca", "au", "other"]);
export type CountryId = z.infer<typeof CountryId>;

export const AgeGroup = z.enum(["adult", "minor"]);
export type AgeGroup = z.infer<typeof AgeGroup>;

/** One evidence step. Text lives in locales as `evidence-<id>` and `evidence-<id>-why`. */
export const EvidenceStep = z.extend(Sourced, {
  id,
  /** Which incident types this step is shown for. */
  incidents: z.array(IncidentId).check(z.minLength(1)),
  /** Which age groups see it. A step asking to keep or screenshot the image itself must be adult-only. */
  ages: z.array(AgeGroup).check(z.minLength(1)),
  /** True when the step asks the person to capture or keep the image or video itself. */
  capturesImage: z._default(z.boolean(), false),
  /** The kind of evidence-log item this step collects, offered as a button on the step. */
  logs: z.optional(z.enum(["link", "handle", "date", "money", "note", "file"])),
  /** Spoken to a child ("tell an adult you trust"): only for someone under 18 now, telling their own story. */
  under18Now: z._default(z.boolean(), false),
});
export type EvidenceStep = z.infer<typeof EvidenceStep>;

export const Incident = z.object({
  id: IncidentId,
  /** Law ids (see laws.yaml) that usually apply, in the order to show them. */
  laws: z.array(id),
});
export type Incident = z.infer<typeof Incident>;

/**
 * A takedown or reporting route. Text lives in locales as `route-<id>` (name), `route-<id>-how`
 * (what to do) and `route-<id>-asks` (what it will ask of them: account, ID, name, nothing).
 */
export const Route = z.extend(Sourced, {
  id,
  url: z.optional(httpsUrl),
  phone: z.optional(z.string()),
  /** Whether the route can be used without giving a name: the bot is anonymous, routes are not all. */
  anonymous: z.enum(["yes", "partly", "no"]),
  /** Made for images that may show a child (a child-abuse-material section, a child tipline): first on the under-18 path. */
  childImages: z._default(z.boolean(), false),
});
export type Route = z.infer<typeof Route>;

/**
 * Where a grievance complaint under IT Rules 2021 Rule 3(2)(b) goes after the in-app report: the
 * platform's India grievance channel as the facts give it (e-mail, web form, post), or `known: false`
 * where no India contact was found, and the platform's own report form is the way. Text lives in
 * locales as `grievance-<platform>` (how) and `grievance-<platform>-asks` (what its form asks).
 */
export const Grievance = z.extend(Sourced, {
  known: z.boolean(),
  email: z.optional(z.email()),
  url: z.optional(httpsUrl),
  post: z.optional(z.string().check(z.maxLength(200))),
});
export type Grievance = z.infer<typeof Grievance>;

export const Platform = z.object({
  id: PlatformId,
  /** Route ids (routes.yaml) for taking content down from this platform. */
  routes: z.array(id).check(z.minLength(1)),
  grievance: Grievance,
});
export type Platform = z.infer<typeof Platform>;

/** `directory` is a list of lines (findahelpline.com), not a line someone answers. */
export const HelplineKind = z.enum(["emergency", "mental-health", "women", "cyber", "child", "image-abuse", "directory"]);

/** A phone line or service. Text lives in locales as `line-<id>` (name) and `line-<id>-about`. */
export const Helpline = z.extend(Sourced, {
  id,
  kind: HelplineKind,
  /** Shown exactly as written; dialable. */
  phone: z.optional(z.string()),
  url: z.optional(httpsUrl),
  /** Open all day, every day. Lines with limited hours say so in `line-<id>-about`. */
  always: z.boolean(),
  /** Free (or toll-free) to call, as a source says. `line-<id>-about` may say "free" only when set. */
  free: z._default(z.boolean(), false),
  /** Takes SMS or text messages, as a source says. The about text may offer texting only when set. */
  text: z._default(z.boolean(), false),
  /** Can be used without giving a name, as a source says. The about text may say "anonymous" only when set. */
  anonymous: z._default(z.boolean(), false),
}).check(z.refine((h) => h.phone ?? h.url, "a helpline needs a phone number or a URL"));
export type Helpline = z.infer<typeof Helpline>;

export const Country = z.object({
  id: CountryId,
  /** Emergency number(s) for immediate danger. */
  emergency: z.array(id).check(z.minLength(1)),
  /** Lines shown on the crisis screen, after emergency. */
  crisis: z.array(id).check(z.minLength(1)),
  /** Lines shown on the danger screen (someone else is hurting or threatening them), after emergency. */
  danger: z._default(z.array(id), []),
  /** The danger screen shows `danger-silent-<id>`: silent ways to reach the emergency number there. */
  silent: z._default(z.boolean(), false),
  /** Lines shown on the support screen. */
  support: z.array(id),
  /** Route ids for reporting to police or a regulator. */
  reporting: z.array(id),
  /** For showing when evidence was received in their own time; countries spanning zones use UTC. */
  timeZone: z._default(
    z.string().check(
      z.refine((tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, "must be an IANA time zone, e.g. Asia/Kolkata"),
    ),
    "UTC",
  ),
});
export type Country = z.infer<typeof Country>;

/** A law section. Text lives in locales as `law-<id>` (plain words). */
export const Law = z.extend(Sourced, {
  id,
  country: CountryId,
  act: z.string().check(z.minLength(2)),
  section: z.string().check(z.minLength(1)),
  /** Age groups it is shown to; both unless said otherwise. */
  ages: z._default(z.array(AgeGroup).check(z.minLength(1)), ["adult", "minor"]),
  /** A section that protects women only (BNS 77-79): cited only when the person is a woman. */
  forWomen: z._default(z.boolean(), false),
});
export type Law = z.infer<typeof Law>;

export const CrisisTerms = z.object({
  /**
   * Word classes, used in phrases as `@name`: one concept ("pills": pills, tablets, goliyan,
   * गोलियां). A class may mix scripts, so a message that mixes them ("main मरना chahti hu") still
   * meets a phrase.
   */
  words: z._default(z.record(z.string().check(z.regex(/^[a-z][a-z0-9_]*$/)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))), {}),
  /** Language groups, e.g. en, hi (Hindi in either script). */
  groups: z.record(
    z.string(),
    z.object({
      /** Group reported when the words that matched are romanised, e.g. hi -> hinglish. */
      romanised: z.optional(z.string()),
      /** Phrases that mean suicide or self-harm risk (the crisis screen). */
      self: z.array(z.string().check(z.minLength(2))).check(z.minLength(5)),
      /** Phrases that mean danger from someone else (the danger screen, emergency number first). */
      danger: z._default(z.array(z.string().check(z.minLength(2))), []),
      /** Phrases that look alike but are not a crisis ("killing my battery", "garmi se mar jaungi"). */
      exclude: z._default(z.array(z.string().check(z.minLength(2))), []),
      /** Phrases that say it is over ("I'm fine now", "ab theek hu"): anywhere in a message, they
       * turn a self match about the past into no match. Danger is never turned off. */
      recovered: z._default(z.array(z.string().check(z.minLength(2))), []),
    }),
  ),
});
export type CrisisTerms = z.infer<typeof CrisisTerms>;

/** Routes that apply whatever the platform: hash-blocking and search removal, by age group. */
export const TakedownExtras = z.object({ adult: z.array(id), minor: z.array(id) });

/** Where to report when a child may be in the images: routes that take the link, never the image, and lines. */
export const ChildReport = z.object({ routes: z.array(id).check(z.minLength(1)), lines: z.array(id) });

export const Content = z.object({
  incidents: z.array(Incident).check(z.minLength(1)),
  evidence: z.array(EvidenceStep).check(z.minLength(1)),
  platforms: z.array(Platform).check(z.minLength(1)),
  takedownExtras: TakedownExtras,
  childReport: ChildReport,
  routes: z.array(Route).check(z.minLength(1)),
  helplines: z.array(Helpline).check(z.minLength(1)),
  countries: z.array(Country).check(z.minLength(1)),
  laws: z.array(Law),
  crisis: CrisisTerms,
});
export type Content = z.infer<typeof Content>;
