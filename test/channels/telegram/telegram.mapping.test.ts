import type { Update } from "grammy/types";
import {
  toCommandText,
  toMappedUpdate,
  type MappingOptions,
} from "../../../src/channels/telegram/telegram.mapping";

const loaded: string[] = [];
const options: MappingOptions = {
  maxFileBytes: 5 * 1024 * 1024,
  decodeCallback: (chatId, data) => (data === `ok-${chatId}` ? "yes" : undefined),
  loadFile: async (fileId) => {
    loaded.push(fileId);
    return new Uint8Array([1, 2, 3]);
  },
};

let counter = 0;
function messageUpdate(fields: Record<string, unknown>, from = 10): Update {
  counter += 1;
  return {
    update_id: counter,
    message: {
      message_id: counter,
      date: 0,
      chat: { id: from, type: "private", first_name: "Siti" },
      from: { id: from, is_bot: false, first_name: "Siti" },
      ...fields,
    },
  };
}

describe("Telegram update mapping", () => {
  it("maps a private text message to an inbound message for the engine", () => {
    expect(toMappedUpdate(messageUpdate({ text: "brp iuran nya" }), options)).toEqual({
      type: "inbound",
      chatId: 10,
      message: {
        channel: "telegram",
        userId: "10",
        messageId: String(counter),
        content: { type: "text", text: "brp iuran nya" },
        displayName: "Siti",
      },
    });
  });

  it.each([
    ["/start", "menu"],
    ["/menu", "menu"],
    ["/batal", "batal"],
    ["/bahasa", "bahasa"],
    ["/bantuan@JamsosBot", "bantuan"],
    ["/status", "status"],
    ["/start ref-rt05", "menu"],
    ["/daftar", "daftar"],
  ])("turns the command %s into the word %s", (text, word) => {
    const entities = [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }];
    expect(toCommandText({ text, entities })).toBe(word);
  });

  it("leaves a slash without a command entity as typed text", () => {
    expect(toCommandText({ text: "/ 5" })).toBeUndefined();
  });

  it("never marks a sender as staff itself (staff are accounts the pipeline looks up)", () => {
    const mapped = toMappedUpdate(messageUpdate({ text: "menu" }, 77), options);
    expect(mapped.type === "inbound" && mapped.message).toMatchObject({ userId: "77" });
    expect(mapped.type === "inbound" && (mapped.message.isStaff ?? mapped.message.staff)).toBeFalsy();
  });

  it("takes only the user's own contact, with the phone in E.164", () => {
    const own = toMappedUpdate(
      messageUpdate({ contact: { phone_number: "6281234567890", first_name: "Siti", user_id: 10 } }),
      options,
    );
    expect(own).toMatchObject({
      type: "inbound",
      message: { content: { type: "contact", phone: "+6281234567890" }, phone: "+6281234567890" },
    });
    const other = toMappedUpdate(
      messageUpdate({ contact: { phone_number: "+6281111111111", first_name: "Lain", user_id: 11 } }),
      options,
    );
    expect(other).toMatchObject({ type: "refuse", reason: "notOwnContact" });
    const noAccount = toMappedUpdate(
      messageUpdate({ contact: { phone_number: "+6281111111111", first_name: "Lain" } }),
      options,
    );
    expect(noAccount).toMatchObject({ type: "refuse", reason: "notOwnContact" });
  });

  it("offers the largest photo size, downloaded only when the flow asks for it", async () => {
    const mapped = toMappedUpdate(
      messageUpdate({
        caption: "KTP",
        photo: [
          { file_id: "small", file_unique_id: "s", width: 90, height: 90, file_size: 1_000 },
          { file_id: "large", file_unique_id: "l", width: 1280, height: 960, file_size: 200_000 },
          { file_id: "medium", file_unique_id: "m", width: 320, height: 240, file_size: 20_000 },
        ],
      }),
      options,
    );
    if (mapped.type !== "inbound" || mapped.message.content.type !== "media") throw new Error("not media");
    expect(mapped.message.content).toMatchObject({
      kind: "photo",
      mimeType: "image/jpeg",
      size: 200_000,
      caption: "KTP",
    });
    loaded.length = 0;
    expect(await mapped.message.content.load()).toEqual(new Uint8Array([1, 2, 3]));
    expect(loaded).toEqual(["large"]);
  });

  it("refuses a document over the limit with the limit in MB, and accepts one within it", () => {
    const doc = (size: number) =>
      messageUpdate({
        document: {
          file_id: "d",
          file_unique_id: "d",
          file_name: "akta.pdf",
          mime_type: "application/pdf",
          file_size: size,
        },
      });
    expect(toMappedUpdate(doc(6 * 1024 * 1024), options)).toMatchObject({
      type: "refuse",
      reason: "fileTooLarge",
      params: { limit: 5 },
    });
    expect(toMappedUpdate(doc(1024), options)).toMatchObject({
      type: "inbound",
      message: {
        content: { type: "media", kind: "document", fileName: "akta.pdf", mimeType: "application/pdf" },
      },
    });
  });

  it("refuses group chats and message kinds it cannot read", () => {
    const group = messageUpdate({ text: "halo", chat: { id: -5, type: "group", title: "RT 05" } });
    expect(toMappedUpdate(group, options)).toMatchObject({ type: "refuse", reason: "groupChat", chatId: -5 });
    const sticker = messageUpdate({ sticker: { file_id: "s" } });
    expect(toMappedUpdate(sticker, options)).toMatchObject({ type: "refuse", reason: "unsupported" });
  });

  it("ignores edited messages, other bots and foreign button data", () => {
    const edited = { update_id: 1, edited_message: messageUpdate({ text: "x" }).message } as Update;
    expect(toMappedUpdate(edited, options).type).toBe("ignore");
    const fromBot = messageUpdate({ text: "x", from: { id: 5, is_bot: true, first_name: "B" } });
    expect(toMappedUpdate(fromBot, options).type).toBe("ignore");
    const query = (data: string): Update => ({
      update_id: 2,
      callback_query: {
        id: "q1",
        from: { id: 10, is_bot: false, first_name: "Siti" },
        chat_instance: "i",
        data,
      },
    });
    expect(toMappedUpdate(query("tampered"), options).type).toBe("ignore");
    expect(toMappedUpdate(query("ok-10"), options)).toMatchObject({
      type: "inbound",
      message: { messageId: "cq:q1", content: { type: "choice", value: "yes" } },
    });
  });
});
