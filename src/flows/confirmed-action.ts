/**
 * A one-question flow: asks the user to confirm, then does one thing through the ports.
 * "No" leaves everything as it was and says so. Used for opt-out and opt-in.
 */
import { z } from "zod";
import { defineFlow, done, exit, type FlowContext } from "../core/flow";
import type { Reply } from "../core/messages";
import { confirm } from "../core/steps";
import type { I18nKey } from "../i18n/keys";

const noData = z.object({});
type NoData = z.infer<typeof noData>;

export function defineConfirmedAction(spec: {
  id: string;
  confirm: I18nKey;
  kept: I18nKey;
  act: (ctx: FlowContext) => Promise<Reply[]>;
}) {
  return defineFlow({
    id: spec.id,
    version: 1,
    start: "confirm",
    data: noData,
    initial: () => ({}),
    steps: {
      confirm: confirm<NoData>({
        legal: true,
        prompt: spec.confirm,
        onYes: (data) => done(data),
        onNo: () => exit([{ key: spec.kept }], true),
      }),
    },
    complete: (_data, ctx) => spec.act(ctx),
  });
}
