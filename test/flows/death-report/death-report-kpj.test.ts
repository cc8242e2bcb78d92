import { claimsCollection } from "../../../src/storage/repositories/claims.repository";
import { sessionsCollection } from "../../../src/core/session.store";
import { createVault } from "../../../src/security/vault";
import { testVaultKeys } from "../../support/test-chat";
import { createClaimsChat, reportDeath } from "./report-helpers";

const vault = createVault(testVaultKeys);

describe("death report by KPJ number", () => {
  it("keeps the KPJ number sealed in the session and the claim, and finds a registration by it or by its reference", async () => {
    const { chat, people } = createClaimsChat();
    const member = await people.seed({ kpj: vault.seal("12345678901") });
    const other = await people.seed({ nik: "1571020202810002", name: "Budi Santoso" });
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("setuju");
    await chat.says("KPJ 1234 5678 901");
    expect(chat.lastReply()).toHaveKey("deathReport:deceasedName.prompt");
    const session = await chat.store.collection(sessionsCollection).findById("terminal:ahli-waris-1");
    expect(JSON.stringify(session)).not.toContain("12345678901");
    chat.as({ userId: "ahli-waris-2" });

    const claim = await reportDeath(chat, { deceased: "12345678901 Ahmad Yani" });
    const raw = await chat.store.collection(claimsCollection).findById(claim._id);
    expect(JSON.stringify(raw)).not.toContain("12345678901");
    expect(chat.app.services.vault.open(claim.deceased.kpj!)).toBe("12345678901");
    expect(claim.deceased.personId).toBe(member._id);

    const byReference = await reportDeath(chat, { deceased: `${other.reference} Budi Santoso` });
    expect(byReference.deceased.personReference).toBe(other.reference);
  });
});
