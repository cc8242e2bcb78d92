import { readFileSync } from "node:fs";
import path from "node:path";
import { toWhatsAppCloudCapabilities } from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.capabilities";
import { toCloudPayloads } from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.render";
import {
  cloudTemplates,
  noticeTemplate,
  toMetaTemplateText,
  toTemplatePayload,
} from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.templates";
import type { OutboundMessage } from "../../../src/core/messages";
import { toShapeProblem } from "../../support/fake-graph-api";

const options = { capabilities: toWhatsAppCloudCapabilities(), listButtonLabel: "Pilih" };
const message = (text: string, labels: string[] = []): OutboundMessage => ({
  text,
  spans: [],
  choices: labels.map((label, i) => ({ value: `v${i}`, label })),
  requestContact: false,
});
const withTo = (payload: Record<string, unknown>) => ({
  messaging_product: "whatsapp",
  to: "6281234567890",
  ...payload,
});

describe("Cloud API rendering", () => {
  it("shows 3 short choices as reply buttons carrying the choice values", () => {
    const [payload] = toCloudPayloads([message("Setuju?", ["Ya", "Tidak", "Kembali"])], options);
    expect(payload).toMatchObject({
      type: "interactive",
      interactive: { type: "button", action: { buttons: [{ reply: { id: "v0", title: "Ya" } }, {}, {}] } },
    });
    expect(toShapeProblem(withTo(payload!))).toBeUndefined();
  });

  it("shows up to 10 choices as a list, and 11 or a long label as numbered text", () => {
    const labels = Array.from({ length: 10 }, (_, i) => `Kelurahan ${i + 1}`);
    const [list] = toCloudPayloads([message("Pilih kelurahan", labels)], options);
    expect(list).toMatchObject({ interactive: { type: "list", action: { button: "Pilih" } } });
    expect(toShapeProblem(withTo(list!))).toBeUndefined();
    const [eleven] = toCloudPayloads([message("Pilih", [...labels, "Lainnya"])], options);
    expect(eleven).toMatchObject({ type: "text", text: { body: expect.stringContaining("\n11. Lainnya") } });
    const [long] = toCloudPayloads([message("Pilih", ["Lapor kematian peserta dan klaim JKM"])], options);
    expect(long?.type).toBe("text");
  });

  it("joins a turn's messages and keeps a body over 1,024 characters as numbered text", () => {
    const payloads = toCloudPayloads([message("Halo."), message("x ".repeat(600), ["Ya", "Tidak"])], options);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).toMatchObject({ type: "text", text: { body: expect.stringMatching(/^Halo\.\n\n/) } });
  });
});

describe("templates", () => {
  it("fills a broadcast template's parameters in the recipient's language, dates written out", () => {
    const payload = toTemplatePayload(
      {
        language: "en",
        replies: [
          {
            key: "broadcast:templates.coverageEnding",
            params: { name: "Siti", deadline: new Date("2026-12-31T00:00:00+07:00") },
          },
        ],
      },
      "ignored",
    );
    expect(payload).toEqual({
      type: "template",
      template: {
        name: "jamsos_cakupan_berakhir",
        language: { code: "en" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Siti" },
              { type: "text", text: "31 December 2026" },
            ],
          },
        ],
      },
    });
  });

  it("carries any other message in the notice template, on one line and shortened", () => {
    const payload = toTemplatePayload(
      { language: "id", replies: [{ key: "common:welcome" }] },
      `Baris 1\n\nBaris 2\n${"x".repeat(900)}`,
    );
    const text = (payload as { template: { components: { parameters: { text: string }[] }[] } }).template
      .components[0]!.parameters[0]!.text;
    expect(text).toMatch(/^Baris 1 · Baris 2 x+…$/);
    expect(text.length).toBeLessThanOrEqual(700);
  });

  it("lists every template in the README with its name and its text in id and en", () => {
    const readme = readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
    for (const template of [...cloudTemplates, noticeTemplate]) {
      for (const language of ["id", "en"] as const) {
        const [ns, ...rest] = template.textKey.split(":");
        const locale = JSON.parse(
          readFileSync(path.join(__dirname, `../../../locales/${language}/${ns}.json`), "utf8"),
        ) as Record<string, unknown>;
        const text = rest
          .join(":")
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], locale);
        expect(readme).toContain(template.name);
        expect(readme).toContain(toMetaTemplateText(String(text), template));
      }
    }
  });
});
