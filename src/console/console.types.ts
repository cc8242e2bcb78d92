/** What the console is built from, and what every request handler sees. */
import type { Context } from "hono";
import type { DocumentStore } from "../core/document-store.port";
import type { Language } from "../core/messages";
import type { Logger, Translator } from "../core/ports";
import type { Services } from "../core/services";
import type { StaffAccount, StaffPrincipal } from "../core/staff.port";
import type { I18nKey } from "../i18n/keys";
import type { ConsoleSession } from "./console-sessions";

export type ConsoleSettings = {
  /** How long a login lasts. */
  sessionHours: number;
  maxFailedLogins: number;
  lockMinutes: number;
  /** The public origin behind the reverse proxy (forms are accepted from it and from the request's own). */
  publicUrl?: string;
};

export const defaultConsoleSettings: ConsoleSettings = {
  sessionHours: 12,
  maxFailedLogins: 5,
  lockMinutes: 15,
};

/** How a labelled question becomes training data (default: the model's intents and nlu/train/staff-labelled.tsv). */
export type LabelSink = { intents(): readonly string[]; append(line: string): void };

export type ConsoleDeps = {
  services: Services;
  translator: Translator;
  store: DocumentStore;
  logger: Logger;
  settings?: Partial<ConsoleSettings>;
  labels?: LabelSink;
};

export type ConsoleVariables = {
  account: StaffAccount;
  principal: StaffPrincipal;
  session: ConsoleSession;
  /** The services as this account may use them (kelurahan scope applied). */
  services: Services;
  view: View;
};

export type ConsoleEnv = { Variables: ConsoleVariables };
export type ConsoleContext = Context<ConsoleEnv>;

/** What a page needs to render: texts in the account's language, the CSRF token, who is looking. */
export type View = {
  language: Language;
  t: (key: I18nKey, params?: Record<string, unknown>) => string;
  csrf: string;
  principal: StaffPrincipal | null;
  path: string;
  now: Date;
};
