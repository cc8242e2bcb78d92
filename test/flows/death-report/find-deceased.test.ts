/**
 * Issue 13, point 9: finding the deceased at city scale. With 200 people named "Siti Aminah" across
 * Kota Jambi, the one in the kelurahan and RT the heir names is found (typo and all), because the
 * store is asked for that RT's residents, not for the first 50 of a city-wide name search.
 */
import { createClaimsChat, reportDeath } from "./report-helpers";

const kelurahan = [
  { kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin" },
  { kecamatan: "Jelutung", kelurahan: "Lebak Bandung" },
  { kecamatan: "Kota Baru", kelurahan: "Paal Lima" },
];

describe("finding the deceased by name within the kelurahan and RT", () => {
  it("finds the one Siti Aminah of Payo Lebar RT 5 among 200 across the city, typed with a typo", async () => {
    const { chat, people } = createClaimsChat();
    for (let i = 0; i < 200; i++) {
      const area = kelurahan[i % kelurahan.length]!;
      const rt = String((i % 9) + 1);
      await people.seed({
        _id: `siti-${i}`,
        reference: `DFT-S${String(i).padStart(5, "0")}`,
        nik: `15710245078${String(50000 + i).slice(-5)}`,
        name: "Siti Aminah",
        sex: "P",
        role: "worker",
        address: { ...area, rw: "1", rt },
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)),
      });
    }
    const wanted = await people.seed({
      _id: "siti-payo-lebar",
      reference: "DFT-PAYO05",
      nik: "1571024507859999",
      name: "Siti Aminah",
      sex: "P",
      role: "worker",
      address: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "2", rt: "5" },
    });
    await people.seed({
      _id: "siti-rahmah",
      reference: "DFT-PAYO06",
      nik: "1571024507859998",
      name: "Siti Rahmah",
      sex: "P",
      role: "worker",
      address: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "2", rt: "5" },
    });
    const claim = await reportDeath(chat, {
      deceased: "siti aminnah",
      area: "payo lebr rt 05",
      relationship: "anak",
    });
    expect(claim.deceased).toMatchObject({ personId: wanted._id, kelurahan: "Payo Lebar", rt: "5" });
    expect(claim.flags).not.toContain("deceased_not_found");
  });

  it("finds nobody rather than the wrong person when two residents of the RT fit equally", async () => {
    const { chat, people } = createClaimsChat();
    for (const [i, nik] of ["1571024507850011", "1571024507850012"].entries())
      await people.seed({
        _id: `twin-${i}`,
        reference: `DFT-TWIN0${i}`,
        nik,
        name: "Siti Aminah",
        sex: "P",
        address: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "2", rt: "5" },
      });
    const claim = await reportDeath(chat, {
      deceased: "Siti Aminah",
      area: "Payo Lebar RT 5",
      membership: "1",
    });
    expect(claim.deceased.personId).toBeUndefined();
    expect(claim.flags).toContain("deceased_not_found");
  });
});
