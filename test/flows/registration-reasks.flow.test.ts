import { createTestChat, type TestChat } from "../support/test-chat";
import { answerUpToSummary, headNik } from "../support/registration-script";

async function atStep(lines: string[]): Promise<TestChat> {
  const chat = createTestChat();
  for (const line of lines) await chat.says(line);
  return chat;
}
const toIdentity = ["daftar", "ya"];
const toNik = [...toIdentity, "Budi Santoso"];
const toPhone = [...toIdentity, `Budi Santoso ${headNik}`];
const toArea = [...toPhone, "0812 3456 7890"];
const toIncome = [...toArea, "lebak bandung 22/3", "pedagang"];

describe("registration re-asks with the reason, keeping earlier answers", () => {
  it.each([
    ["NaN as a name", toIdentity, "NaN", "registration:name.notName"],
    ["undefined as a name", toIdentity, "undefined", "registration:name.notName"],
    [
      "zalgo text as a name",
      toIdentity,
      "B\u0336u\u0337d\u0338i\u0335 Santoso",
      "registration:name.badCharacters",
    ],
    ["a too short name", toIdentity, "B", "registration:name.tooShort"],
    ["RT 999 / RW 999", [...toArea, "lebak bandung"], "RT 999 RW 999", "registration:rtRw.rtOutOfRange"],
    ["RW 51", [...toArea, "lebak bandung"], "022/051", "registration:rtRw.rwOutOfRange"],
    ["a NIK with letters", toNik, "1571O807038OOOO1", "registration:nik.notDigits"],
    ["a NIK of 15 digits", toNik, "1571 0807 0380 001", "registration:nik.tooShort"],
    ["a NIK of 17 digits", toNik, "15710807038000011", "registration:nik.tooLong"],
    ["an unknown province", toNik, "9971080703800001", "registration:nik.unknownProvince"],
    ["an impossible day", toNik, "1571083503800001", "registration:nik.invalidDay"],
    ["an impossible month", toNik, "1571080713800001", "registration:nik.invalidMonth"],
    ["31 April", toNik, "1571083104800001", "registration:nik.invalidDate"],
    ["serial 0000", toNik, "1571080703800000", "registration:nik.zeroSerial"],
    ["a landline", toPhone, "0741 123456", "registration:phone.notMobile"],
    ["a bad phone", toPhone, "12345", "registration:phone.invalid"],
    ["no phone for oneself", toPhone, "tidak ada", "registration:phone.needed"],
    ["a bad income", toIncome, "banyak sekali", "registration:income.notAmount"],
    ["a tiny income", toIncome, "50", "registration:income.tooSmall"],
  ])("re-asks for %s", async (_what, before, answer, key) => {
    const chat = await atStep(before);
    const step = (await chat.session())?.flow?.step;
    await chat.says(answer);
    expect(chat.replies()[0]).toHaveKey(key);
    expect((await chat.session())?.flow?.step).toBe(step);
  });

  it("keeps a good name when the NIK typed with it is wrong, and asks only for the NIK", async () => {
    const chat = await atStep(toIdentity);
    await chat.says("Budi Santoso 1571 0807 0380 001");
    expect(chat.keys()).toEqual(["registration:nik.tooShort", "registration:nik.prompt"]);
    expect(chat.texts()[0]).toContain("yang Anda tulis 15 angka");
    expect((await chat.session())?.flow?.data).toMatchObject({ name: "Budi Santoso" });
    await chat.says(headNik);
    expect(chat.lastReply()).toHaveKey("registration:phone.prompt");
  });

  it("keeps a good NIK when the name typed with it is wrong, and asks only for the name", async () => {
    const chat = await atStep(toIdentity);
    await chat.says(`?? ${headNik}`);
    expect(chat.keys()).toEqual(["registration:name.notName", "registration:name.prompt"]);
    await chat.says("Budi Santoso");
    expect(chat.lastReply()).toHaveKey("registration:phone.prompt");
  });

  it("tells the highest RT number of the city", async () => {
    const chat = await atStep([...toArea, "lebak bandung"]);
    await chat.says("RT 999 RW 999");
    expect(chat.texts()[0]).toContain("antara 1 dan 99");
  });

  it("asks for the RW when only the RT is given", async () => {
    const chat = await atStep([...toArea, "lebak bandung"]);
    await chat.says("RT 22");
    expect(chat.replies()[0]).toHaveKey("registration:rtRw.missingRw");
    await chat.says("RT 22 RW 3");
    expect(chat.lastReply()).toHaveKey("registration:occupation.prompt");
  });

  it("offers numbered choices for an ambiguous kelurahan and takes the pick", async () => {
    const chat = await atStep(toArea);
    await chat.says("payo");
    expect(chat.lastReply()).toHaveKey("registration:area.pick");
    expect(chat.texts().join("\n")).toContain("1. Kel. Payo Lebar (Kec. Jelutung)");
    await chat.says("1");
    expect(chat.keys()).toEqual(["registration:area.found", "registration:rtRw.prompt"]);
  });

  it("keeps the RT/RW typed with an ambiguous kelurahan", async () => {
    const chat = await atStep(toArea);
    await chat.says("payo rt 5 rw 2");
    await chat.says("1");
    expect(chat.keys()).toEqual(["registration:area.found", "registration:occupation.prompt"]);
    expect((await chat.session())?.flow?.data).toMatchObject({
      address: { kelurahan: "Payo Lebar", rt: "5", rw: "2" },
    });
  });

  it("shows the kecamatan list for a place it does not know, then the kelurahan by number", async () => {
    const chat = await atStep(toArea);
    await chat.says("medan");
    expect(chat.keys()).toEqual(["registration:area.notFound", "registration:area.kecamatan"]);
    await chat.says("8");
    expect(chat.texts().join("\n")).toContain("4. Lebak Bandung");
    await chat.says("4");
    expect((await chat.session())?.flow?.data).toMatchObject({
      address: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung" },
    });
  });

  it("asks for the occupation in words for 'lainnya'", async () => {
    const chat = await atStep([...toArea, "lebak bandung 22/3"]);
    await chat.says("lainnya");
    expect(chat.lastReply()).toHaveKey("registration:occupation.otherPrompt");
    await chat.says("tukang jahit");
    expect(chat.lastReply()).toHaveKey("registration:income.prompt");
  });

  it("changes the RT an RT head leads from the summary when it is not his home address", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { occupation: "ketua rt" });
    await chat.says("ubah rt yang dipimpin");
    expect(chat.lastReply()).toHaveKey("registration:area.promptLeads");
    await chat.says("payo lebar rt 5 rw 1");
    expect(chat.texts()[0]).toContain("Ketua RT (RT 5/RW 1, Kel. Payo Lebar)");
    expect((await chat.session())?.flow?.data).toMatchObject({
      address: { kelurahan: "Lebak Bandung", rt: "22" },
      leadsRt: { kelurahan: "Payo Lebar", rt: "5", rw: "1" },
    });
  });
});

