/**
 * Shows the WhatsApp login QR twice: in the terminal (qrcode-terminal) and as a PNG file for
 * headless servers (copy it to a laptop, or open it over SSH), then removes the PNG once logged in.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import QRCode from "qrcode";
import qrcodeTerminal from "qrcode-terminal";

export type QrPresenter = {
  /** Prints and saves the QR; resolves with the PNG path. */
  show(qr: string): Promise<string>;
  /** Deletes the PNG (the QR is useless after login). */
  clear(): Promise<void>;
};

export function createQrPresenter(options: {
  output: Writable;
  pngPath: string;
  /** Pixels per side of the PNG (400 scans well from a laptop screen). */
  pngWidth?: number;
}): QrPresenter {
  return {
    async show(qr) {
      const drawing = await new Promise<string>((resolve) =>
        qrcodeTerminal.generate(qr, { small: true }, resolve),
      );
      options.output.write(
        `\nWhatsApp login: open WhatsApp on the bot's phone → Linked devices → Link a device, and scan:\n${drawing}\n` +
          `(also saved as ${options.pngPath})\n`,
      );
      await mkdir(path.dirname(options.pngPath), { recursive: true });
      await QRCode.toFile(options.pngPath, qr, { type: "png", width: options.pngWidth ?? 400, margin: 2 });
      return options.pngPath;
    },
    clear: () => rm(options.pngPath, { force: true }),
  };
}
