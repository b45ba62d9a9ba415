import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import * as z from "zod/mini";
import "../zod-messages.js";
import {
  Content,
  Country,
  CountryId,
  ChildReport,
  CrisisTerms,
  EvidenceStep,
  Helpline,
  Incident,
  IncidentId,
  Law,
  Platform,
  PlatformId,
  Route,
  TakedownExtras,
} from "./schema.js";

/** Thrown when flows/ data is wrong; the message names the file and the field at fault. */
export class ContentError extends Error {
  override name = "ContentError";
}

/** Which file holds which part of the content, and its shape. */
const files = {
  "incidents.yaml": z.object({ incidents: z.array(Incident) }),
  "evidence.yaml": z.object({ evidence: z.array(EvidenceStep) }),
  "platforms.yaml": z.object({ platforms: z.array(Platform), takedownExtras: TakedownExtras, childReport: ChildReport }),
  "routes.yaml": z.object({ routes: z.array(Route) }),
  "helplines.yaml": z.object({ helplines: z.array(Helpline) }),
  "countries.yaml": z.object({ countries: z.array(Country) }),
  "laws.yaml": z.object({ laws: z.array(Law) }),
  "crisis-terms.yaml": z.object({ crisis: CrisisTerms }),
} as const;

function readFile(dir: string, name: keyof typeof files): unknown {
  const path = join(dir, name);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ContentError(`${path}: cannot be read (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ContentError(`${path}: is not valid YAML (${(error as Error).message})`);
  }
  const result = files[name].safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ContentError(`${path}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

/** Loads and validates every file in `flows/`, then checks that every reference resolves. */
export function loadContent(dir: string): Content {
  const merged: Record<string, unknown> = {};
  for (const name of Object.keys(files) as (keyof typeof files)[]) {
    Object.assign(merged, readFile(dir, name));
  }
  const parsed = Content.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(`${dir}: ${issue.path.join(".")}: ${issue.message}`);
  }
  checkReferences(parsed.data);
  return parsed.data;
}

function duplicates(ids: string[]): string[] {
  return ids.filter((x, i) => ids.indexOf(x) !== i);
}

/** Cross-file checks zod cannot express: ids exist, nothing is missing, children stay safe. */
export function checkReferences(content: Content): void {
  const fail = (file: string, message: string): never => {
    throw new ContentError(`flows/${file}: ${message}`);
  };
  const routeIds = new Set(content.routes.map((r) => r.id));
  const lineIds = new Set(content.helplines.map((h) => h.id));
  const lawIds = new Set(content.laws.map((l) => l.id));

  for (const [file, ids] of [
    ["routes.yaml", content.routes.map((r) => r.id)],
    ["helplines.yaml", content.helplines.map((h) => h.id)],
    ["laws.yaml", content.laws.map((l) => l.id)],
    ["evidence.yaml", content.evidence.map((e) => e.id)],
  ] as const) {
    const dup = duplicates([...ids]);
    if (dup.length) fail(file, `duplicate id ${dup[0]}`);
  }

  for (const incident of IncidentId.options) {
    const found = content.incidents.find((i) => i.id === incident);
    if (!found) fail("incidents.yaml", `incident ${incident} is missing`);
    for (const law of found!.laws) if (!lawIds.has(law)) fail("incidents.yaml", `${incident}.laws: unknown law ${law}`);
    for (const age of ["adult", "minor"] as const) {
      const steps = content.evidence.filter((e) => e.incidents.includes(incident) && e.ages.includes(age));
      if (steps.length === 0) fail("evidence.yaml", `no evidence step for ${incident} (${age})`);
    }
  }
  for (const step of content.evidence) {
    // A child must never be asked to capture or keep the image itself (IT Act s.67B).
    if (step.capturesImage && step.ages.includes("minor")) {
      fail("evidence.yaml", `${step.id}: a step that captures the image must not be shown to under-18s`);
    }
    if (step.logs === "file" && step.ages.includes("minor")) {
      fail("evidence.yaml", `${step.id}: a step that asks for a file must not be shown to under-18s`);
    }
  }
  for (const platform of PlatformId.options) {
    const found = content.platforms.find((p) => p.id === platform);
    if (!found) fail("platforms.yaml", `platform ${platform} is missing`);
    for (const r of found!.routes) if (!routeIds.has(r)) fail("platforms.yaml", `${platform}.routes: unknown route ${r}`);
  }
  for (const r of [...content.takedownExtras.adult, ...content.takedownExtras.minor]) {
    if (!routeIds.has(r)) fail("platforms.yaml", `takedownExtras: unknown route ${r}`);
  }
  for (const r of content.childReport.routes) if (!routeIds.has(r)) fail("platforms.yaml", `childReport.routes: unknown route ${r}`);
  for (const l of content.childReport.lines) if (!lineIds.has(l)) fail("platforms.yaml", `childReport.lines: unknown line ${l}`);
  for (const country of CountryId.options) {
    const found = content.countries.find((c) => c.id === country);
    if (!found) fail("countries.yaml", `country ${country} is missing`);
    for (const key of ["emergency", "crisis", "danger", "support"] as const) {
      for (const l of found![key]) if (!lineIds.has(l)) fail("countries.yaml", `${country}.${key}: unknown line ${l}`);
    }
    for (const r of found!.reporting) if (!routeIds.has(r)) fail("countries.yaml", `${country}.reporting: unknown route ${r}`);
  }
}
