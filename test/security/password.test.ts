import { checkPasswordStrength, hashPassword, verifyPassword } from "../../src/security/password";

const cheap = { log2N: 10, r: 8, p: 1 };

describe("console passwords", () => {
  it("verifies the password a hash was made from and nothing else", async () => {
    const stored = await hashPassword("kata-sandi-rahasia", cheap);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword("kata-sandi-rahasia", stored)).resolves.toBe(true);
    await expect(verifyPassword("kata-sandi-rahasib", stored)).resolves.toBe(false);
  });

  it("salts every hash, so the same password never gives the same string", async () => {
    expect(await hashPassword("sama-saja-123", cheap)).not.toBe(await hashPassword("sama-saja-123", cheap));
  });

  it("uses a memory-hard default of 32 MiB (N=2^15, r=8, p=3)", async () => {
    expect(await hashPassword("kata-sandi-rahasia")).toMatch(/^scrypt\$15\$8\$3\$/);
  });

  it("refuses malformed or absurd stored hashes instead of throwing", async () => {
    await expect(verifyPassword("x", "")).resolves.toBe(false);
    await expect(verifyPassword("x", "bcrypt$10$abc")).resolves.toBe(false);
    await expect(verifyPassword("x", "scrypt$40$8$1$c2FsdA==$aGFzaA==")).resolves.toBe(false);
  });

  it("asks for at least ten characters that are not all the same few", () => {
    expect(checkPasswordStrength("pendek")).toBe("tooShort");
    expect(checkPasswordStrength("aaaaaaaaaaaa")).toBe("tooSimple");
    expect(checkPasswordStrength("jambi-kota-2026")).toBe("ok");
  });
});
