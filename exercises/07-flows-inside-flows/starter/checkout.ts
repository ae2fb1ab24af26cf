// A checkout made of two flows: the payment flow is one step of the checkout flow, and the
// checkout branches on how the payment ended, "paid" or "declined". The nodes are ready: your job
// is the two functions at the bottom, which link them into flows.
import { Flow, Node } from "./pocketflow";

export type CheckoutStore = {
  cart: { name: string; price: number }[];
  /** The most this card may be charged. */
  cardLimit: number;
  total?: number;
  charged?: number;
  message?: string;
  /** Every step adds its name here, so you (and the tests) can follow the path taken. */
  log: string[];
};

/** Adds up the cart's prices into `shared.total`. */
export class PriceCart extends Node<CheckoutStore, number[], number> {
  override prep(shared: CheckoutStore) {
    return shared.cart.map((line) => line.price);
  }
  override exec(prices: number[]) {
    return prices.reduce((sum, price) => sum + price, 0);
  }
  override post(shared: CheckoutStore, _prices: number[], total: number) {
    shared.total = total;
    shared.log.push("price cart");
  }
}

/** Returns "approved" when the total fits within the card's limit, else "declined". */
export class Authorize extends Node<CheckoutStore, { total: number; limit: number }, boolean> {
  override prep(shared: CheckoutStore) {
    return { total: shared.total ?? 0, limit: shared.cardLimit };
  }
  override exec({ total, limit }: { total: number; limit: number }) {
    return total <= limit;
  }
  override post(shared: CheckoutStore, _input: unknown, approved: boolean) {
    shared.log.push("authorize");
    return approved ? "approved" : "declined";
  }
}

/** Charges the total and returns "paid". */
export class Capture extends Node<CheckoutStore> {
  override post(shared: CheckoutStore) {
    shared.charged = shared.total;
    shared.log.push("capture");
    return "paid";
  }
}

/** Notes the refusal and returns "declined". */
export class RecordDecline extends Node<CheckoutStore> {
  override post(shared: CheckoutStore) {
    shared.log.push("record decline");
    return "declined";
  }
}

export class SendReceipt extends Node<CheckoutStore> {
  override post(shared: CheckoutStore) {
    shared.message = `Paid ${String(shared.charged)}. Thank you!`;
    shared.log.push("send receipt");
  }
}

export class AskForAnotherCard extends Node<CheckoutStore> {
  override post(shared: CheckoutStore) {
    shared.message = "Your card was declined. Please try another one.";
    shared.log.push("ask for another card");
  }
}

/** Authorize, then Capture on "approved" or RecordDecline on "declined". */
export function buildPaymentFlow(): Flow<CheckoutStore> {
  // Create the three nodes, link Authorize's two actions with `on`, and return a Flow starting at Authorize.
  throw new Error("TODO: buildPaymentFlow: link Authorize to Capture and RecordDecline, return the flow");
}

/** PriceCart, then the payment flow, then SendReceipt on "paid" or AskForAnotherCard on "declined". */
export function buildCheckoutFlow(): Flow<CheckoutStore> {
  // The payment flow is a node here: link PriceCart to it, and link *it* to the two last steps.
  throw new Error("TODO: buildCheckoutFlow: nest the payment flow between PriceCart and the last steps");
}
