import type { Claim } from "../../../src/core/claims.port";
import { claimStages, claimTransitions } from "../../../src/domain/claim-lifecycle";
import { moveClaim, requestDocument } from "../../../src/flows/claims/claim-actions";
import { createClaimsChat, reportDeath } from "../death-report/report-helpers";
import type { TestChat } from "../../support/test-chat";

const edges = claimStages.flatMap((from) => claimTransitions[from].map((to) => [from, to] as const));

async function setup() {
  const { chat, people } = createClaimsChat({ userId: "heir-chat" });
  await people.seed({});
  const claim = await reportDeath(chat);
  await chat.says("selesai");
  const deps = { services: chat.app.services, translator: chat.app.translator };
  return { chat, claim, deps };
}

/** Puts a claim at a stage, its death verified (as staff do before the file goes further). */
async function putAt(chat: TestChat, reference: string, stage: Claim["stage"]) {
  const claim = (await chat.app.services.claims.findByReference(reference))!;
  await chat.app.services.claims.save({
    ...claim,
    stage,
    deceased: { ...claim.deceased, verifiedAt: chat.clock.now(), verifiedBy: "cli:ani" },
  });
}

const payment = { amount: 42_000_000, paidOn: "2026-03-02" };
const rejection = { reason: "Surat ahli waris belum ada", nextStep: "Urus surat ahli waris di kelurahan" };

