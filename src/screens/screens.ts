import type { StateValue } from "xstate";
import {
  CountryId,
  IncidentId,
  PlatformId,
  type Content,
  type Helpline,
  type Route,
} from "../content/schema.js";
import { LOCALES, SECTIONS, type ConversationContext } from "../conversation/machine.js";
import { positionOf, statePath } from "../conversation/position.js";
import {
  applicableLaws,
  countryOf,
  evidenceSteps,
  imagePath,
  reportingRoutes,
  takedownRoutes,
  underEighteenNow,
} from "../conversation/steps.js";
import { caseSummary } from "./case-summary.js";
import { helplinesById as lines, lineText } from "./contacts.js";
import { evidenceLogScreen } from "./evidence-log.js";
import { lettersScreen } from "./letters.js";
import { talkScreen, withTalk, type CounselView } from "./talk.js";
import { button, helpRow, lines as list, text, type Button, type Screen, type Text } from "./screen.js";

/**
 * Snapshot → Screen: one function per screen, chosen by state. Pure: the same snapshot always
 * gives the same screen, so every screen can be rendered in every language in tests.
 */

type View = { value: StateValue; context: ConversationContext };

const backRow = (): Button[] => [button("btn-back", { type: "BACK" })];
const backSkipRow = (): Button[] => [button("btn-back", { type: "BACK" }), button("btn-skip", { type: "SKIP" })];

/** Buttons in rows of `size`, so long lists stay tappable on a small phone. */
function rows(buttons: Button[], size: number): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += size) out.push(buttons.slice(i, i + size));
  return out;
}

function routeText(route: Route): Text {
  const contact = [route.phone, route.url].filter(Boolean).join(" · ");
  return text(contact ? "route-entry" : "route-entry-plain", {
    name: text(`route-${route.id}`),
    contact,
    how: text(`route-${route.id}-how`),
    asks: text(`route-${route.id}-asks`),
  });
}

function welcome(): Pick<Screen, "parts" | "buttons"> {
  return {
    parts: [text("welcome-title"), text("welcome-body"), text("welcome-privacy")],
    buttons: [
      [button("welcome-begin", { type: "BEGIN" })],
      [button("welcome-helping", { type: "ROLE", value: "helper" })],
      [button("welcome-came-across", { type: "ROLE", value: "bystander" })],
      [button("btn-helplines", { type: "HELPLINES" }), button("btn-privacy", { type: "PRIVACY" })],
      [button("btn-language", { type: "LANGUAGE" })],
    ],
  };
}

function crisis(content: Content, c: ConversationContext): Pick<Screen, "parts" | "buttons"> {
  const country = countryOf(content, c.country);
  return {
    parts: [
      text("crisis-intro"),
      ...lines(content, [...new Set([...country.emergency, ...country.crisis])]).map(lineText),
      text("crisis-stay"),
    ],
    buttons: [
      [button("crisis-resume", { type: "RESUME" })],
      [button("crisis-to-danger", { type: "DANGER" })],
      [button("btn-helplines", { type: "HELPLINES" })],
    ],
  };
}

/**
 * Someone else is hurting or threatening them: the emergency number first, the silent ways to
 * reach it where the facts give them, get to other people, then the lines for this (Childline only
 * where the person may be under 18 now).
 */
function danger(content: Content, c: ConversationContext): Pick<Screen, "parts" | "buttons"> {
  const country = countryOf(content, c.country);
  const adultNow = c.age === "adult" || c.age === "was-minor";
  const dangerLines = lines(content, country.danger).filter((l) => !(adultNow && l.kind === "child"));
  return {
    parts: [
      text("danger-intro"),
      ...lines(content, country.emergency).map(lineText),
      ...(country.silent ? [text(`danger-silent-${country.id}`)] : []),
      text("danger-go"),
      ...dangerLines.map(lineText),
      text("danger-stay"),
    ],
    buttons: [
      [button("crisis-resume", { type: "RESUME" })],
      [button("danger-to-crisis", { type: "CRISIS" })],
      [button("btn-helplines", { type: "HELPLINES" })],
    ],
  };
}

/** A child may be in the images: report the link, never keep or pass on the image. */
function child(content: Content): Pick<Screen, "parts" | "buttons"> {
  const routes = content.childReport.routes
    .map((id) => content.routes.find((r) => r.id === id))
    .filter((r): r is Route => r !== undefined);
  return {
    parts: [
      text("child-intro"),
      list(routes.map(routeLine)),
      ...lines(content, content.childReport.lines).map(lineText),
      text("child-never-keep"),
    ],
    buttons: [[button("btn-back", { type: "BACK" }), button("btn-helplines", { type: "HELPLINES" })]],
  };
}

