/**
 * One WhatsApp transport per deployment: the web client and the Cloud API must never run for the
 * same number at once (both would answer, and a person would get everything twice). Each running
 * process holds a lease in the store naming its mode and renews it; a process of the other mode
 * refuses to start while the lease is fresh. Several processes of the same mode (Cloud API behind
 * a load balancer) share it.
 */
import type { DocumentStore } from "../../core/document-store.port";
import type { Clock } from "../../core/ports";

type TransportLease = { _id: string; mode: string; holder: string; renewedAt: Date };

export type TransportClaim = { ok: true } | { ok: false; heldBy: string; renewedAt: Date };

const leaseId = "whatsapp";

export function createTransportLease(deps: {
  store: DocumentStore;
  clock: Clock;
  mode: "web" | "cloud";
  holder: string;
  /** A lease not renewed for this long belongs to a process that is gone. */
  staleMs?: number;
  renewMs?: number;
}) {
  const leases = deps.store.collection<TransportLease>({ name: "channel_transports", indexes: [] });
  const staleMs = deps.staleMs ?? 2 * 60_000;
  let timer: NodeJS.Timeout | undefined;

  const renew = () =>
    leases.replace(
      { _id: leaseId, mode: deps.mode, holder: deps.holder, renewedAt: deps.clock.now() },
      { upsert: true },
    );

  return {
    /** Takes the lease unless a live process runs the other mode; then keeps it renewed. */
    async claim(): Promise<TransportClaim> {
      const current = await leases.findById(leaseId);
      const fresh = current && deps.clock.now().getTime() - current.renewedAt.getTime() < staleMs;
      if (current && fresh && current.mode !== deps.mode)
        return { ok: false, heldBy: current.mode, renewedAt: current.renewedAt };
      await renew();
      timer = setInterval(() => void renew().catch(() => undefined), deps.renewMs ?? 30_000);
      timer.unref();
      return { ok: true };
    },
    /** Stops renewing and gives the lease up (the other mode may start at once). */
    async release(): Promise<void> {
      if (timer) clearInterval(timer);
      await leases.delete({ _id: leaseId, mode: deps.mode, holder: deps.holder });
    },
  };
}
