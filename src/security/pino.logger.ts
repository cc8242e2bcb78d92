/**
 * The Logger port over pino. Known personal fields are removed by `redact`; every other string
 * (messages, errors, free text) passes the scrubber, so a NIK or phone number never reaches a log.
 */
import pino, { type DestinationStream, type Logger as Pino } from "pino";
import type { LogFields, Logger } from "../core/ports";
import { redactText, redactValue } from "./redact";

export const redactedPaths = [
  "nik",
  "*.nik",
  "phone",
  "*.phone",
  "name",
  "*.name",
  "text",
  "*.text",
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "password",
  "*.password",
  "address",
  "*.address",
  "accountNumber",
  "*.accountNumber",
];

function wrap(logger: Pino): Logger {
  const log = (level: "debug" | "info" | "warn" | "error") => (fields: LogFields, message: string) =>
    logger[level](redactValue(fields) as object, redactText(message));
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (fields) => wrap(logger.child(redactValue(fields) as object)),
  };
}

export function createPinoLogger(options: {
  level: string;
  destination?: DestinationStream;
  pretty?: boolean;
}): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: "jamsos-bot" },
      redact: { paths: redactedPaths, censor: "[redacted]" },
      serializers: { err: (error: unknown) => redactValue(error) },
    },
    options.destination ?? pino.destination({ dest: 2, sync: false }),
  );
  return wrap(logger);
}

/** A logger that drops everything (benchmarks, quiet tests). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
