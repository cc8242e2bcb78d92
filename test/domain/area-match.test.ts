import { kelurahanOf, kotaJambiAreas, matchArea, toOfficialAreaName } from "../../src/domain/area-match";

const jelutung = "15.71.08";

describe("matchArea finds Kota Jambi areas typed with typos and abbreviations", () => {
  it.each([
    ["lebak bandung", "kelurahan", "Lebak Bandung"],
    ["Lebak Bandung", "kelurahan", "Lebak Bandung"],
    ["lbk bandung", "kelurahan", "Lebak Bandung"],
    ["lebak bandun", "kelurahan", "Lebak Bandung"],
    ["lebak bandung, jelutung", "kelurahan", "Lebak Bandung"],
    ["kel. payo lebar", "kelurahan", "Payo Lebar"],
    ["Kelurahan Payo Lebar", "kelurahan", "Payo Lebar"],
    ["tlanaipura", "kecamatan", "Telanaipura"],
    ["Kec. Jelutung", "kecamatan", "Jelutung"],
    ["jelutung", "kecamatan", "Jelutung"],
    ["smp 4 sipin", "kelurahan", "Simpang IV Sipin"],
    ["simpang iv sipin", "kelurahan", "Simpang IV Sipin"],
    ["simpang 3 sipin", "kelurahan", "Simpang III Sipin"],
    ["tlg bakung", "kelurahan", "Talang Bakung"],
    ["sei putri", "kelurahan", "Sungai Putri"],
    ["pal merah", "kecamatan", "Paal Merah"],
    ["paal 5", "kelurahan", "Paal Lima"],
    ["the hok", "kelurahan", "Thehok"],
    ["rawasari", "kelurahan", "Rawa Sari"],
    ["mayang", "kelurahan", "Mayang Mangurai"],
    ["kasang jaya", "kelurahan", "Kasang Jaya"],
    ["kasang", "kelurahan", "Kasang"],
    ["kenali asam", "kelurahan", "Kenali Asam"],
    ["alam barajo", "kecamatan", "Alam Barajo"],
    ["alm barajo", "kecamatan", "Alam Barajo"],
    ["danau sipin", "kecamatan", "Danau Sipin"],
    ["cempaka putih", "kelurahan", "Cempaka Putih"],
    ["cempak putih", "kelurahan", "Cempaka Putih"],
  ])("%p → %s %s", (typed, kind, name) => {
    const result = matchArea(typed);
    expect(result).toMatchObject({ type: "match", entry: { kind, name } });
  });

  it.each([
    ["payo", ["Payo Lebar", "Payo Selincah"]],
    ["handil", ["Kebun Handil", "Handil Jaya"]],
    ["kenali", ["Buluran Kenali", "Teluk Kenali", "Aur Kenali", "Kenali Asam"]],
  ])("offers the close ones for %p", (typed, names) => {
    const result = matchArea(typed);
    expect(result.type).toBe("ambiguous");
    if (result.type === "ambiguous") expect(result.candidates.map((c) => c.entry.name)).toEqual(names);
  });

  it.each(["xyz", "medan", "", "123"])("finds nothing for %p", (typed) => {
    expect(matchArea(typed)).toEqual({ type: "none" });
  });

  it("gives a lower confidence to a typo than to the exact name", () => {
    const exact = matchArea("lebak bandung");
    const typo = matchArea("lbk bandung");
    expect(exact.type === "match" && typo.type === "match" && exact.confidence > typo.confidence).toBe(true);
  });

  it("matches within one kecamatan's kelurahan, where a same-named kecamatan is not a candidate", () => {
    expect(matchArea("jelutung", kelurahanOf(jelutung))).toMatchObject({
      type: "match",
      entry: { kind: "kelurahan", name: "Jelutung" },
    });
    expect(kelurahanOf(jelutung).map((k) => k.name)).toContain("Lebak Bandung");
  });

  it("knows 11 kecamatan and 68 kelurahan", () => {
    expect(kotaJambiAreas.filter((a) => a.kind === "kecamatan")).toHaveLength(11);
    expect(kotaJambiAreas.filter((a) => a.kind === "kelurahan")).toHaveLength(68);
  });

  it("gives the official name of a loosely typed kelurahan, nothing for an unknown one", () => {
    expect(toOfficialAreaName("kelurahan", "kel. payo lebr")).toBe("Payo Lebar");
    expect(toOfficialAreaName("kelurahan", "Menteng")).toBeUndefined();
  });
});