describe("registration summary", () => {
  it("changes the name and comes back to the summary", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    await chat.says("2");
    expect(chat.lastReply()).toHaveKey("registration:name.prompt");
    await chat.says("Budi Santoso Putra");
    expect(chat.replies()[0]).toHaveKey("registration:summary.prompt");
    expect(chat.texts()[0]).toContain("Nama: Budi Santoso Putra");
  });

  it("changes the address through the area steps and comes back to the summary", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    await chat.says("ubah alamat");
    await chat.says("kel. payo lebar");
    await chat.says("RT 5 RW 1");
    expect(chat.texts()[0]).toContain("RT 5/RW 1, Kel. Payo Lebar, Kec. Jelutung");
  });

  it("asks who pays again after a change of occupation", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    await chat.says("7");
    await chat.says("ojek");
    expect(chat.lastReply()).toHaveKey("registration:plan.promptDiscount");
    await chat.says("3");
    expect(chat.texts()[0]).toContain("Pekerjaan: Ojek / driver / kurir");
    expect(chat.texts()[0]).toContain("Yang Anda bayar: Rp 8.400/bulan");
  });

  it("changes the income and recomputes the amount", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { plan: "4" });
    await chat.says("8");
    await chat.says("2jt");
    expect(chat.texts()[0]).toContain("Penghasilan: Rp 2.000.000/bulan");
    expect(chat.texts()[0]).toContain("Yang Anda bayar: Rp 66.800/bulan");
  });

  it("says an income below the minimum is recorded as the minimum, then goes on", async () => {
    const chat = await atStep(toIncome);
    await chat.says("500rb");
    expect(chat.keys()).toEqual(["registration:income.raised", "registration:plan.prompt"]);
    expect(chat.texts()[0]).toMatch(
      /^Penghasilan di bawah Rp 1\.000\.000 dicatat Rp 1\.000\.000 \(batas minimum BPJS\)\.\n\n/,
    );
    await chat.says("3");
    expect(chat.texts()[0]).toContain("Penghasilan: Rp 1.000.000/bulan");
    await chat.says("8");
    await chat.says("ok");
    expect(chat.keys()).not.toContain("registration:income.raised");
  });

  it("re-checks a changed NIK and takes the birth date and sex it carries", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    await chat.says("3");
    await chat.says("1571 0845 1290 0002");
    expect(chat.replies()[0]).toHaveKey("registration:summary.prompt");
    expect(chat.texts()[0]).toContain("Lahir: 5 Desember 1990 (Perempuan, menurut NIK)");
  });

  it.each([
    ["kemarin", "registration:birthDate.notDate"],
    ["31/4/1980", "registration:birthDate.invalidDate"],
    ["1/1/2030", "registration:birthDate.future"],
  ])("re-asks a birth date %p", async (answer, key) => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    await chat.says("ubah tanggal lahir");
    await chat.says(answer);
    expect(chat.replies()[0]).toHaveKey(key);
  });
});
