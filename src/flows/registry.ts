/**
 * Every flow the bot has. Add a flow in three steps: write `flows/<name>.flow.ts`, add its
 * locales (`locales/id/<ns>.json`, `locales/en/<ns>.json`, a line in `src/i18n/keys.ts`),
 * and list it here.
 */
import { z } from "zod";
import type { FlowRegistry } from "../core/flow-registry";
import { canEnter, defineFlow, startFlow, type AnyFlow } from "../core/flow";
import { choose } from "../core/steps";
import { aliveCheckFlow } from "./alive-check.flow";
import { broadcastManageFlow } from "./broadcast-manage.flow";
import { broadcastFlow } from "./broadcast.flow";
import { calculatorFlow } from "./calculator.flow";
import { claimStatusFlow } from "./claim-status.flow";
import { askIfReported, offerStrayMedia } from "./claims/claim-hooks";
import { claimDocumentsFlow } from "./death-report/claim-documents.flow";
import { deathReportFlow } from "./death-report/death-report.flow";
import { eligibilityFlow } from "./eligibility.flow";
import { menuFlow } from "./menu.flow";
import { myDataFlow } from "./my-data.flow";
import { optInFlow } from "./opt-in.flow";
import { optOutFlow } from "./opt-out.flow";
import { questionsFlow } from "./questions.flow";
import { registrationFlow } from "./registration.flow";
import { rtResidentsFlow } from "./rt-residents.flow";
import { staffClaimsFlow } from "./staff-claims.flow";
import { staffHandoffFlow } from "./staff-handoff.flow";
import { staffRegistrationsFlow } from "./staff-registrations.flow";
import { staffReportsFlow } from "./staff-reports.flow";
import { unansweredFlow } from "./unanswered.flow";

const flows: AnyFlow[] = [
  menuFlow,
  questionsFlow,
  eligibilityFlow,
  calculatorFlow,
  registrationFlow,
  myDataFlow,
  rtResidentsFlow,
  staffRegistrationsFlow,
  optOutFlow,
  optInFlow,
  broadcastFlow,
  broadcastManageFlow,
  deathReportFlow,
  claimDocumentsFlow,
  claimStatusFlow,
  staffClaimsFlow,
  staffHandoffFlow,
  staffReportsFlow,
  aliveCheckFlow,
  unansweredFlow,
  // one line per flow: registrationFlow, questionsFlow, deathReportFlow, …
];

const noData = z.object({});
type NoData = z.infer<typeof noData>;

/** The staff hub lists every staff-only flow that has a menu label. */
const staffFlow = defineFlow({
  id: "staff",
  version: 1,
  start: "pick",
  staffOnly: true,
  data: noData,
  initial: () => ({}),
  steps: {
    pick: choose<NoData>({
      prompt: "menu:main.staff",
      options: (_data, ctx) =>
        flows.flatMap((f) =>
          f.staffOnly && f.staffMenuLabel && canEnter(f, ctx.staff)
            ? [{ value: f.id, label: f.staffMenuLabel }]
            : [],
        ),
      onChoice: (value) => startFlow<NoData>(value),
    }),
  },
});

export function createFlowRegistry(
  extra: { interject?: FlowRegistry["interject"] } = {},
): FlowRegistry & { all: AnyFlow[] } {
  const all = [...flows, staffFlow];
  const byId = new Map(all.map((f) => [f.id, f] as const));
  return {
    home: menuFlow,
    get: (id) => byId.get(id),
    all,
    ...(extra.interject ? { interject: extra.interject } : {}),
    onStrayMedia: offerStrayMedia,
    onNewConversation: askIfReported,
  };
}
