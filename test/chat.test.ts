import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** `npm run chat` as a person at a terminal would use it: numbers for buttons, words, commands. */
function chat(lines: string[], args: string[] = []) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/chat.ts", ...args], {
    input: `${lines.join("\n")}\n`,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("the terminal playground", () => {
  it("runs with no token and no services and walks from welcome to the first evidence step", () => {
    const run = chat(["1", "1", "2", "2", "1", "11", "1", "1"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("not your fault");
    expect(run.stdout).toContain("[1] Let's begin");
    expect(run.stdout).toContain("Step 1 of");
  });

  it("answers a crisis message with crisis numbers", () => {
    const run = chat(["I want to die"]);
    expect(run.stdout).toContain("14416");
    expect(run.stdout).toContain("112");
  });

  it("speaks Hindi with --lang hi, and /helplines works", () => {
    const run = chat(["/helplines"], ["--lang", "hi"]);
    expect(run.stdout).toMatch(/[\u0900-\u097F]{4}/);
    expect(run.stdout).toContain("1930");
  });

  it("/exit clears the screen and the session", () => {
    const run = chat(["1", "/exit", "/start"]);
    expect(run.stdout).toContain("\x1b[2J");
    expect(run.stdout.split("Let's begin").length).toBeGreaterThanOrEqual(3);
  });

  it("/talk and /as-counsellor let an editor walk the counsellor hand-off both ways", () => {
    const run = chat(["/talk", "1", "he is threatening me", "/as-counsellor Hello, I am here with you.", "/as-counsellor /end"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\[counsellors · Case [2-9A-HJKMNP-TV-Z]{6}\] 💬 New case/);
    expect(run.stdout).toContain("(her message) he is threatening me");
    expect(run.stdout).toContain("(counsellor) Hello, I am here with you.");
    expect(run.stdout).toMatch(/conversation has ended/i);
  });

  it("/as-counsellor with no case open says so", () => {
    const run = chat(["/as-counsellor hello"]);
    expect(run.stdout).toContain("no case is open");
  });

  it("checks COUNSELLOR_* as npm start does: a wrong one is one line and exit 2, a good one is what /talk shows", () => {
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/chat.ts"], { input: "/talk\n", env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...extra }, encoding: "utf8", timeout: 30_000 });
    const wrong = run({ COUNSELLOR_TZ: "IST" });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim()).toMatch(/^not-your-fault: COUNSELLOR_TZ: .*IANA/);
    const good = run({ COUNSELLOR_ORG: "Sakhi", COUNSELLOR_HOURS: "Mon-Sat  09:00-18:00" });
    expect(good.stdout).toContain("Sakhi");
    expect(good.stdout).toContain("Mon-Sat 09:00-18:00");
  });
});
