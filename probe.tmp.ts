import { createTestChat } from "./test/support/test-chat";
async function main() {
  for (const t of process.argv.slice(2)) {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says(t);
    console.log(t, "=>", chat.keys().join(" "), JSON.stringify(chat.lastReply()?.choices?.map(c=>c.value)));
  }
}
void main();
