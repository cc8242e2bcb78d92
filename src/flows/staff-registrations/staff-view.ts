/**
 * What staff read about one registration besides the person's data: the reasons to look in plain
 * words, the channel, who registered it (a resident's RT head, with his status), the residents an
 * RT head registered (drafts while he is unverified), a duplicate's first record. No raw codes.
 */
import type { FlowContext } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import type { I18nKey } from "../../i18n/keys";

const listedResidents = 20;

const statusWord = (person: Person, ctx: FlowContext) =>
  ctx.translator.t(ctx.language, `registration:statusWord.${person.status}` as I18nKey);

/** A flag in words ("Diusulkan ditanggung Pemkot"), or the code when it has none. */
export function toFlagWords(flag: string, ctx: Pick<FlowContext, "translator" | "language">): string {
  const key = `staffRegistrations:flag.${flag}`;
  return ctx.translator.has(ctx.language, key) ? ctx.translator.t(ctx.language, key as I18nKey) : flag;
}

async function toRegisteredBy(person: Person, ctx: FlowContext): Promise<Reply[]> {
  const headId = person.registeredBy.personId;
  const head = headId ? await ctx.services.people.findById(headId) : null;
  if (!head) return [];
  return [
    reply("staffRegistrations:show.registeredByHead", {
      name: head.name,
      reference: head.reference,
      status: statusWord(head, ctx),
    }),
  ];
}

async function toResidents(person: Person, ctx: FlowContext): Promise<Reply[]> {
  if (person.role !== "rt_head") return [];
  const query = { registeredByPersonId: person._id };
  const [count, drafts, listed] = await Promise.all([
    ctx.services.people.count(query),
    ctx.services.people.count({ ...query, status: "draft" }),
    ctx.services.people.search(query, { limit: listedResidents }),
  ]);
  if (count === 0) return [];
  const list = listed.map((r) => `${r.reference} · ${r.name} · ${statusWord(r, ctx)}`).join("\n");
  return [reply("staffRegistrations:show.residents", { count, drafts, list })];
}

async function toDuplicate(person: Person, ctx: FlowContext): Promise<Reply[]> {
  const first = person.duplicateOf ? await ctx.services.people.findById(person.duplicateOf) : null;
  return first ? [reply("staffRegistrations:show.duplicateOf", { reference: first.reference })] : [];
}

export async function toStaffDetails(person: Person, ctx: FlowContext): Promise<Reply[]> {
  const flags = person.flags.map((f) => `• ${toFlagWords(f, ctx)}`).join("\n");
  const channel = ctx.services.channels.capabilitiesOf(person.registeredBy.channel).label;
  return [
    reply(flags ? "staffRegistrations:show.flags" : "staffRegistrations:show.noFlags", { flags, channel }),
    ...(await toRegisteredBy(person, ctx)),
    ...(await toResidents(person, ctx)),
    ...(await toDuplicate(person, ctx)),
  ];
}
