/**
 * i18n keys typed from locales/id (the source): a misspelt key fails to compile.
 * Add one line per namespace when you add a locales/id/<ns>.json file.
 */
import type common from "../../locales/id/common.json";
import type menu from "../../locales/id/menu.json";
import type whatsapp from "../../locales/id/whatsapp.json";
import type faq from "../../locales/id/faq.json";
import type questions from "../../locales/id/questions.json";
import type calculator from "../../locales/id/calculator.json";
import type eligibility from "../../locales/id/eligibility.json";
import type telegram from "../../locales/id/telegram.json";
import type myData from "../../locales/id/myData.json";
import type registration from "../../locales/id/registration.json";
import type staffRegistrations from "../../locales/id/staffRegistrations.json";
import type broadcast from "../../locales/id/broadcast.json";
import type deathReport from "../../locales/id/deathReport.json";
import type claimStatus from "../../locales/id/claimStatus.json";
import type staffClaims from "../../locales/id/staffClaims.json";
import type consoleTexts from "../../locales/id/console.json";
import type handoff from "../../locales/id/handoff.json";
import type rtResidents from "../../locales/id/rtResidents.json";
import type staffReports from "../../locales/id/staffReports.json";
import type security from "../../locales/id/security.json";

export type Resources = {
  common: typeof common;
  menu: typeof menu;
  whatsapp: typeof whatsapp;
  faq: typeof faq;
  questions: typeof questions;
  calculator: typeof calculator;
  eligibility: typeof eligibility;
  telegram: typeof telegram;
  registration: typeof registration;
  myData: typeof myData;
  staffRegistrations: typeof staffRegistrations;
  broadcast: typeof broadcast;
  deathReport: typeof deathReport;
  claimStatus: typeof claimStatus;
  staffClaims: typeof staffClaims;
  console: typeof consoleTexts;
  handoff: typeof handoff;
  rtResidents: typeof rtResidents;
  staffReports: typeof staffReports;
  security: typeof security;
};

type PluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";
type StripPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${StripPlural<K>}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type Namespace = Extract<keyof Resources, string>;

export type I18nKey = { [NS in Namespace]: `${NS}:${Paths<Resources[NS]>}` }[Namespace];
