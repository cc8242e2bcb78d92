/**
 * The Logger port over pino. Known personal fields are removed by `redact`; every other string
 * (messages, errors, free text) passes the scrubber, so a NIK or phone number never reaches a log.
 */
import pino, { type DestinationStream, type Logger as Pino } from "pino";
import pretty from "pino-pretty";
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

/** A log file rotated each day or past `maxMb`, keeping `keep` old files (pino-roll, in a worker). */
export type LogFile = { path: string; maxMb: number; keep: number };

/** Where log lines go: readable lines (a terminal), JSON lines on stderr, or a rotated file. */
function toDestination(options: { destination?: DestinationStream; pretty?: boolean; file?: LogFile }) {
  if (options.destination) return options.destination;
  if (options.file)
    return pino.transport({
      target: "pino-roll",
      options: {
        file: options.file.path,
        frequency: "daily",
        size: `${options.file.maxMb}m`,
        mkdir: true,
        limit: { count: options.file.keep },
      },
    }) as DestinationStream;
  if (options.pretty)
    return pretty({
      destination: 2,
      sync: true,
      colorize: true,
      translateTime: "SYS:HH:MM:ss",
      ignore: "pid,hostname,service",
    });
  return pino.destination({ dest: 2, sync: false });
}

/** "pretty" for LOG_FORMAT=pretty, or auto when stderr is a terminal. */
export const isPrettyLog = (
  format: "auto" | "pretty" | "json",
  stderrIsTty = Boolean(process.stderr.isTTY),
) => format === "pretty" || (format === "auto" && stderrIsTty);

export function createPinoLogger(options: {
  level: string;
  destination?: DestinationStream;
  pretty?: boolean;
  file?: LogFile;
}): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: "jamsos-bot" },
      redact: { paths: redactedPaths, censor: "[redacted]" },
      serializers: { err: (error: unknown) => redactValue(error) },
    },
    toDestination(options),
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
