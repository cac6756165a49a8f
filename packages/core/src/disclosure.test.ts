import { describe, expect, it } from "vitest";
import { protectAverage, protectCount, protectRow, protectTable } from "./disclosure";

const count = (value: number) => ({ kind: "count", value });
const fewer = { kind: "fewer-than-8" };
const hidden = { kind: "hidden" };

describe("a count of people, published below national level", () => {
  it("shows 0 as it is, 1 to 7 as fewer than 8, and 8 and over to the nearest 5", () => {
    expect([0, 1, 2, 7, 8, 9, 12, 13, 15, 17, 18, 102].map(protectCount)).toEqual([
      count(0),
      fewer,
      fewer,
      fewer,
      count(10),
      count(10),
      count(10),
      count(15),
      count(15),
      count(15),
      count(20),
      count(100),
    ]);
  });

  it("refuses anything but a whole number of people", () => {
    expect(() => protectCount(-1)).toThrow(/whole number/);
    expect(() => protectCount(2.5)).toThrow(/whole number/);
  });
});

describe("an average over people", () => {
  it("is not shown over fewer than 8 people, and is over 8 or more", () => {
    expect(protectAverage(7 * 3, 7)).toEqual({ kind: "too-few" });
    expect(protectAverage(0, 0)).toEqual({ kind: "too-few" });
    expect(protectAverage(8 * 2.5, 8)).toEqual({ kind: "average", value: 2.5, people: count(10) });
  });
});

describe("counts beside a published total", () => {
  it("hides a second count wherever one hidden count could be worked out from the total", () => {
    // 3 alone would be the total (48, shown as 50) less 20 and 25: so the smallest other goes too.
    expect(protectRow([3, 20, 25])).toEqual([fewer, hidden, count(25)]);
  });

  it("leaves a row alone when two counts are hidden already, or none is", () => {
    expect(protectRow([3, 5, 40])).toEqual([fewer, fewer, count(40)]);
    expect(protectRow([0, 8, 40])).toEqual([count(0), count(10), count(40)]);
  });

  it("never hides a zero in the second place, since it hides nothing", () => {
    expect(protectRow([4, 0, 30])).toEqual([fewer, count(0), hidden]);
  });

  it("follows the hiding across rows and columns until no line has a lone hidden count", () => {
    // Site A's 2 is fewer than 8, so A's 30 goes too; then the first two columns each have a lone
    // hidden count, so site B's 60 and 40 go, and B's row has two hidden already.
    const table = protectTable([
      [2, 30, 50],
      [60, 40, 70],
    ]);
    expect(table).toEqual([
      [fewer, hidden, count(50)],
      [hidden, hidden, count(70)],
    ]);
    for (const line of [...table, ...[0, 1, 2].map((c) => table.map((row) => row[c]))]) {
      expect(line.filter((cell) => cell?.kind !== "count").length).not.toBe(1);
    }
  });
});
