import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { transact } from '../../db/transaction.js';
import { LockerBankEntity } from '../../entities/locker-bank.entity.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { GatewayEntity } from '../../entities/gateway.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { checkModbusEndpoint } from './modbus-endpoint.js';
import type { CompartmentInput } from './compartment.types.js';
import { checkBoardProfile, type BoardProfileInputData } from './board-profile.js';
import type { CompartmentSize } from '../../entities/compartment.enums.js';
import type { Dimensions, SizeDimensionsData } from './size-dimensions.js';

export interface NewBank {
  siteId: string;
  label: string;
  modbusEndpoint: string;
  gatewayId: string | null;
  compartments: CompartmentInput[];
  board?: BoardProfileInputData | null;
}

const MAX_COMPARTMENTS = 500;

/** Locker banks and their compartments, created together in one transaction. */
export class BankService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
  ) {}

  async create(input: NewBank): Promise<LockerBankEntity> {
    const label = input.label.trim();
    if (label.length < 1 || label.length > 60) throw badInput('label', 'label must be 1 to 60 characters');
    const endpoint = checkModbusEndpoint(input.modbusEndpoint);
    const board = checkBoardProfile(input.board);
    checkCompartments(input.compartments);
    return transact(this.em, this.bus, async (tx, fx) => {
      if (!(await tx.findOne(SiteEntity, input.siteId))) throw notFound('Site');
      // the site's availability counts change (cached by the public read path)
      fx.publish('SITE_CHANGED', input.siteId, () => ({ siteId: input.siteId }));
      const gatewayId = await this.pickGateway(tx, input.siteId, input.gatewayId);
      if (await tx.findOne(LockerBankEntity, { siteId: input.siteId, label })) {
        throw conflict(`A bank labelled "${label}" already exists at this site`);
      }
      const taken = await tx.find(CompartmentEntity, {
        siteId: input.siteId,
        label: { $in: input.compartments.map((c) => c.label.trim()) },
      });
      if (taken.length > 0)
        throw conflict(`Compartment label ${taken[0]!.label} is already used at this site`);
      const bank = tx.create(LockerBankEntity, {
        id: newId(),
        siteId: input.siteId,
        label,
        modbusEndpoint: endpoint,
        gatewayId,
        boardProfile: board,
      } as LockerBankEntity);
      await tx.flush(); // the bank row first: compartments reference it
      for (const c of input.compartments) {
        tx.create(CompartmentEntity, {
          id: newId(),
          bankId: bank.id,
          siteId: input.siteId,
          label: c.label.trim(),
          size: c.size,
          unitId: c.unitId,
          coil: c.coil,
          doorInput: c.doorInput,
        } as CompartmentEntity);
      }
      return bank;
    });
  }

  /** Sets the bank's board profile (the installer's choice after `--check`); the gateway picks it up at its next config fetch. */
  async setBoard(bankId: string, input: BoardProfileInputData): Promise<LockerBankEntity> {
    const board = checkBoardProfile(input);
    return transact(this.em, this.bus, async (tx) => {
      const bank = await tx.findOne(LockerBankEntity, bankId);
      if (!bank) throw notFound('LockerBank');
      bank.boardProfile = board;
      return bank;
    });
  }

  /** Sets (or, with null, clears) the inside dimensions of one size in this bank: the travellers' size guide. */
  async setSizeDimensions(
    bankId: string,
    size: CompartmentSize,
    dimensions: Dimensions | null,
  ): Promise<LockerBankEntity> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const bank = await tx.findOne(LockerBankEntity, bankId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!bank) throw notFound('LockerBank');
      // the guide is part of the site's public snapshot (cached by the read path)
      fx.publish('SITE_CHANGED', bank.siteId, () => ({ siteId: bank.siteId }));
      const next: SizeDimensionsData = { ...(bank.sizeDimensions as SizeDimensionsData) };
      if (dimensions) next[size] = dimensions;
      else delete next[size];
      bank.sizeDimensions = next;
      return bank;
    });
  }

  /** The bank's gateway: the one named, or the site's (newest) gateway, or none yet. */
  private async pickGateway(
    tx: EntityManager,
    siteId: string,
    gatewayId: string | null,
  ): Promise<string | null> {
    if (gatewayId) {
      const gw = await tx.findOne(GatewayEntity, gatewayId);
      if (!gw || gw.siteId !== siteId)
        throw badInput('gatewayId', 'gatewayId must name a gateway of this site');
      return gw.id;
    }
    const newest = await tx.findOne(GatewayEntity, { siteId }, { orderBy: { createdAt: 'desc' } });
    return newest?.id ?? null;
  }
}

function checkCompartments(list: CompartmentInput[]): void {
  if (list.length === 0) throw badInput('compartments', 'a bank needs at least one compartment');
  if (list.length > MAX_COMPARTMENTS)
    throw badInput('compartments', `at most ${MAX_COMPARTMENTS} compartments per bank`);
  const labels = new Set<string>();
  const coils = new Set<string>();
  const inputs = new Set<string>();
  for (const c of list) {
    const label = c.label.trim();
    if (!/^[A-Za-z0-9-]{1,20}$/.test(label))
      throw badInput(
        'compartments.label',
        `label "${label.slice(0, 20)}" must be 1-20 letters, digits or dashes`,
      );
    if (labels.has(label)) throw badInput('compartments.label', `label ${label} appears twice`);
    labels.add(label);
    const coil = `${c.unitId}:${c.coil}`;
    if (coils.has(coil)) throw badInput('compartments.coil', `unit ${c.unitId} coil ${c.coil} is used twice`);
    coils.add(coil);
    const input = `${c.unitId}:${c.doorInput}`;
    if (inputs.has(input))
      throw badInput('compartments.doorInput', `unit ${c.unitId} input ${c.doorInput} is used twice`);
    inputs.add(input);
  }
}
