// checkout.ts: a payment flow nested inside a checkout flow that branches on "paid" or "declined".
import { afterEach, describe, expect, it, vi } from "vitest";
import { Authorize, PriceCart, buildCheckoutFlow, buildPaymentFlow, type CheckoutStore } from "../checkout";
import { Flow } from "../pocketflow";
import { captureWarnings } from "./helpers";

const cart = [
  { name: "book", price: 20 },
  { name: "pen", price: 5 },
];
const customer = (cardLimit: number, total?: number): CheckoutStore => ({ cart, cardLimit, total, log: [] });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("buildPaymentFlow", () => {
  it("returns a Flow that starts with Authorize", () => {
    const payment = buildPaymentFlow();
    expect(payment, "buildPaymentFlow returns new Flow(authorize)").toBeInstanceOf(Flow);
    expect(payment.startNode).toBeInstanceOf(Authorize);
  });

  it('captures the payment and resolves to "paid" when the card can pay', async () => {
    const shared = customer(100, 25);
    await expect(buildPaymentFlow().run(shared)).resolves.toBe("paid");
    expect(shared.log, 'Authorize said "approved", so Capture runs').toEqual(["authorize", "capture"]);
    expect(shared.charged).toBe(25);
  });

  it('records the decline and resolves to "declined" when the total is over the limit', async () => {
    const shared = customer(10, 25);
    await expect(buildPaymentFlow().run(shared)).resolves.toBe("declined");
    expect(shared.log, 'Authorize said "declined", so RecordDecline runs').toEqual([
      "authorize",
      "record decline",
    ]);
    expect(shared.charged, "nothing was charged").toBeUndefined();
  });
});

describe("buildCheckoutFlow", () => {
  it("nests the payment flow as the step after PriceCart, with the last steps linked to it", () => {
    const checkout = buildCheckoutFlow();
    expect(checkout.startNode, "the checkout starts with PriceCart").toBeInstanceOf(PriceCart);
    const payment = checkout.startNode?.successors.get("default");
    expect(payment, "PriceCart's default successor is the payment flow itself").toBeInstanceOf(Flow);
    expect(
      [...(payment?.successors.keys() ?? [])].sort(),
      'the payment flow links "paid" and "declined"',
    ).toEqual(["declined", "paid"]);
  });

  it("prices the cart, pays, and sends a receipt when the card can pay", async () => {
    const shared = customer(100);
    await buildCheckoutFlow().run(shared);
    expect(shared.log).toEqual(["price cart", "authorize", "capture", "send receipt"]);
    expect(shared.message).toBe("Paid 25. Thank you!");
  });

  it("asks for another card when the payment is declined", async () => {
    const shared = customer(20);
    await buildCheckoutFlow().run(shared);
    expect(shared.log).toEqual(["price cart", "authorize", "record decline", "ask for another card"]);
    expect(shared.message).toBe("Your card was declined. Please try another one.");
  });

  it('runs both paths without any "Flow ends" warning, and can serve customer after customer', async () => {
    const warn = captureWarnings();
    const checkout = buildCheckoutFlow();
    const [rich, poor, richAgain] = [customer(100), customer(20), customer(100)];
    for (const shared of [rich, poor, richAgain]) await checkout.run(shared);
    expect(
      warn,
      "every action on both paths should lead somewhere, or end where nothing is linked",
    ).not.toHaveBeenCalled();
    expect(richAgain.log, "the same flow gives the same path for the same customer").toEqual(rich.log);
    expect(poor.log.at(-1)).toBe("ask for another card");
  });
});
