import { describe, expect, it } from "vitest";
import { isOpenAt, isTimeZone, parseOfficeHours, wallClock } from "../../src/conversation/office-hours.js";

const at = (iso: string) => new Date(iso);
const spansOf = (text: string) => {
  const hours = parseOfficeHours(text);
  return hours.always ? "always" : hours.spans;
};
const open = (hours: string, timeZone: string, iso: string) => isOpenAt(parseOfficeHours(hours), timeZone, at(iso));

describe("parseOfficeHours", () => {
  it("reads a day range and a time range", () => {
    expect(parseOfficeHours("Mon-Sat 09:00-18:00")).toEqual({ always: false, spans: [{ days: [1, 2, 3, 4, 5, 6], start: 540, end: 1080 }] });
  });

  it("reads single days, comma-separated parts, full day names, dashes and any case", () => {
    expect(parseOfficeHours("Mon-Fri 09:00-18:00, Sat 10:00-14:00")).toEqual({
      always: false,
      spans: [
        { days: [1, 2, 3, 4, 5], start: 540, end: 1080 },
        { days: [6], start: 600, end: 840 },
      ],
    });
    expect(parseOfficeHours("monday – FRIDAY 9:30–17:00; sunday 10:00-12:00")).toEqual({
      always: false,
      spans: [
        { days: [1, 2, 3, 4, 5], start: 570, end: 1020 },
        { days: [0], start: 600, end: 720 },
      ],
    });
  });

  it("lets days without a time take the next part's time", () => {
    expect(parseOfficeHours("Mon, Wed, Fri 10:00-12:00")).toEqual({ always: false, spans: [{ days: [1, 3, 5], start: 600, end: 720 }] });
  });

  it("wraps a day range over the weekend, and a time alone or Daily means every day", () => {
    expect(spansOf("Fri-Mon 10:00-16:00")).toEqual([{ days: [0, 1, 5, 6], start: 600, end: 960 }]);
    expect(spansOf("08:00-20:00")).toEqual([{ days: [0, 1, 2, 3, 4, 5, 6], start: 480, end: 1200 }]);
    expect(parseOfficeHours("Daily 08:00-20:00")).toEqual(parseOfficeHours("08:00-20:00"));
  });

  it("keeps an overnight range as it is: it ends the next day", () => {
    expect(spansOf("Mon-Sun 20:00-02:00")).toEqual([{ days: [0, 1, 2, 3, 4, 5, 6], start: 1200, end: 120 }]);
    expect(spansOf("Sat 00:00-24:00")).toEqual([{ days: [6], start: 0, end: 1440 }]);
  });

  it.each(["24/7", "always", " Always ", "24 / 7"])("reads %j as always open", (text) => {
    expect(parseOfficeHours(text)).toEqual({ always: true });
  });

  it.each([
    ["", /empty/],
    ["Mon-Sat", /no time/],
    ["9-18", /not days and a time range/],
    ["Mon-Sat 9am-6pm", /not days and a time range/],
    ["Mon-Sat 09:00-25:00", /"25:00" .* is not a time/],
    ["Mon-Sat 09:60-18:00", /"09:60" .* is not a time/],
    ["Mon 24:00-02:00", /"24:00" .* is not a time/],
    ["Funday 09:00-10:00", /"Funday" is not a day/],
    ["Mon-Tue-Wed 09:00-10:00", /not days and a time range|not a day/],
    ["Mon 10:00-10:00", /same time.*00:00-24:00/],
    ["Mon-Fri 09:00-18:00,", /not days and a time range/],
    ["Mon-Fri 09:00-18:00, Sat", /ends with days but no time/],
  ])("refuses %j with a clear message", (text, message) => {
    expect(() => parseOfficeHours(text)).toThrow(message);
  });
});

