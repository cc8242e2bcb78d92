import { createTestChat, createTestClock } from "../support/test-chat";

const text = (chat: { texts(): string[] }) => chat.texts().join("\n");

describe("contribution calculator", () => {
  it("works out Rp 16.800 for Rp 1 juta with JKK+JKM, self-paid outside transport in March 2026", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("calculator");
    await chat.says("1 juta");
    await chat.says("1");
    await chat.says("1");
    await chat.says("2");
    expect(chat.keys()).toEqual(["calculator:result.basic", "calculator:result.outsidePeriod"]);
    expect(text(chat)).toContain("Per bulan: Rp 16.800");
  });

  it("applies the transport discount in March 2026: Rp 36.800 becomes Rp 28.400", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("calculator");
    for (const answer of ["1", "2", "sendiri", "ojek"]) await chat.says(answer);
    expect(chat.replies()[0]).toHaveKey("calculator:result.fullDiscount");
    expect(text(chat)).toContain("Per bulan: Rp 28.400");
  });

  it("never discounts city-funded members and says they do not pay themselves", async () => {
    const chat = createTestChat({ clock: createTestClock("2026-06-10T09:00:00+07:00") });
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("calculator");
    for (const answer of ["1.000.000", "1", "2"]) await chat.says(answer);
    expect(chat.keys()).toEqual(["calculator:result.basic", "calculator:result.apbd"]);
    expect(text(chat)).toContain("12 bulan ke depan: Rp 201.600");
  });

  it("reads 'hitung iuran 1,5 juta 3 program' in one line", async () => {
    const chat = createTestChat();
    await chat.says("hitung iuran 1,5 juta 3 program");
    expect(chat.keys()).toContain("calculator:result.full");
    expect(text(chat)).toContain("Per bulan: Rp 51.800");
  });

  it("reads 'brp iuran kalo gaji 2jt' and 'iuran jkk jkm'", async () => {
    const chat = createTestChat();
    await chat.says("brp iuran kalo gaji 2jt");
    expect(text(chat)).toContain("Per bulan: Rp 26.800");
    const other = createTestChat();
    await other.says("iuran jkk jkm");
    expect(text(other)).toContain("Per bulan: Rp 16.800");
  });

  it("explains that an income below Rp 1 juta counts as Rp 1 juta", async () => {
    const chat = createTestChat();
    await chat.says("hitung iuran 500 ribu");
    expect(chat.keys()).toContain("calculator:result.belowMinimum");
    expect(text(chat)).toContain("Per bulan: Rp 16.800");
  });

  it("understands follow-ups against the last calculation", async () => {
    const chat = createTestChat();
    await chat.says("hitung iuran 1 juta");
    await chat.says("kalau 3 program?");
    expect(text(chat)).toContain("Per bulan: Rp 36.800");
    await chat.says("kalau 2 juta?");
    expect(text(chat)).toContain("Per bulan: Rp 66.800");
    await chat.says("kalau ojek");
    expect(chat.replies()[0]).toHaveKey("calculator:result.fullDiscount");
    await chat.says("tulis dengan huruf");
    expect(text(chat)).toContain("lima puluh tiga ribu empat ratus rupiah");
  });
});

describe("benefit explainer", () => {
  it("works out the JKK death benefit for the user's income", async () => {
    const chat = createTestChat();
    await chat.says("santunan meninggal karena kecelakaan kerja gaji 2 juta");
    expect(chat.lastReply()).toHaveKey("calculator:jkkDeath.result");
    expect(text(chat)).toContain("Rp 96.000.000");
    expect(text(chat)).toContain("Rp 118.000.000");
    expect(text(chat)).toContain("silakan konfirmasi ke Kantor Cabang");
  });

  it("breaks down Rp 42 juta and spells it on request", async () => {
    const chat = createTestChat();
    await chat.says("klo meninggal dpt brp");
    expect(text(chat)).toContain("Rp 20.000.000");
    await chat.says("terbilang");
    expect(text(chat)).toContain("empat puluh dua juta rupiah");
  });

  it("spells an amount in English for English users", async () => {
    const chat = createTestChat();
    await chat.says("language");
    await chat.says("in words 42 juta");
    expect(text(chat)).toContain("forty-two million rupiah");
  });
});
