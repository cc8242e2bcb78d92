import { createPinoLogger } from "../../src/security/pino.logger";

/** A logger writing JSON lines into an array. */
function capture(level = "debug") {
  const lines: string[] = [];
  const logger = createPinoLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

const nik = "1571021203900001";

describe("the pino logger", () => {
  it("writes structured JSON with the level, message and fields", () => {
    const { logger, records } = capture();
    logger.info({ flow: "registration", step: "askNik" }, "message handled");
    expect(records()[0]).toMatchObject({
      level: 30,
      msg: "message handled",
      flow: "registration",
      step: "askNik",
    });
  });

  it("scrubs NIK, phone, token and e-mail from the message text", () => {
    const { logger, lines } = capture();
    logger.warn(
      {},
      `user ${nik} (+6281234567890, siti@example.com) sent 123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0`,
    );
    expect(lines[0]).toContain("user [nik] ([phone], [email]) sent [token]");
  });

  it("scrubs free text in fields and nested objects", () => {
    const { logger, lines } = capture();
    logger.info({ note: `nik ${nik}`, meta: { contacts: ["0812-3456-7890"] } }, "x");
    expect(lines[0]).not.toMatch(/1571021203900001|0812-3456-7890/);
    expect(lines[0]).toContain("nik [nik]");
  });

  it("removes known personal fields entirely, at the top and one level down", () => {
    const { logger, records } = capture();
    logger.info(
      {
        nik: "ABC",
        name: "Siti Aminah",
        text: "saya mau daftar",
        person: { phone: "x", address: "Jl. Sultan Thaha 1" },
      },
      "x",
    );
    expect(records()[0]).toMatchObject({
      nik: "[redacted]",
      name: "[redacted]",
      text: "[redacted]",
      person: { phone: "[redacted]", address: "[redacted]" },
    });
  });

  it("scrubs error messages and stacks, including their causes", () => {
    const { logger, lines } = capture();
    const error = new Error(`lookup failed for ${nik}`, {
      cause: new Error("wa +6281234567890 unreachable"),
    });
    logger.error({ err: error }, "message handling failed");
    expect(lines[0]).not.toMatch(/1571021203900001|6281234567890/);
    expect(lines[0]).toContain("lookup failed for [nik]");
    expect(lines[0]).toContain("wa [phone] unreachable");
    expect(lines[0]).toContain("stack");
  });

  it("scrubs the fields of child loggers", () => {
    const { logger, lines } = capture();
    logger.child({ conversation: "whatsapp:+6281234567890" }).info({}, "hello");
    expect(lines[0]).toContain('"conversation":"whatsapp:[phone]"');
  });

  it("drops messages below its level", () => {
    const { logger, lines } = capture("warn");
    logger.info({}, "quiet");
    logger.warn({}, "loud");
    expect(lines).toHaveLength(1);
  });
});
