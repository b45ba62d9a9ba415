import type { AgeGroup, Content, CountryId, EvidenceStep, IncidentId, Law, PlatformId, Route } from "../content/schema.js";
import type { ImageAge, Role, Woman } from "./machine.js";

/**
 * What the person has told us, reduced to what picks their steps and routes. Pure lookups over
 * flows/ data, shared by the machine (to count steps) and the screens (to show them).
 */
export interface Situation {
  role: Role;
  incident: IncidentId | undefined;
  /** "Is anyone also asking you for money or threatening you?": the blackmail steps and laws join in. */
  alsoThreat: boolean;
  /** Asked only where a law protects women only: cited only on "yes". */
  woman: Woman;
  age: ImageAge;
  platforms: readonly PlatformId[];
  country: CountryId;
}

/**
 * Which path the images take. Only "everyone in them was 18 or older" is the adult path: "not sure",
 * a skipped question, and images taken under 18 of someone who is an adult now all take the
 * under-18 path, because keeping or sending a child's image can itself be an offence (IT Act 67B,
 * POCSO s.15). Nobody on that path is asked to screenshot, save or forward the image.
 */
export function imagePath(situation: Pick<Situation, "age">): AgeGroup {
  return situation.age === "adult" ? "adult" : "minor";
}

/** Under 18 now (or, for a helper, the person they help is): Childline, school and parent words. */
export function underEighteenNow(situation: Pick<Situation, "age">): boolean {
  return situation.age === "minor";
}

/** Whether steps may ask to keep the image itself: only the person it happened to, on the adult path. */
export function keepsImages(situation: Pick<Situation, "age" | "role">): boolean {
  return imagePath(situation) === "adult" && situation.role === "self";
}

/** The incidents whose steps and laws apply: the one chosen, plus blackmail when that is happening too. */
function incidentsOf(situation: Pick<Situation, "incident" | "alsoThreat">): IncidentId[] {
  const chosen = situation.incident ?? "other";
  return situation.alsoThreat && chosen !== "sextortion" ? [chosen, "sextortion"] : [chosen];
}

export function evidenceSteps(content: Content, situation: Situation): EvidenceStep[] {
  const incidents = incidentsOf(situation);
  // Someone helping, or a bystander, never keeps another person's images: they get the no-image steps.
  const age: AgeGroup = keepsImages(situation) ? "adult" : "minor";
  const child = underEighteenNow(situation) && situation.role === "self";
  return content.evidence.filter((s) => s.incidents.some((i) => incidents.includes(i)) && s.ages.includes(age) && (child || !s.under18Now));
}

/** Takedown routes for the chosen platforms (in the order chosen), then the age-specific extras. */
export function takedownRoutes(content: Content, situation: Situation): Route[] {
  const chosen: readonly PlatformId[] = situation.platforms.length > 0 ? situation.platforms : ["other"];
  const ids: string[] = [];
  for (const platform of chosen) {
    const entry = content.platforms.find((p) => p.id === platform);
    for (const id of entry?.routes ?? []) if (!ids.includes(id)) ids.push(id);
  }
  // Hash-blocking needs the image on the person's own device: not for someone who only came across it.
  const extras = situation.role === "bystander" ? [] : content.takedownExtras[imagePath(situation)];
  for (const id of extras) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => content.routes.find((r) => r.id === id)).filter((r): r is Route => r !== undefined);
}

export function countryOf(content: Content, id: CountryId) {
  // The loader guarantees every CountryId is present; "other" is the safe fallback.
  return content.countries.find((c) => c.id === id) ?? content.countries.find((c) => c.id === "other")!;
}

export function reportingRoutes(content: Content, situation: Situation): Route[] {
  const routes = countryOf(content, situation.country)
    .reporting.map((id) => content.routes.find((r) => r.id === id))
    .filter((r): r is Route => r !== undefined);
  // If a child may be in the images, the routes made for that come first (a stable sort keeps the rest in order).
  return imagePath(situation) === "minor" ? [...routes].sort((a, b) => Number(b.childImages) - Number(a.childImages)) : routes;
}

/** Whether a law that protects women only could apply here, so that asking "are you a woman?" matters. */
export function asksWoman(content: Content, situation: Situation): boolean {
  return lawsFor(content, situation).some((l) => l.forWomen);
}

function lawsFor(content: Content, situation: Situation): Law[] {
  const ids: string[] = [];
  for (const id of incidentsOf(situation)) {
    for (const law of content.incidents.find((i) => i.id === id)?.laws ?? []) if (!ids.includes(law)) ids.push(law);
  }
  return ids
    .map((id) => content.laws.find((l) => l.id === id))
    .filter((l): l is Law => l !== undefined && l.country === situation.country && l.ages.includes(imagePath(situation)));
}

/** Laws that apply to this incident in this country (India only for now); women-only sections only for a woman. */
export function applicableLaws(content: Content, situation: Situation): Law[] {
  return lawsFor(content, situation).filter((l) => !l.forWomen || situation.woman === "yes");
}