describe("moving a claim", () => {
  it("records every allowed move with time, staff and note, and tells the heir each time", async () => {
    const { chat, claim, deps } = await setup();
    for (const [from, to] of edges) {
      await putAt(chat, claim.reference, from);
      const pushedBefore = chat.pushed("heir-chat").length;
      const result = await moveClaim(deps, {
        reference: claim.reference,
        to,
        actor: "telegram:staff-1",
        note: `ke ${to}`,
        ...(to === "DIBAYAR" ? { payment } : {}),
        ...(to === "DITOLAK_PERLU_TINDAK_LANJUT" ? { rejection } : {}),
      });
      expect(result).toMatchObject({ status: "moved", notified: true, claim: { stage: to } });
      const stored = (await chat.app.services.claims.findByReference(claim.reference))!;
      expect(stored.history.at(-1)).toEqual({
        stage: to,
        at: chat.clock.now(),
        by: "telegram:staff-1",
        note: `ke ${to}`,
      });
      const pushed = chat.pushed("heir-chat");
      expect(pushed).toHaveLength(pushedBefore + 1);
      expect(pushed.at(-1)?.messages).toHaveLength(1); // each stage push is one message
      expect(pushed.at(-1)?.messages[0]?.text).toContain(claim.reference);
    }
    const audit = await chat.app.services.audit.list({ target: `claim:${claim.reference}` }, 100);
    expect(audit.filter((a) => a.action === "claim.move")).toHaveLength(edges.length);
  });

  it("refuses an illegal move and leaves the claim and the heir alone", async () => {
    const { chat, claim, deps } = await setup();
    const result = await moveClaim(deps, { reference: claim.reference, to: "DIBAYAR", actor: "cli:ani" });
    expect(result).toEqual({ status: "refused", reason: "notAllowed" });
    expect((await chat.app.services.claims.findByReference(claim.reference))?.stage).toBe("LAPORAN_DITERIMA");
    expect(chat.pushed("heir-chat")).toHaveLength(0);
  });

  it("does not let the file go on before staff have seen the death certificate or letter", async () => {
    const { chat, claim, deps } = await setup();
    const stored = (await chat.app.services.claims.findByReference(claim.reference))!;
    await chat.app.services.claims.save({ ...stored, stage: "MENUNGGU_DOKUMEN" });
    const result = await moveClaim(deps, {
      reference: claim.reference,
      to: "BERKAS_LENGKAP",
      actor: "cli:ani",
    });
    expect(result).toEqual({ status: "refused", reason: "deathNotVerified" });
  });

  it("records the amount and day paid on DIBAYAR, and the heir reads them", async () => {
    const { chat, claim, deps } = await setup();
    await putAt(chat, claim.reference, "DIPROSES_BPJS");
    expect(await moveClaim(deps, { reference: claim.reference, to: "DIBAYAR", actor: "cli:ani" })).toEqual({
      status: "refused",
      reason: "needsPayment",
    });
    await moveClaim(deps, { reference: claim.reference, to: "DIBAYAR", actor: "cli:ani", payment });
    expect((await chat.app.services.claims.findByReference(claim.reference))?.payment).toEqual(payment);
    const text = chat.pushed("heir-chat").at(-1)!.messages[0]!.text;
    expect(text).toContain("Dibayarkan: Rp 42.000.000 pada 2 Maret 2026");
  });

  it("records the reason and the next step on DITOLAK, and the heir reads both", async () => {
    const { chat, claim, deps } = await setup();
    expect(
      await moveClaim(deps, {
        reference: claim.reference,
        to: "DITOLAK_PERLU_TINDAK_LANJUT",
        actor: "cli:ani",
      }),
    ).toEqual({ status: "refused", reason: "needsReason" });
    await moveClaim(deps, {
      reference: claim.reference,
      to: "DITOLAK_PERLU_TINDAK_LANJUT",
      actor: "cli:ani",
      rejection,
    });
    const text = chat.pushed("heir-chat").at(-1)!.messages[0]!.text;
    expect(text).toContain("Alasan: Surat ahli waris belum ada");
    expect(text).toContain("Langkah berikutnya: Urus surat ahli waris di kelurahan");
  });

  it("tells the heir the SLA date in their language when the file goes to BPJS", async () => {
    const { chat, claim, deps } = await setup();
    chat.as({ userId: "heir-chat" });
    await chat.says("language");
    await putAt(chat, claim.reference, "BERKAS_LENGKAP");
    chat.clock.set("2026-03-18T10:00:00+07:00");
    await moveClaim(deps, { reference: claim.reference, to: "DIAJUKAN_KE_BPJS", actor: "cli:ani" });
    const text = chat
      .pushed("heir-chat")
      .at(-1)!
      .messages.map((m) => m.text)
      .join("\n");
    expect(text).toContain("Submitted to BPJS");
    expect(text).toContain("25 March 2026");
    expect((await chat.app.services.claims.findByReference(claim.reference))?.slaDue).toBe("2026-03-25");
  });

  it("keeps the stage change and queues the push when the heir's channel is not running here", async () => {
    const { chat, claim, deps } = await setup();
    chat.app.hub.unregister("terminal");
    const result = await moveClaim(deps, {
      reference: claim.reference,
      to: "VERIFIKASI_RT_KELURAHAN",
      actor: "cli:ani",
    });
    expect(result).toMatchObject({ status: "moved", notified: true, notification: "queued" });
    const stored = (await chat.app.services.claims.findByReference(claim.reference))!;
    expect(stored.stage).toBe("VERIFIKASI_RT_KELURAHAN");
    expect(stored.notifications.at(-1)).toMatchObject({ stage: "VERIFIKASI_RT_KELURAHAN", status: "queued" });
    expect(chat.pushed("heir-chat")).toHaveLength(0);
    expect(await chat.app.outboxItems.find({ status: "pending" })).toHaveLength(1);
  });

  it("records the failure when the push can be neither sent nor queued", async () => {
    const { chat, claim, deps } = await setup();
    chat.app.hub.register({
      channel: "terminal",
      send: async () => Promise.reject(new Error("socket closed")),
    });
    const result = await moveClaim(deps, {
      reference: claim.reference,
      to: "VERIFIKASI_RT_KELURAHAN",
      actor: "cli:ani",
    });
    expect(result).toMatchObject({ status: "moved", notified: false, notification: "failed" });
    const stored = (await chat.app.services.claims.findByReference(claim.reference))!;
    expect(stored.notifications.at(-1)).toMatchObject({ stage: "VERIFIKASI_RT_KELURAHAN", status: "failed" });
  });

  it("asks the heir for exactly the document staff name, even one sent before", async () => {
    const { chat, claim, deps } = await setup();
    await requestDocument(deps, {
      reference: claim.reference,
      type: "deathCertificate",
      actor: "cli:ani",
      note: "foto kurang jelas",
    });
    const text = chat
      .pushed("heir-chat")
      .at(-1)!
      .messages.map((m) => m.text)
      .join("\n");
    expect(text).toContain("Akta kematian");
    expect(text).toContain("foto kurang jelas");
    const stored = (await chat.app.services.claims.findByReference(claim.reference))!;
    expect(stored.requested).toMatchObject([{ type: "deathCertificate", by: "cli:ani" }]);
  });
});
