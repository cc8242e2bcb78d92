/**
 * A chat in the console: anyone can talk to the bot with no account. One line is one message;
 * at end of input (Ctrl-D, or piped input running out) it waits for the last replies and resolves.
 * Piped input is echoed as `you> …` lines, so `printf 'halo\n' | npm start` prints a transcript.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { InboundHandler } from "../../core/handle-inbound";
import type { OutboundMessage } from "../../core/messages";
import type { ChannelSender } from "../../core/ports";
import { toNumberedText } from "../../core/render";

export type TerminalChannelOptions = {
  input: Readable;
  output: Writable;
  userId: string;
  interactive: boolean;
  isStaff?: boolean;
};

export function toTerminalText(messages: OutboundMessage[], interactive: boolean): string {
  const bold = interactive ? (s: string) => `\u001b[1m${s}\u001b[22m` : (s: string) => s;
  return (
    messages.map((m) => `bot> ${toNumberedText(m, bold).replace(/\n(?=[^\n])/g, "\n     ")}`).join("\n") +
    "\n"
  );
}

export function createTerminalChannel(options: TerminalChannelOptions) {
  const write = (messages: OutboundMessage[]) =>
    new Promise<void>((resolve) =>
      options.output.write(toTerminalText(messages, options.interactive), () => resolve()),
    );
  const sender: ChannelSender = { channel: "terminal", send: (_userId, messages) => write(messages) };

  /** Reads until end of input; resolves when every line was answered. */
  async function run(inbound: InboundHandler): Promise<void> {
    const lines = createInterface({ input: options.input, terminal: false });
    let counter = 0;
    const prompt = () => options.interactive && options.output.write("you> ");
    prompt();
    for await (const line of lines) {
      counter += 1;
      // Piped input is not shown by the terminal: echo it, so the output reads as a conversation.
      if (!options.interactive) options.output.write(`you> ${line}\n`);
      await inbound.handle(
        {
          channel: "terminal",
          userId: options.userId,
          messageId: `${Date.now()}-${counter}`,
          content: { type: "text", text: line },
          ...(options.isStaff ? { isStaff: true } : {}),
        },
        write,
      );
      prompt();
    }
  }

  return { sender, run };
}
