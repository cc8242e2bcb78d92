import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { describeDocumentStoreContract } from "./document-store.contract";

describeDocumentStoreContract("memory document store", async () => {
  const store = createMemoryDocumentStore();
  return { store, close: () => store.close() };
});
