import { readIdentity } from "../../src/flows/registration/identity-input";

const today = new Date("2026-03-02T00:00:00Z");
const read = (text: string) => {
  const result = readIdentity(text, today);
  return {
    name: result.name?.ok ? result.name.value : result.name?.reason,
    nik: result.nik?.ok ? result.nik.value.nik : result.nik?.reason,
    phone: result.phone,
  };
};

describe("name, NIK and phone read from one message", () => {
  it.each([
    ["Budi Santoso 1571 0807 0380 0001", "Budi Santoso", "1571080703800001", undefined],
    ["1571.0807.0380.0001 budi santoso", "Budi Santoso", "1571080703800001", undefined],
    ["nama: Siti Aminah, NIK 1571084512900002", "Siti Aminah", "1571084512900002", undefined],
    ["jumadi 1571 0205 0475 0002 0813 1111 2222", "Jumadi", "1571020504750002", "+6281311112222"],
    ["0813 1111 2222 1571020504750002 Jumadi", "Jumadi", "1571020504750002", "+6281311112222"],
    ["Wa Ode Siti 1571084512900002", "Wa Ode Siti", "1571084512900002", undefined],
    ["Budi Santoso", "Budi Santoso", undefined, undefined],
    ["1571080703800001", undefined, "1571080703800001", undefined],
  ])("%p", (text, name, nik, phone) => expect(read(text)).toEqual({ name, nik, phone }));

  it("keeps the name when the NIK is wrong, and says what is wrong with the NIK", () => {
    expect(read("Budi Santoso 1571 0807 0380 001")).toEqual({
      name: "Budi Santoso",
      nik: "tooShort",
      phone: undefined,
    });
    expect(read("Budi Santoso 1571O807038OOOO1")).toEqual({
      name: "Budi Santoso",
      nik: "notDigits",
      phone: undefined,
    });
  });

  it("reads no name from chat words or a question", () => {
    expect(read("ok 1571080703800001").name).toBe("notName");
    expect(read("apa itu nik?").name).toBe("notName");
  });
});
