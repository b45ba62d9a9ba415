import { describe, it } from "vitest";
import { checkFlow } from "../../bench/conversations-flow.check.js";

/**
 * The benchmark compares this bot with the same flow on @grammyjs/conversations; that comparison
 * only means something while the two show the same screens. Kept in `npm test` so a change to the
 * flow can't leave the benchmark measuring something else.
 */
describe("the @grammyjs/conversations version used by the benchmark", () => {
  it("shows, update for update, exactly the screens this bot shows (50 deep, overlays, the whole flow, Hindi)", async () => {
    await checkFlow("fetch");
  }, 60_000);
});
