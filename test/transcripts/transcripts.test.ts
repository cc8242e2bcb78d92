import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestChat } from "../support/test-chat";

/** Replays a transcript: each non-comment, non-directive line is something the user says. */
async function replay(file: string) {
  const chat = createTestChat();
  const lines = readFileSync(path.join(__dirname, file), "utf8").split("\n");
  for (const line of lines.map((l) => l.trim())) {
    if (line === "" || line.startsWith("#") || line.startsWith("@")) continue;
    await chat.says(line);
  }
  return chat;
}

describe("transcripts", () => {
  it("register-rt-head.txt registers the head of RT 22, Lebak Bandung, Jelutung and ends with the DFT- reference", async () => {
    const chat = await replay("register-rt-head.txt");
    expect(chat.texts().join("\n")).toMatch(/DFT-[2-9A-HJKMNP-Z]{6}/);
    const [head] = await chat.app.services.people.search({ kelurahan: "Lebak Bandung", rt: "22" });
    expect(head).toMatchObject({
      status: "pending",
      role: "rt_head",
      name: "Ahmad Fauzi",
      address: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" },
      leadsRt: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" },
      fundedBy: "apbd",
      programmes: ["JKK", "JKM"],
    });
  });
});
