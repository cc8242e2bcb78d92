import { createTestChat } from "../support/test-chat";
import { seedCity } from "../support/report-seed";

describe("Rekap in the staff menu", () => {
  it("shows coverage, the APBD projection and claims per stage from the same figures as the report CLI", async () => {
    const { store } = await seedCity();
    const chat = createTestChat({ store, isStaff: true });
    await chat.says("petugas");
    await chat.says("rekap");
    await chat.says("cakupan");
    const coverage = chat.texts()[0] ?? "";
    expect(coverage).toContain("Terdaftar: 8 (aktif 4, menunggu 2, lainnya 2)");
    expect(coverage).toContain("Ketua RT: 2 dari 1650 RT (0.1%), jumlah RT belum dikonfirmasi");
    expect(coverage).toContain("• Jelutung: 2 / 5");
    await chat.says("apbd");
    expect(chat.texts()[0]).toMatch(/6\.966 anggota × Rp\s16\.800 × 12 = Rp\s1\.404\.345\.600/);
    expect(chat.texts()[0]).toMatch(/3 anggota = Rp\s604\.800/);
    await chat.says("klaim");
    expect(chat.texts()[0]).toContain("• DIPROSES_BPJS: 1 (rata-rata 3 hari)");
    const audit = await chat.app.services.audit.list({ target: "report:budget" });
    expect(audit).toHaveLength(1);
  });

  it("is not offered to citizens", async () => {
    const chat = createTestChat();
    await chat.says("rekap");
    expect(chat.keys()).not.toContain("staffReports:pick.prompt");
  });
});
