import { readOpening } from "../../../src/flows/death-report/opening";

const now = new Date("2026-03-02T09:00:00+07:00");

describe("what an heir's first message already says", () => {
  it.each([
    ["suami sy meninggal kemarin", { relationship: "spouse", deathDate: "2026-03-01" }],
    ["bapak sy meninggal dunia kmrn", { relationship: "child", deathDate: "2026-03-01" }],
    ["istri saya wafat tgl 27 feb", { relationship: "spouse", deathDate: "2026-02-27" }],
    ["ibuku meninggal hari ini", { relationship: "child", deathDate: "2026-03-02" }],
  ])("reads %s", (said, expected) => expect(readOpening(said, now)).toEqual(expected));

  it("takes nothing from a message about someone else's family or no death", () => {
    expect(readOpening("warga sy ada yg meninggal", now)).toEqual({});
    expect(readOpening("suaminya meninggal kemarin", now)).toEqual({ deathDate: "2026-03-01" });
    expect(readOpening("suami sy mau daftar", now)).toEqual({});
  });
});
