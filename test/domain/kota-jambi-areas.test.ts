import { getDistricts, getVillages } from "idn-area-data";
import { kecamatanList, kelurahanList } from "../../src/domain/kota-jambi-areas";

describe("the committed Kota Jambi area data", () => {
  it("is what idn-area-data has for 15.71 (regenerate with scripts/generate-areas.ts)", async () => {
    const districts = (await getDistricts()).filter((d) => d.regency_code === "15.71");
    const codes = new Set(districts.map((d) => d.code));
    const villages = (await getVillages()).filter((v) => codes.has(v.district_code));
    expect(kecamatanList).toEqual(districts.map((d) => ({ code: d.code, name: d.name })));
    expect(kelurahanList).toEqual(
      villages.map((v) => ({ code: v.code, name: v.name, kecamatan: v.district_code })),
    );
  });

  it("has the 11 kecamatan and 68 kelurahan of DOMAIN §4.2", () => {
    expect(kecamatanList).toHaveLength(11);
    expect(kelurahanList).toHaveLength(68);
    expect(kecamatanList.map((k) => k.name)).toEqual([
      "Telanaipura", "Jambi Selatan", "Jambi Timur", "Pasar Jambi", "Pelayangan", "Danau Teluk",
      "Kota Baru", "Jelutung", "Alam Barajo", "Danau Sipin", "Paal Merah",
    ]); // prettier-ignore
    const jelutung = kelurahanList.filter((k) => k.kecamatan === "15.71.08").map((k) => k.name);
    expect(jelutung).toEqual([
      "Talang Jauh", "Cempaka Putih", "Kebun Handil", "Lebak Bandung", "Payo Lebar", "Jelutung", "Handil Jaya",
    ]); // prettier-ignore
  });
});
