/** Standard answers for walking through the registration in flow tests. */
import type { TestChat } from "./test-chat";

export const headNik = "1571080703800001";
export const residentNik = "1571084512900002"; // woman, born 5 December 1990

export type Answers = {
  name?: string;
  nik?: string;
  phone?: string;
  area?: string;
  rtRw?: string;
  occupation?: string;
  income?: string;
  funding?: string;
  programme?: string;
};

/** Consent → myself → … → summary (not yet sent). Phone is typed (terminal channel). */
export async function answerUpToSummary(chat: TestChat, a: Answers = {}): Promise<void> {
  for (const line of ["daftar", "ya", "1", a.name ?? "Budi Santoso", a.nik ?? "1571 0807 0380 0001", "ya"])
    await chat.says(line);
  await chat.says(a.phone === "" ? "ya" : (a.phone ?? "0812 3456 7890")); // "": confirm the channel's number
  await chat.says(a.area ?? "lebak bandung");
  await chat.says(a.rtRw ?? "022/003");
  await chat.says(a.occupation ?? "pedagang");
  if ((a.occupation ?? "pedagang") === "ketua rt") await chat.says("ya");
  await chat.says(a.income ?? "ok");
  if (a.funding !== "") await chat.says(a.funding ?? "2");
  await chat.says(a.programme ?? "1");
}

/** The whole self-registration of an RT head of RT 22/RW 3 Lebak Bandung; returns the reference. */
export async function registerRtHead(chat: TestChat, a: Answers = {}): Promise<string> {
  await answerUpToSummary(chat, { occupation: "ketua rt", funding: "", ...a });
  await chat.says("kirim");
  const reference = /DFT-[2-9A-HJKMNP-Z]{6}/.exec(chat.texts().join("\n"))?.[0];
  if (!reference) throw new Error(`No reference in: ${chat.texts().join("\n")}`);
  return reference;
}
