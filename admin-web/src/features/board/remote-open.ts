// Whether the board can offer a remote open: the bank's gateway must be online and able to
// read the bank's controller. The server refuses anyway when it cannot (LOCK_UNAVAILABLE);
// this only keeps the button from promising a door the system cannot open. Pure, tested in
// remote-open.test.ts.

interface BankLink {
  id: string;
  gateway?: { id: string } | null;
  controller?: { state: string } | null;
}

/** Why remote open is unavailable for a compartment of `bankId`, or null when it is offered. */
export function remoteOpenBlocker(
  site: { banks: readonly BankLink[]; gateways: readonly { id: string; name: string; online: boolean }[] },
  bankId: string,
): string | null {
  const bank = site.banks.find((b) => b.id === bankId);
  if (!bank) return null;
  if (!bank.gateway) return 'Remote open is unavailable: this bank has no gateway.';
  const gateway = site.gateways.find((g) => g.id === bank.gateway?.id);
  if (!gateway) return null;
  if (!gateway.online) return `Remote open is unavailable: gateway ${gateway.name} is offline.`;
  if (bank.controller?.state === 'DOWN')
    return `Remote open is unavailable: gateway ${gateway.name} cannot read this bank’s lock controller.`;
  return null;
}
