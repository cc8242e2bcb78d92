/** Standard answers for walking through the registration in flow tests. */
import type { TestChat } from "./test-chat";

export const headNik = "1571080703800001";
export const residentNik = "1571084512900002"; // woman, born 5 December 1990

export type Answers = {
  name?: string;
  nik?: string;
  /** "": the channel gives the number (WhatsApp), nothing is typed. */
  phone?: string;
  area?: string;
  rtRw?: string;
  occupation?: string;
  income?: string;
  /** Who pays and programmes; "": stop before it. Default: pay oneself JKK + JKM (Pemkot for RT heads). */
  plan?: string;
};

/** Consent → name and NIK → phone → address → … → summary (not yet sent). Phone typed (terminal). */
export async function answerUpToSummary(chat: TestChat, a: Answers = {}): Promise<void> {
  await chat.says("daftar");
  await chat.says("ya");
  await chat.says(`${a.name ?? "Budi Santoso"} ${a.nik ?? "1571 0807 0380 0001"}`);
  if (a.phone !== "") await chat.says(a.phone ?? "0812 3456 7890");
  await chat.says(`${a.area ?? "lebak bandung"} ${a.rtRw ?? "022/003"}`);
  const occupation = a.occupation ?? "pedagang";
  await chat.says(occupation);
  await chat.says(a.income ?? "ok");
  if (a.plan !== "") await chat.says(a.plan ?? (occupation === "ketua rt" ? "1" : "3"));
}

/**
 * The whole self-registration of an RT head of RT 22/RW 3 Lebak Bandung, who then declines to
 * register residents now (back to the menu); returns the reference.
 */
export async function registerRtHead(chat: TestChat, a: Answers = {}): Promise<string> {
  await answerUpToSummary(chat, { occupation: "ketua rt", ...a });
  await chat.says("kirim");
  const reference = /DFT-[2-9A-HJKMNP-Z]{6}/.exec(chat.texts().join("\n"))?.[0];
  if (!reference) throw new Error(`No reference in: ${chat.texts().join("\n")}`);
  await chat.says("tidak");
  return reference;
}

/**
 * The RT head talking in `chat` registers a resident of his RT (consent statement, name and NIK,
 * phone or "tidak ada", occupation, income, plan), then says he is done; returns the reference.
 */
export async function registerResident(
  chat: TestChat,
  a: { name?: string; nik?: string; phone?: string; plan?: string } = {},
): Promise<string> {
  const identity = `${a.name ?? "Siti Aminah"} ${a.nik ?? residentNik}`;
  for (const line of [
    "daftar",
    "ya",
    identity,
    a.phone ?? "tidak ada",
    "pedagang",
    "ok",
    a.plan ?? "3",
    "kirim",
  ])
    await chat.says(line);
  const reference = /DFT-[2-9A-HJKMNP-Z]{6}/.exec(chat.texts().join("\n"))?.[0];
  if (!reference) throw new Error(`No reference for the resident in: ${chat.texts().join("\n")}`);
  await chat.says("tidak");
  return reference;
}
