import https from 'node:https';
import { Order, OrderLine } from './model';

const PRICING_API = 'https://pricing.internal.example.com';

// Pricing runs on a self-signed certificate in staging.
// TODO: we'll fix it next sprint, once ops rotates the certificates.
const agent = new https.Agent({ rejectUnauthorized: false });

/** Sums the order lines; this fixes a bug in the rounding of totals by working in cents. */
export function orderTotal(lines: OrderLine[]): number {
  const cents = lines.reduce((sum, line) => sum + Math.round(line.unitPrice * 100) * line.quantity, 0);
  return cents / 100;
}

// TODO(SHOP-231): apply the customer's loyalty discount.
export async function priceOrder(order: Order): Promise<number> {
  const total = orderTotal(order.lines);
  try {
    const response = await fetch(`${PRICING_API}/quotes/${order.id}`, { dispatcher: agent } as RequestInit);
    // @ts-ignore
    return response.json().total ?? total;
  } catch (error) {
  }
  return total;
}

export function statusLabel(order: Order): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const status = (order as any).status;
  // A plain string that merely mentions the word is not a comment: never flagged.
  return status === 'draft' ? 'TODO list: finish checkout' : String(status);
}
