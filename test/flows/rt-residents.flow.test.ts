import { createTestChat } from "../support/test-chat";
import { registerResident, registerRtHead } from "../support/registration-script";

describe("warga saya (RT head)", () => {
  it("lists the residents an RT head registered, NIK masked, with what is missing and who is not yet covered", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    const { people, vault } = chat.app.services;
    const head = await people.findByNikHash(vault.hash("1571080703800001"));
    await people.update(head?._id ?? "", { status: "active" }, new Date());
    const resident = (name: string, nik: string, phone: string) =>
      registerResident(chat, { name, nik, phone });
    const siti = await resident("Siti Aminah", "1571 0845 1290 0002", "0813 1111 2222");
    const rudi = await resident("Rudi Hartono", "1571 0805 0591 0003", "0813 3333 4444");
    const dewi = await resident("Dewi Lestari", "1571 0846 0685 0004", "0813 5555 6666");
    const byRef = async (reference: string) => (await people.findByReference(reference))?._id ?? "";
    await people.update(await byRef(siti), { status: "active", kpj: vault.seal("25012345678") }, new Date());
    await people.update(await byRef(rudi), { status: "rejected", reviewNote: "Foto KTP buram" }, new Date());
    await chat.says("menu");
    await chat.says("warga saya");
    expect(chat.keys()).toEqual(["rtResidents:summary", "rtResidents:list", "rtResidents:prompt"]);
    // One message: the summary, then the list.
    const text = chat.texts().join("\n");
    expect(text).toContain("Warga RT 22/RW 3 Kel. Lebak Bandung");
    expect(text).toContain("3 orang");
    expect(text).toContain("terlindungi: 1 · ⏳ belum terlindungi: 2");
    expect(text).toContain(`Dewi Lestari (1571********0004): ⏳ menunggu verifikasi petugas (${dewi})`);
    expect(text).toContain("Rudi Hartono (1571********0003): ❌ ditolak: Foto KTP buram");
    expect(text).toContain("Siti Aminah (1571********0002): ✅ aktif, KPJ tercatat");
    expect(text).not.toMatch(/1571\d{12}/);
  });

  it("is offered in Data saya to RT heads only, and explains itself to anyone else", async () => {
    const head = createTestChat();
    await registerRtHead(head);
    await head.says("menu");
    await head.says("data saya");
    expect(head.texts().join("\n")).toContain("Warga saya (Ketua RT)");
    await head.says("warga saya");
    expect(head.keys()).toEqual(["rtResidents:none", "rtResidents:prompt"]);

    const worker = createTestChat();
    await worker.says("warga saya");
    expect(worker.keys().slice(-2)).toEqual(["rtResidents:notHead", "rtResidents:prompt"]);
  });
});