/** Reporting routes with a number or link, under a heading; a number already listed is not repeated. */
function reportList(content: Content, c: ConversationContext, shown: Helpline[]) {
  const routes = reportingRoutes(content, c).filter(
    (r) => (r.phone ?? r.url) !== undefined && !shown.some((l) => r.phone !== undefined && l.phone === r.phone),
  );
  return routes.length > 0 ? [list([text("helplines-report-heading"), ...routes.map(routeLine)])] : [];
}

function helplines(content: Content, c: ConversationContext): Pick<Screen, "parts" | "buttons"> {
  const country = countryOf(content, c.country);
  const all = lines(content, [...new Set([...country.emergency, ...country.crisis, ...country.support])]);
  return {
    parts: [
      text("helplines-intro", { country: text(`country-${country.id}`) }),
      ...all.map(lineText),
      ...reportList(content, c, all),
      text("helplines-change-country"),
    ],
    buttons: [backRow()],
  };
}

function evidenceStep(content: Content, c: ConversationContext, why: boolean): Pick<Screen, "parts" | "buttons"> {
  const steps = evidenceSteps(content, c);
  const index = Math.min(c.step, steps.length - 1);
  const step = steps[index]!;
  if (why) {
    return {
      parts: [text(`evidence-${step.id}-why`)],
      buttons: [[button("btn-back-to-step", { type: "BACK" })], helpRow()],
    };
  }
  return {
    parts: [text("evidence-progress", { current: index + 1, total: steps.length }), text(`evidence-${step.id}`)],
    buttons: [
      [button("btn-done", { type: "DONE" }), button("btn-skip", { type: "SKIP" })],
      // Where a step asks them to collect something, the log is one tap away, ready for that kind.
      step.logs ? [button(`log-add-${step.logs}`, { type: "ADD", value: step.logs }), button("btn-evidence-log", { type: "LOG" })] : [button("btn-evidence-log", { type: "LOG" })],
      [button("btn-why", { type: "WHY" }), button("btn-back", { type: "BACK" })],
      helpRow(),
    ],
  };
}

function takedown(content: Content, c: ConversationContext): Pick<Screen, "parts" | "buttons"> {
  const routes = takedownRoutes(content, c);
  const index = Math.min(c.route, routes.length - 1);
  const route = routes[index]!;
  return {
    parts: [text("takedown-progress", { current: index + 1, total: routes.length }), routeText(route)],
    // After the in-app report: a grievance complaint under the IT Rules, drafted from the log.
    buttons: [[button("btn-next", { type: "NEXT" })], [button("btn-letters", { type: "LETTERS" })], backSkipRow(), helpRow()],
  };
}

/** "Name: number · link" on one line: for lists where the details are a tap away. */
function routeLine(route: Route): Text {
  const contact = [route.phone, route.url].filter(Boolean).join(" · ");
  return contact ? text("contact-line", { name: text(`route-${route.id}`), contact }) : text(`route-${route.id}`);
}

function reporting(content: Content, c: ConversationContext, view: "overview" | "detail" | "laws"): Pick<Screen, "parts" | "buttons"> {
  const applicable = applicableLaws(content, c);
  const routes = reportingRoutes(content, c);
  if (view === "laws") {
    return {
      parts: [text("laws-intro"), ...applicable.map((l) => text(`law-${l.id}`)), text("laws-note")],
      buttons: [[button("btn-next", { type: "NEXT" })], backRow(), helpRow()],
    };
  }
  if (view === "detail" && routes.length > 0) {
    const index = Math.min(c.report, routes.length - 1);
    return {
      parts: [text("reporting-progress", { current: index + 1, total: routes.length }), routeText(routes[index]!)],
      buttons: [[button("btn-next", { type: "NEXT" })], backRow(), helpRow()],
    };
  }
  return {
    parts: [
      text("reporting-intro"),
      ...(underEighteenNow(c) ? [text("reporting-minor")] : imagePath(c) === "minor" ? [text("reporting-child-images")] : []),
      ...(routes.length > 0 ? [list(routes.map(routeLine))] : [text("reporting-none")]),
      text("reporting-take-with-you"),
    ],
    buttons: [
      ...(routes.length > 0 ? [[button("reporting-how", { type: "HOW" })]] : []),
      ...(applicable.length > 0 ? [[button("reporting-laws", { type: "LAWS" })]] : []),
      ...(imagePath(c) === "minor" ? [[button("child-button", { type: "CHILD" })]] : []),
      // What to take with them, made for them: the log as a PDF and a complaint text.
      [button("log-report", { type: "REPORT" }), button("btn-evidence-log", { type: "LOG" })],
      [button("btn-next", { type: "NEXT" })],
      backSkipRow(),
      helpRow(),
    ],
  };
}