describe("isOpenAt", () => {
  it("no hours set (or 24/7) means always open", () => {
    expect(isOpenAt(undefined, "Asia/Kolkata", at("2026-03-15T20:00:00Z"))).toBe(true);
    expect(open("24/7", "Asia/Kolkata", "2026-03-15T20:00:00Z")).toBe(true);
  });

  it("reads the clock in Asia/Kolkata (UTC+5:30), to the minute", () => {
    const hours = "Mon-Sat 09:00-18:00";
    // Monday 16 March 2026.
    expect(open(hours, "Asia/Kolkata", "2026-03-16T03:29:00Z")).toBe(false); // 08:59 IST
    expect(open(hours, "Asia/Kolkata", "2026-03-16T03:30:00Z")).toBe(true); // 09:00 IST
    expect(open(hours, "Asia/Kolkata", "2026-03-16T12:29:00Z")).toBe(true); // 17:59 IST
    expect(open(hours, "Asia/Kolkata", "2026-03-16T12:30:00Z")).toBe(false); // 18:00 IST: the end is exclusive
    // Sunday 15 March, midday in India: closed. Saturday 21:00 UTC is already Sunday 02:30 in India.
    expect(open(hours, "Asia/Kolkata", "2026-03-15T06:30:00Z")).toBe(false);
    expect(open(hours, "Asia/Kolkata", "2026-03-21T05:00:00Z")).toBe(true); // Saturday 10:30 IST
    // The same instant is open in Kolkata and closed in London (06:30 GMT).
    expect(open(hours, "Europe/London", "2026-03-16T06:30:00Z")).toBe(false);
    expect(open(hours, "Asia/Kolkata", "2026-03-16T06:30:00Z")).toBe(true);
  });

  it("several parts: weekdays long, Saturday short, Sunday closed", () => {
    const hours = "Mon-Fri 09:00-18:00, Sat 10:00-14:00";
    expect(open(hours, "Asia/Kolkata", "2026-03-20T11:30:00Z")).toBe(true); // Friday 17:00
    expect(open(hours, "Asia/Kolkata", "2026-03-21T03:30:00Z")).toBe(false); // Saturday 09:00
    expect(open(hours, "Asia/Kolkata", "2026-03-21T04:30:00Z")).toBe(true); // Saturday 10:00
    expect(open(hours, "Asia/Kolkata", "2026-03-21T08:30:00Z")).toBe(false); // Saturday 14:00
    expect(open(hours, "Asia/Kolkata", "2026-03-22T06:30:00Z")).toBe(false); // Sunday 12:00
  });

  it("an overnight range belongs to the day it starts", () => {
    const hours = "Fri 20:00-02:00";
    expect(open(hours, "Asia/Kolkata", "2026-03-20T14:29:00Z")).toBe(false); // Friday 19:59
    expect(open(hours, "Asia/Kolkata", "2026-03-20T14:30:00Z")).toBe(true); // Friday 20:00
    expect(open(hours, "Asia/Kolkata", "2026-03-20T18:30:00Z")).toBe(true); // Saturday 00:00
    expect(open(hours, "Asia/Kolkata", "2026-03-20T20:29:00Z")).toBe(true); // Saturday 01:59
    expect(open(hours, "Asia/Kolkata", "2026-03-20T20:30:00Z")).toBe(false); // Saturday 02:00
    expect(open(hours, "Asia/Kolkata", "2026-03-21T14:30:00Z")).toBe(false); // Saturday 20:00: only Friday's night
    expect(open(hours, "Asia/Kolkata", "2026-03-19T20:00:00Z")).toBe(false); // Friday 01:30: Thursday's night is not open
    // Every night: Monday 01:00 belongs to Sunday's night.
    expect(open("Mon-Sun 20:00-02:00", "Asia/Kolkata", "2026-03-15T19:30:00Z")).toBe(true);
    expect(open("Mon-Sun 20:00-02:00", "Asia/Kolkata", "2026-03-16T06:30:00Z")).toBe(false);
    // Until midnight, written as 00:00.
    expect(open("Sat 20:00-00:00", "Asia/Kolkata", "2026-03-21T18:29:00Z")).toBe(true); // Saturday 23:59
    expect(open("Sat 20:00-00:00", "Asia/Kolkata", "2026-03-21T18:30:00Z")).toBe(false); // Sunday 00:00
  });

  it("Europe/London: the hours follow the wall clock across the change to summer time", () => {
    const hours = "Mon-Fri 09:00-17:00";
    // Friday 27 March 2026, GMT (UTC+0).
    expect(open(hours, "Europe/London", "2026-03-27T08:59:00Z")).toBe(false);
    expect(open(hours, "Europe/London", "2026-03-27T09:00:00Z")).toBe(true);
    expect(open(hours, "Europe/London", "2026-03-27T16:59:00Z")).toBe(true);
    // Clocks go forward on Sunday 29 March. Monday 30 March is BST (UTC+1): 09:00 is 08:00 UTC.
    expect(open(hours, "Europe/London", "2026-03-30T07:59:00Z")).toBe(false);
    expect(open(hours, "Europe/London", "2026-03-30T08:00:00Z")).toBe(true);
    expect(open(hours, "Europe/London", "2026-03-30T15:59:00Z")).toBe(true);
    expect(open(hours, "Europe/London", "2026-03-30T16:00:00Z")).toBe(false);
    // And back on Sunday 25 October: Monday 26 October is GMT again.
    expect(open(hours, "Europe/London", "2026-10-26T08:30:00Z")).toBe(false);
    expect(open(hours, "Europe/London", "2026-10-26T09:00:00Z")).toBe(true);
  });

  it("Europe/London: an overnight range across the night the clocks go forward", () => {
    const hours = "Sat 22:00-03:00";
    expect(open(hours, "Europe/London", "2026-03-28T22:00:00Z")).toBe(true); // Saturday 22:00 GMT
    expect(open(hours, "Europe/London", "2026-03-29T00:30:00Z")).toBe(true); // Sunday 00:30 GMT
    expect(open(hours, "Europe/London", "2026-03-29T01:30:00Z")).toBe(true); // Sunday 02:30 BST (01:00 GMT became 02:00 BST)
    expect(open(hours, "Europe/London", "2026-03-29T02:00:00Z")).toBe(false); // Sunday 03:00 BST
  });
});

describe("time zones", () => {
  it("knows real IANA zones and refuses made-up ones", () => {
    for (const zone of ["Asia/Kolkata", "Europe/London", "America/New_York", "UTC", "Asia/Dhaka"]) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["Mars/Olympus", "IST+5:30", "IST", "EST", "PST8PDT", "", " "]) expect(isTimeZone(zone)).toBe(false);
  });

  it("reads the wall clock at midnight as 00:00, not 24:00", () => {
    expect(wallClock("Asia/Kolkata", at("2026-03-15T18:30:00Z"))).toEqual({ day: 1, minutes: 0 });
    expect(wallClock("UTC", at("2026-03-16T23:59:00Z"))).toEqual({ day: 1, minutes: 23 * 60 + 59 });
  });
});
