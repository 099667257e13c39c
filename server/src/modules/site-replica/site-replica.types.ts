import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';

@ObjectType('SiteReplicaSession', {
  description: 'A stored bag as its site needs it to judge a retrieval while cut off from the server',
})
export class SiteReplicaSessionView {
  @Field(() => ID) sessionId!: string;
  @Field(() => ID) compartmentId!: string;
  @Field(() => String) compartmentLabel!: string;
  @Field(() => String, {
    description:
      'sha256("lockers-site-verifier:v1:" + siteId + ":" + sha256(code)); never the code, never the stored hash',
  })
  verifier!: string;
  @Field(() => Int, { description: 'Owed now, in minor units (0: paid up)' }) amountDue!: number;
  @Field(() => DateTime, {
    nullable: true,
    description: 'After this the bag is overdue (due time plus grace) and a fee accrues; null: never',
  })
  paidUntil!: Date | null;
}

@ObjectType('SiteReplicaFreeCompartment', {
  description: 'A compartment of a free size, empty and in service, that the site may fill while cut off',
})
export class SiteReplicaFreeCompartmentView {
  @Field(() => ID) compartmentId!: string;
  @Field(() => String) compartmentLabel!: string;
  @Field(() => String) size!: string;
}

@ObjectType('SiteReplicaFreeSize', { description: 'The terms of a free size, as the site offers it offline' })
export class SiteReplicaFreeSizeView {
  @Field(() => String) size!: string;
  @Field(() => Int) includedMinutes!: number;
  @Field(() => Int) graceMinutes!: number;
}

@ObjectType('SiteReplica', { description: "What a site's gateway keeps to open stored bags offline" })
export class SiteReplicaView {
  @Field(() => ID) siteId!: string;
  @Field(() => DateTime, { description: 'The server time the replica was read at' }) asOf!: Date;
  @Field(() => [SiteReplicaSessionView]) sessions!: SiteReplicaSessionView[];
  @Field(() => [SiteReplicaFreeCompartmentView], {
    description: "Compartments of free sizes the site may fill offline (its gateway's, empty, in service)",
  })
  freeCompartments!: SiteReplicaFreeCompartmentView[];
  @Field(() => [SiteReplicaFreeSizeView]) freeSizes!: SiteReplicaFreeSizeView[];
  @Field(() => Int, {
    description:
      'Deposits are taken offline only after the link has been down this long: by then the server counts the gateway offline and allocates nothing behind it, and every unlock it sent before has expired',
  })
  depositsAfterSeconds!: number;
}
