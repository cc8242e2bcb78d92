import { claimsCollection } from "../../../src/storage/repositories/claims.repository";
import { sessionsCollection } from "../../../src/core/session.store";
import { createClaimsChat, reportDeath } from "./report-helpers";

describe("death report by KPJ number", () => {
  it("keeps the KPJ number sealed in the session and the claim, and still finds a registration by its reference", async () => {
    const { chat, people } = createClaimsChat();
    const person = await people.seed({});
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("setuju");
    await chat.says("2");
    await chat.says("1234 5678 901");
    const session = await chat.store.collection(sessionsCollection).findById("terminal:ahli-waris-1");
    expect(session).not.toBeNull();
    expect(JSON.stringify(session)).not.toContain("12345678901");
    await chat.says("batal");

    const claim = await reportDeath(chat, { identify: { by: "kpj", kpj: "12345678901" } });
    const raw = await chat.store.collection(claimsCollection).findById(claim._id);
    expect(JSON.stringify(raw)).not.toContain("12345678901");
    expect(chat.app.services.vault.open(claim.deceased.kpj!)).toBe("12345678901");

    const byReference = await reportDeath(chat, { identify: { by: "kpj", kpj: person.reference } });
    expect(byReference.deceased.personReference).toBe(person.reference);
  });
});