function support(content: Content, c: ConversationContext): Pick<Screen, "parts" | "buttons"> {
  const country = countryOf(content, c.country);
  return {
    parts: [text("support-intro"), ...lines(content, country.support).map(lineText), text("support-talk")],
    buttons: [[button("btn-next", { type: "NEXT" })], backSkipRow(), helpRow()],
  };
}

function closing(content: Content, c: ConversationContext): Pick<Screen, "parts" | "buttons"> {
  return {
    parts: [
      text("closing-title"),
      text("closing-summary", {
        done: c.done.length,
        total: evidenceSteps(content, c).length,
        sections: c.visited.filter((s) => s !== "closing").length,
      }),
      ...(c.evidence.length > 0 ? [text("closing-log", { count: c.evidence.length })] : []),
      text("closing-selfcare"),
      text("closing-comeback"),
    ],
    buttons: [
      [button("btn-menu", { type: "MENU" }), button("btn-helplines", { type: "HELPLINES" })],
      [button("btn-restart", { type: "RESTART" })],
    ],
  };
}

function screenBody(content: Content, view: View, counsel: CounselView | undefined): Pick<Screen, "parts" | "buttons"> {
  const c = view.context;
  const path = statePath(view.value);
  const talk = talkScreen(content, c, path, counsel);
  if (talk) return talk;
  const log = evidenceLogScreen(content, c, path);
  if (log) return log;
  const letters = lettersScreen(content, c, path);
  if (letters) return letters;
  switch (path) {
    case "flow.welcome":
      return welcome();
    case "flow.safety":
      return {
        parts: [text("safety-question")],
        buttons: [
          [button("safety-yes", { type: "SAFE" })],
          [button("safety-no", { type: "NOT_SAFE" })],
          [button("safety-hurt", { type: "SELF_HARM" })],
          backSkipRow(),
        ],
      };
    case "flow.helper":
      return {
        parts: [text("helper-intro"), text("helper-how"), text("helper-share")],
        buttons: [
          [button("btn-continue", { type: "NEXT" })],
          [button("child-button", { type: "CHILD" })],
          [button("btn-back", { type: "BACK" }), button("btn-helplines", { type: "HELPLINES" })],
        ],
      };
    case "flow.bystander":
      return {
        parts: [text("bystander-intro"), text("bystander-how"), text("bystander-tell")],
        buttons: [
          [button("bystander-report", { type: "NEXT" })],
          [button("child-button", { type: "CHILD" })],
          [button("btn-back", { type: "BACK" }), button("btn-helplines", { type: "HELPLINES" })],
        ],
      };
    case "flow.incident":
      return {
        parts: [text(c.role === "helper" ? "incident-question-helper" : "incident-question")],
        buttons: [
          // Someone helping reads "their images", not "my images".
          ...IncidentId.options.map((id) => [button(`incident-${id}`, { type: "CHOOSE", value: id }, { who: c.role === "helper" ? "helper" : "self" })]),
          backSkipRow(),
        ],
      };
    case "flow.threat":
      return {
        parts: [text("threat-question")],
        buttons: [
          [button("threat-yes", { type: "CHOOSE", value: "yes" })],
          [button("threat-no", { type: "CHOOSE", value: "no" })],
          backSkipRow(),
        ],
      };
    case "flow.woman":
      return {
        // Asked only where a law protects women only, and "prefer not to say" is always an answer.
        parts: [text(c.role === "helper" ? "woman-question-helper" : "woman-question"), text("woman-why")],
        buttons: [
          [button("woman-yes", { type: "CHOOSE", value: "yes" }), button("woman-no", { type: "CHOOSE", value: "no" })],
          [button("woman-unsaid", { type: "CHOOSE", value: "unsaid" })],
          backSkipRow(),
        ],
      };
    case "flow.next":
      return {
        parts: [text("next-question"), text("takedown-police-first")],
        buttons: [
          [button("next-takedown", { type: "CHOOSE", value: "takedown" })],
          [button("next-reporting", { type: "CHOOSE", value: "reporting" })],
          backSkipRow(),
          helpRow(),
        ],
      };
    case "flow.age":
      return {
        // About the images, not the person: an adult whose images were taken at 16 is on the child path too.
        parts: [text("age-question"), text("age-why")],
        buttons: [
          [button(c.role === "helper" ? "age-minor-helper" : "age-minor", { type: "CHOOSE", value: "minor" })],
          [button(c.role === "helper" ? "age-was-minor-helper" : "age-was-minor", { type: "CHOOSE", value: "was-minor" })],
          [button("age-adult", { type: "CHOOSE", value: "adult" })],
          [button("age-unsure", { type: "CHOOSE", value: "unsure" })],
          backSkipRow(),
        ],
      };
    case "flow.platforms":
      return {
        parts: [text("platforms-question")],
        buttons: [
          ...rows(
            PlatformId.options.map((id) =>
              button("platform-toggle", { type: "TOGGLE", value: id }, {
                name: text(`platform-${id}`),
                checked: c.platforms.includes(id) ? "yes" : "no",
              }),
            ),
            2,
          ),
          [button("btn-done-choosing", { type: "DONE" })],
          backSkipRow(),
        ],
      };
    case "flow.country":
      return {
        parts: [text("country-question")],
        buttons: [
          ...rows(CountryId.options.map((id) => button(`country-${id}`, { type: "CHOOSE", value: id })), 2),
          backSkipRow(),
        ],
      };
    case "flow.reassurance":
      return {
        parts: [
          ...(c.role === "self" ? [text(`reassure-${c.incident ?? "other"}`)] : [text(`reassure-${c.role}`)]),
          ...(underEighteenNow(c) ? [text("reassure-minor")] : imagePath(c) === "minor" ? [text("reassure-child-images")] : []),
          text("reassure-next"),
        ],
        buttons: [
          [button("btn-continue", { type: "NEXT" })],
          // Threats from an ex or a blackmailer can turn physical: the danger screen (112 first) is one tap away.
          ...(c.incident === "sextortion" || c.incident === "stalking" || c.alsoThreat ? [[button("reassure-danger", { type: "DANGER" })]] : []),
          backRow(),
          helpRow(),
        ],
      };
    case "flow.evidence.step":
      return evidenceStep(content, c, false);
    case "flow.evidence.why":
      return evidenceStep(content, c, true);
    case "flow.takedown":
      return takedown(content, c);
    case "flow.reporting.overview":
      return reporting(content, c, "overview");
    case "flow.reporting.detail":
      return reporting(content, c, "detail");
    case "flow.reporting.laws":
      return reporting(content, c, "laws");
    case "flow.support":
      return support(content, c);
    case "flow.closing":
      return closing(content, c);
    case "crisis":
      return crisis(content, c);
    case "danger":
      return danger(content, c);
    case "child":
      return child(content);
    case "helplines":
      return helplines(content, c);
    case "report":
      return {
        parts: [text(c.evidence.length > 0 ? "report-ready" : "report-ready-empty", { count: c.evidence.length }), text("report-keep-safe")],
        buttons: [[button("btn-evidence-log", { type: "LOG" }), button("log-summary", { type: "SUMMARY" })], [button("btn-back", { type: "BACK" })], helpRow()],
      };
    case "summary":
      return {
        parts: [text("summary-intro"), caseSummary(content, c)],
        buttons: [[button("btn-evidence-log", { type: "LOG" }), button("log-report", { type: "REPORT" })], [button("btn-back", { type: "BACK" })], helpRow()],
      };
    case "privacy":
      return { parts: [text("privacy-body"), ...(counsel ? [text("privacy-talk")] : [])], buttons: [backRow()] };
    case "help":
      return { parts: [text("help-body"), ...(counsel ? [text("help-talk")] : [])], buttons: [[button("btn-menu", { type: "MENU" })], backRow()] };
    case "menu":
      return {
        parts: [text("menu-title")],
        buttons: [
          ...rows(SECTIONS.map((s) => button(`menu-${s}`, { type: "GOTO", value: s })), 2),
          [button("btn-evidence-log", { type: "LOG" }), button("log-report", { type: "REPORT" })],
          [button("btn-language", { type: "LANGUAGE" }), button("btn-helplines", { type: "HELPLINES" })],
          backRow(),
        ],
      };
    case "language":
      return {
        parts: [text("language-question")],
        buttons: [
          ...rows(LOCALES.map((l) => button(`language-${l}`, { type: "SET_LOCALE", value: l })), 2),
          backRow(),
        ],
      };
    case "forgetConfirm":
      return {
        parts: [text("forget-question")],
        buttons: [[button("forget-yes", { type: "CONFIRM_FORGET" })], [button("forget-no", { type: "BACK" })]],
      };
    case "forgotten":
      return { parts: [text("forgotten-done")], buttons: [[button("btn-start-again", { type: "RESTART" })]] };
    default:
      // Unreachable for a valid snapshot; the menu is always a safe place to land.
      return { parts: [text("menu-title")], buttons: [helpRow()] };
  }
}

export interface ScreenOptions {
  /** The counselling service, when one is connected (COUNSELLOR_CHAT_ID): adds "💬 Talk to a counsellor". */
  counsel?: CounselView | undefined;
}

export function screenFor(content: Content, view: View, options: ScreenOptions = {}): Screen {
  const body = screenBody(content, view, options.counsel);
  return { id: positionOf(view), ...withTalk(body, statePath(view.value), view.context, options.counsel) };
}
