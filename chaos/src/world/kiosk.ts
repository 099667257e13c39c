/** The kiosk's calls (kiosk token), as the kiosk app makes them. */
import { Gql, type GqlAnswer } from '../lib/gql.ts';

export interface ScanAnswer {
  outcome: string;
  message: string;
  amountDue: { amount: number } | null;
  compartment: { id: string; label: string } | null;
  session: { id: string; status: string; compartment: { id: string } | null } | null;
}

export interface PaymentAnswer {
  id: string;
  status: string;
  amount: { amount: number };
}

/** One kiosk at the site. */
export class Kiosk {
  private readonly gql: Gql;
  private readonly siteId: string;

  constructor(graphqlUrl: string, token: string, siteId: string) {
    this.gql = new Gql(graphqlUrl, token);
    this.siteId = siteId;
  }

  issue(
    size: string,
  ): Promise<GqlAnswer<{ issueAccessCode: { session: { id: string }; code: { payload: string } } }>> {
    return this.gql.call(
      'mutation($s: ID!, $z: CompartmentSize!) { issueAccessCode(siteId: $s, size: $z) { session { id } code { payload } } }',
      { s: this.siteId, z: size },
    );
  }

  scan(payload: string): Promise<GqlAnswer<{ scanAccessCode: ScanAnswer }>> {
    return this.gql.call(
      `mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) {
        outcome message amountDue { amount } compartment { id label } session { id status compartment { id } } } }`,
      { s: this.siteId, p: payload },
    );
  }

  createPayment(sessionId: string): Promise<GqlAnswer<{ createPayment: PaymentAnswer }>> {
    return this.gql.call(
      'mutation($id: ID!) { createPayment(sessionId: $id) { id status amount { amount } } }',
      { id: sessionId },
    );
  }

  approve(paymentId: string): Promise<GqlAnswer<{ confirmDemoPayment: PaymentAnswer }>> {
    return this.gql.call(
      'mutation($id: ID!) { confirmDemoPayment(paymentId: $id, outcome: APPROVE) { id status amount { amount } } }',
      {
        id: paymentId,
      },
    );
  }
}
