import { parseSegmentFilters, toFilterText } from "../../src/domain/broadcast-segment";
import { createChannelCatalog } from "../../src/channels/channel-catalog";
import { fillPlaceholders, toUnknownPlaceholders } from "../../src/domain/message-template";
import { parseWibMoment } from "../../src/domain/wib-input";

describe("segment filters typed by staff", () => {
  it("takes places typed loosely as their official names and RT numbers as registrations store them", () => {
    expect(parseSegmentFilters("kel=lbk bandung, rt=022, rw=03")).toEqual({
      ok: true,
      value: { kelurahan: "Lebak Bandung", rt: "22", rw: "3" },
    });
    expect(parseSegmentFilters("kelurahan=Medan")).toMatchObject({ ok: false, reason: "badValue" });
  });

  it("reads place, role, language and channel in Indonesian words", () => {
    expect(
      parseSegmentFilters(
        "kecamatan=Telanaipura; kelurahan: Simpang IV Sipin, rt=3, peran=ketua rt, bahasa=en, kanal=wa",
        (word) => createChannelCatalog().find(word),
      ),
    ).toEqual({
      ok: true,
      value: {
        kecamatan: "Telanaipura",
        kelurahan: "Simpang IV Sipin",
        rt: "3",
        role: "rt_head",
        language: "en",
        channel: "whatsapp",
      },
    });
  });

  it("takes '-' or 'semua' for no filter", () => {
    expect(parseSegmentFilters("-")).toEqual({ ok: true, value: {} });
    expect(parseSegmentFilters("semua")).toEqual({ ok: true, value: {} });
  });

  it("refuses a channel the directory does not know", () => {
    expect(parseSegmentFilters("kanal=sms", (word) => createChannelCatalog().find(word))).toEqual({
      ok: false,
      reason: "badValue",
      field: "channel",
    });
  });

  it("names the field it does not know or whose value is wrong", () => {
    expect(parseSegmentFilters("desa=Sipin")).toEqual({ ok: false, reason: "unknownField", field: "desa" });
    expect(parseSegmentFilters("rt=tiga")).toEqual({ ok: false, reason: "badValue", field: "rt" });
  });

  it("shows filters back in one line", () => {
    expect(toFilterText({ rt: "003", kecamatan: "Telanaipura" })).toBe("kecamatan=Telanaipura, rt=003");
  });
});

describe("staff text", () => {
  it("fills {nama} and {rt}, and reports unknown placeholders", () => {
    expect(fillPlaceholders("Halo {nama} dari RT {rt}", { name: "Siti", rt: "003" })).toBe(
      "Halo Siti dari RT 003",
    );
    expect(toUnknownPlaceholders("Halo {nma}")).toEqual(["nma"]);
  });

  it("reads a send time as WIB: today if still ahead, else tomorrow; refuses a past date", () => {
    const now = new Date("2026-03-02T09:00:00+07:00");
    expect(parseWibMoment("08:30", now)).toEqual({ ok: true, value: new Date("2026-03-03T08:30:00+07:00") });
    expect(parseWibMoment("10.15", now)).toEqual({ ok: true, value: new Date("2026-03-02T10:15:00+07:00") });
    expect(parseWibMoment("01-03-2026 10:00", now)).toEqual({ ok: false, reason: "past" });
  });
});
