/** Builds a page's View: texts in the reader's language through the bot's i18next translator. */
import type { Language } from "../core/messages";
import type { StaffPrincipal } from "../core/staff.port";
import type { I18nKey } from "../i18n/keys";
import type { ConsoleDeps, View } from "./console.types";

export function toView(
  deps: Pick<ConsoleDeps, "translator" | "services">,
  input: { language: Language; csrf: string; principal: StaffPrincipal | null; path: string },
): View {
  return {
    ...input,
    now: deps.services.clock.now(),
    t: (key: I18nKey, params?: Record<string, unknown>) => deps.translator.t(input.language, key, params),
  };
}
