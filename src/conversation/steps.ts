import type { AgeGroup, Content, CountryId, EvidenceStep, IncidentId, Law, PlatformId, Route } from "../content/schema.js";

/**
 * What the person has told us, reduced to what picks their steps and routes. Pure lookups over
 * flows/ data, shared by the machine (to count steps) and the screens (to show them).
 */
export interface Situation {
  incident: IncidentId | undefined;
  age: AgeGroup | "unknown";
  platforms: readonly PlatformId[];
  country: CountryId;
}

/** An unknown age gets the adult steps; screens add a caution to any step that keeps the image. */
function ageGroup(situation: Situation): AgeGroup {
  return situation.age === "minor" ? "minor" : "adult";
}

export function evidenceSteps(content: Content, situation: Situation): EvidenceStep[] {
  const incident = situation.incident ?? "other";
  const age = ageGroup(situation);
  return content.evidence.filter((s) => s.incidents.includes(incident) && s.ages.includes(age));
}

/** Takedown routes for the chosen platforms (in the order chosen), then the age-specific extras. */
export function takedownRoutes(content: Content, situation: Situation): Route[] {
  const chosen: readonly PlatformId[] = situation.platforms.length > 0 ? situation.platforms : ["other"];
  const ids: string[] = [];
  for (const platform of chosen) {
    const entry = content.platforms.find((p) => p.id === platform);
    for (const id of entry?.routes ?? []) if (!ids.includes(id)) ids.push(id);
  }
  for (const id of content.takedownExtras[ageGroup(situation)]) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => content.routes.find((r) => r.id === id)).filter((r): r is Route => r !== undefined);
}

export function countryOf(content: Content, id: CountryId) {
  // The loader guarantees every CountryId is present; "other" is the safe fallback.
  return content.countries.find((c) => c.id === id) ?? content.countries.find((c) => c.id === "other")!;
}

export function reportingRoutes(content: Content, situation: Situation): Route[] {
  return countryOf(content, situation.country)
    .reporting.map((id) => content.routes.find((r) => r.id === id))
    .filter((r): r is Route => r !== undefined);
}

/** Laws that apply to this incident in this country (India only for now). */
export function applicableLaws(content: Content, situation: Situation): Law[] {
  const incident = content.incidents.find((i) => i.id === (situation.incident ?? "other"));
  return (incident?.laws ?? [])
    .map((id) => content.laws.find((l) => l.id === id))
    .filter((l): l is Law => l !== undefined && l.country === situation.country && l.ages.includes(ageGroup(situation)));
}
