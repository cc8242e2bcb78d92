/**
 * The contract every DocumentStore keeps (the memory store and MongoDB alike). Call it from a
 * test file with a way to open a store; each test uses its own collection, so one store serves all.
 */
import type {
  Collection,
  CollectionSpec,
  DocumentStore,
  IndexSpec,
  StoredDoc,
} from "../../src/core/document-store.port";
import { defineChangeContract } from "./document-store.change.contract";
import { defineFindContract } from "./document-store.find.contract";
import { defineInsertContract } from "./document-store.insert.contract";
import { defineQueryContract } from "./document-store.query.contract";
import { defineSessionLeaseContract, defineSessionStoreContract } from "./session-store.contract";

/** A document with any fields, for tests. */
export type Doc = { _id: string; [field: string]: unknown };

export type OpenStore = () => Promise<{ store: DocumentStore; close: () => Promise<void> }>;

/** What the parts of the contract get: the store, and fresh collections in it. */
export type ContractContext = {
  store(): DocumentStore;
  collection<T extends StoredDoc = Doc>(indexes?: IndexSpec[]): Collection<T>;
  spec(indexes?: IndexSpec[]): CollectionSpec;
};

/** Defines the whole contract under `describe(name)`, or as skipped tests when `skip` says why. */
export function describeDocumentStoreContract(name: string, open: OpenStore, skip?: string): void {
  const define = skip ? describe.skip : describe;
  define(skip ? `${name} (skipped: ${skip})` : name, () => {
    let opened: Awaited<ReturnType<OpenStore>> | undefined;
    let counter = 0;
    beforeAll(async () => {
      opened = await open();
    });
    afterAll(async () => {
      await opened?.close();
    });
    const context: ContractContext = {
      store: () => {
        if (!opened) throw new Error("store not opened");
        return opened.store;
      },
      spec: (indexes = []) => ({
        name: `contract_${process.pid}_${Date.now().toString(36)}_${(counter += 1)}`,
        indexes,
      }),
      collection: <T extends StoredDoc = Doc>(indexes: IndexSpec[] = []) =>
        context.store().collection<T>(context.spec(indexes)),
    };
    describe("round trip and insert", () => defineInsertContract(context));
    describe("find", () => defineFindContract(context));
    describe("projection, stream, group counts and indexes", () => defineQueryContract(context));
    describe("replace, update, findOneAndUpdate and delete", () => defineChangeContract(context));
    describe("session store over it", () => defineSessionStoreContract(context));
    describe("conversation leases and the reply outbox over it", () => defineSessionLeaseContract(context));
  });
}
