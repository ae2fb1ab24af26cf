// When the page may boot a WebContainer, and the one line a learner reads when a boot fails.
import { describe, expect, it } from "vitest";
import { describeFailure, isAppleMobile, webContainerSupport, type BrowserFacts } from "./availability";

const desktop: BrowserFacts = {
  crossOriginIsolated: true,
  onLine: true,
  userAgent:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
  platform: "Linux x86_64",
  maxTouchPoints: 0,
};
const evidence = { online: true, frameAnswered: false, blockedByPolicy: false };

describe("support", () => {
  it("boots on an isolated, online desktop browser", () => {
    expect(webContainerSupport(desktop)).toEqual({ supported: true });
  });
  it("skips iPhones and iPads, including an iPad that says it is a Mac", () => {
    expect(
      isAppleMobile({ ...desktop, userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)" }),
    ).toBe(true);
    expect(isAppleMobile({ ...desktop, platform: "MacIntel", maxTouchPoints: 5 })).toBe(true);
    expect(isAppleMobile({ ...desktop, platform: "MacIntel", maxTouchPoints: 0 })).toBe(false);
    expect(webContainerSupport({ ...desktop, platform: "iPad" })).toMatchObject({ supported: false });
  });
  it("says why not when the page is not isolated or the browser is offline", () => {
    expect(webContainerSupport({ ...desktop, crossOriginIsolated: false })).toMatchObject({
      reason: expect.stringMatching(/COOP\/COEP/),
    });
    expect(webContainerSupport({ ...desktop, onLine: false })).toMatchObject({
      reason: expect.stringMatching(/offline/),
    });
  });
});

describe("the likely cause of a failed start", () => {
  const timeout = { kind: "boot-timeout", afterMs: 20_000 } as const;
  it("is being offline, whatever else happened", () => {
    expect(describeFailure(timeout, { ...evidence, online: false }).cause).toBe("offline");
  });
  it("is the site's CSP when it blocked the runtime frame", () => {
    expect(describeFailure(timeout, { ...evidence, blockedByPolicy: true }).message).toMatch(
      /Content-Security-Policy/,
    );
  });
  it("is an unreachable StackBlitz, or blocked storage, by whether the frame answered", () => {
    expect(describeFailure(timeout, evidence)).toMatchObject({
      cause: "unreachable",
      message: expect.stringMatching(/20 s/),
    });
    expect(describeFailure(timeout, { ...evidence, frameAnswered: true }).cause).toBe("blocked");
  });
  it("names a stuck set-up and a failed install, and always says the offline engine takes over", () => {
    const stuck = describeFailure(
      { kind: "setup-timeout", afterMs: 180_000, step: "installing vitest" },
      evidence,
    );
    expect(stuck.message).toMatch(/stuck installing vitest \(180 s\)/);
    const install = describeFailure({ kind: "install-failed", exitCode: 1 }, evidence);
    expect(install.message).toMatch(/npm exited with code 1/);
    for (const { message } of [stuck, install]) expect(message).toMatch(/offline engine instead\.$/);
  });
});
