/** i18n keys for stored codes (status, sex, occupation), shared by registration, "data saya" and staff. */
import type { I18nKey } from "../../i18n/keys";
import type { PersonStatus } from "../../core/people.port";

export const statusKey = (status: PersonStatus): I18nKey => `registration:status.${status}`;
export const sexKey = (sex: "L" | "P"): I18nKey => `registration:sex.${sex}`;
export const occupationKey = (code: string): I18nKey => `registration:occupation.options.${code}` as I18nKey;
