/**
 * Questions the bot could not answer, kept pseudonymised for staff: they list them and label each
 * with the intent it should have been, which adds it to the training data (nlu/train/). The store
 * scrubs NIK, phone numbers, e-mail addresses, references and names before anything is written.
 */
import type { ChannelName, Language } from "./messages";

export type UnansweredInput = {
  text: string;
  /** The bot's guesses (topics offered as choices, best first); empty when it had none. */
  guesses: string[];
  channel: ChannelName;
  language: Language;
  at: Date;
};

export type UnansweredQuestion = {
  _id: string;
  /** The scrubbed text. */
  text: string;
  guesses: string[];
  channel: ChannelName;
  language: Language;
  at: Date;
  /** Set when staff labelled it. */
  label?: string;
  labelledAt?: Date;
  labelledBy?: string;
};

export interface UnansweredQuestions {
  record(input: UnansweredInput): Promise<void>;
  /** Oldest first; unlabelled only unless `all`. */
  list(options?: { all?: boolean; limit?: number }): Promise<UnansweredQuestion[]>;
  findById(id: string): Promise<UnansweredQuestion | null>;
  markLabelled(id: string, label: string, by: string, at: Date): Promise<boolean>;
}
