// Whether this browser may boot a WebContainer at all, and, when a boot fails, the likely cause in
// one line a learner can act on. Pure: the page passes in what it knows about the browser.
import type { BootEvidence } from "./runtime";

export interface BrowserFacts {
  crossOriginIsolated: boolean;
  onLine: boolean;
  userAgent: string;
  platform: string;
  maxTouchPoints: number;
}

export type Support = { supported: true } | { supported: false; reason: string };

/** iPhone and iPad tabs crash under a WebContainer's memory use; svelte.dev and TutorialKit skip them too. */
export function isAppleMobile({ userAgent, platform, maxTouchPoints }: BrowserFacts): boolean {
  const iPhone = /iPhone|iPod/.test(userAgent) || platform === "iPhone";
  // iPadOS presents itself as a Mac; a touch screen gives it away.
  const iPad =
    platform === "iPad" || /iPad/.test(userAgent) || (platform === "MacIntel" && maxTouchPoints > 1);
  return iPhone || iPad;
}

export function webContainerSupport(browser: BrowserFacts): Support {
  if (isAppleMobile(browser))
    return {
      supported: false,
      reason: "WebContainers are not used on iPhone and iPad: they crash the tab there.",
    };
  if (!browser.crossOriginIsolated)
    return {
      supported: false,
      reason: "This page is not cross-origin isolated (COOP/COEP headers), which a WebContainer needs.",
    };
  if (!browser.onLine)
    return { supported: false, reason: "This browser is offline; a WebContainer needs the internet." };
  return { supported: true };
}

export type FailureCause = "offline" | "policy" | "unreachable" | "blocked" | "stuck" | "install" | "crashed";

export interface BootFailure {
  cause: FailureCause;
  /** One line for the learner: what happened, the likely cause, and that the offline engine runs the tests. */
  message: string;
}

/** How a start went wrong, as the engine saw it. */
export type FailureKind =
  | { kind: "boot-timeout"; afterMs: number }
  | { kind: "boot-error"; error: string }
  | { kind: "setup-timeout"; afterMs: number; step: string }
  | { kind: "install-failed"; exitCode: number };

const FALLBACK = "Tests run in the offline engine instead.";
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function describeFailure(failure: FailureKind, evidence: BootEvidence): BootFailure {
  if (!evidence.online)
    return {
      cause: "offline",
      message: `The WebContainer needs the internet and this browser is offline. ${FALLBACK}`,
    };
  if (evidence.blockedByPolicy)
    return {
      cause: "policy",
      message: `This site's Content-Security-Policy blocked StackBlitz's WebContainer frame. ${FALLBACK}`,
    };
  switch (failure.kind) {
    case "boot-timeout":
      return evidence.frameAnswered
        ? {
            cause: "blocked",
            message:
              `The WebContainer did not finish starting within ${seconds(failure.afterMs)}: this browser may ` +
              `block third-party cookies or storage for stackblitz.com (allow them for this site), or the ` +
              `start got stuck (reload the page). ${FALLBACK}`,
          }
        : {
            cause: "unreachable",
            message:
              `StackBlitz's servers did not answer within ${seconds(failure.afterMs)}: an ad blocker, a ` +
              `network filter or no internet connection can cause this. ${FALLBACK}`,
          };
    case "boot-error":
      return {
        cause: "crashed",
        message: `The WebContainer could not start (${failure.error}). ${FALLBACK}`,
      };
    case "setup-timeout":
      return {
        cause: "stuck",
        message:
          `The WebContainer started but got stuck ${failure.step} (${seconds(failure.afterMs)}); reload the ` +
          `page to try again. ${FALLBACK}`,
      };
    case "install-failed":
      return {
        cause: "install",
        message: `The WebContainer could not install vitest (npm exited with code ${failure.exitCode}). ${FALLBACK}`,
      };
  }
}

/** Thrown by the engine's start(): carries the learner-facing failure. */
export class StartFailure extends Error {
  constructor(readonly failure: BootFailure) {
    super(failure.message);
  }
}

/** A run the sandbox itself could not do (not the learner's code): the page runs it elsewhere. */
export class SandboxFailure extends Error {}
