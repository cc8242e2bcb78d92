/**
 * A file sent outside the documents step (from the menu, a status view, another flow) for a claim
 * still missing documents: stored already, attached after one confirmation ("Ini untuk klaim
 * KLM-…? 1. Ya"), or deleted when it was not for a claim. Nothing a family sends is dropped silently.
 */
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { exit, next } from "../../core/flow";
import { choose, noAliases, yesAliases } from "../../core/steps";
import { toMissing } from "../../domain/claim-documents";
import type { DocumentsData } from "./claim-documents.flow";
import { attachUpload, type Upload } from "./document-upload";

type D = DocumentsData;

const options = (state: D) =>
  state.choices.length > 1
    ? [
        ...state.choices.map((reference) => ({
          value: reference,
          label: "deathReport:documents.claimItem" as const,
          params: { reference },
        })),
        { value: "no", label: "deathReport:documents.notForClaim" as const, aliases: noAliases },
      ]
    : [
        { value: "yes", label: "deathReport:documents.yes" as const, aliases: yesAliases },
        { value: "no", label: "deathReport:documents.notForClaim" as const, aliases: noAliases },
      ];

async function attach(upload: Upload, reference: string, state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const { id, type } = await attachUpload(upload, reference, ctx);
  const base: D = { ...state, reference, choices: [], intro: false };
  delete base.upload;
  const claim = await ctx.services.claims.findByReference(reference);
  if (type) return next("collect", { ...base, lastReceived: type });
  return next("label", { ...base, pending: id, labelOptions: claim ? toMissing(claim) : [] });
}

export const confirmUploadStep: Step<D> = choose<D>({
  prompt: (state) =>
    state.choices.length > 1
      ? { key: "deathReport:documents.pickClaim" }
      : { key: "deathReport:documents.confirmClaim", params: { reference: state.reference } },
  options: (state) => options(state),
  onChoice: async (value, state, ctx) => {
    const upload = state.upload;
    if (!upload) return next("collect", state);
    if (value === "no") {
      await ctx.services.files.remove(upload.fileKey);
      return exit([{ key: "deathReport:documents.discarded" }], true);
    }
    return attach(upload, value === "yes" ? state.reference : value, state, ctx);
  },
});
