import { createTestChat } from "./test/support/test-chat";
async function main() {
  const chat = createTestChat();
  for (const t of process.argv.slice(2)) { await chat.says(t); console.log(t, "=>", chat.keys().join(" ")); }
}
void main();
