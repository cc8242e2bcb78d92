/**
 * Who is asking, as far as the bot knows: a registration in progress (its funding and sector so
 * far), or the asker's own registration. Answers about money use it (Pemkot-funded: Rp 0).
 */
import type { FlowContext } from "../../core/flow";
import type { Person } from "../../core/people.port";
import type { Sector } from "../../domain/contributions";
import { findOccupation } from "../../domain/occupations";
import { findOwnRegistration } from "../registration/consent.steps";

export type AskerSituation = {
  fundedBy?: "apbd" | "self";
  sector?: Sector;
  income?: number;
  /** True when the answer is read from a registration the asker is filling in now. */
  registering: boolean;
  person?: Person;
};

type DraftRegistration = {
  subject?: string;
  occupation?: string;
  fundedBy?: "apbd" | "self";
  income?: number;
};

function fromDraft(draft: DraftRegistration): AskerSituation {
  const occupation = findOccupation(draft.occupation ?? "");
  const fundedBy = draft.fundedBy ?? (occupation?.apbdGroup ? "apbd" : undefined);
  return {
    registering: true,
    ...(fundedBy ? { fundedBy } : {}),
    ...(occupation ? { sector: occupation.sector } : {}),
    ...(draft.income ? { income: draft.income } : {}),
  };
}

export async function toAskerSituation(ctx: FlowContext): Promise<AskerSituation> {
  const draft = ctx.session.flow?.id === "registration" ? ctx.session.flow : ctx.session.parked.registration;
  const data = (draft?.data ?? {}) as DraftRegistration;
  if (draft && data.subject !== "resident" && (data.fundedBy || data.occupation)) return fromDraft(data);
  const person = await findOwnRegistration(ctx);
  if (!person) return { registering: false };
  return {
    registering: false,
    person,
    fundedBy: person.fundedBy,
    sector: findOccupation(person.occupation.code)?.sector ?? "other",
    income: person.income,
  };
}
