// The budgets CI holds the built site to (scripts/budgets.ts). Sizes are gzipped bytes. A limit sits a
// little above today's figure, so a regression fails; raising one is a decision, made here with a reason.

const KB = 1024;

export const LIMITS = {
  /**
   * Any one page's HTML. The largest is lesson 10 (the whole core) at about 43 KB: 13 KB of it is its
   * hidden suite, which grew when the suites were made to judge behaviour exactly, and 5 KB the
   * twoslash types of its listings. Raised from 40 KB for that; the next cut is to fetch the suite
   * and the solution when the workspace needs them (the service worker would then have to keep them).
   */
  htmlPerPage: 48 * KB,
  /** Any one page's CSS: its stylesheets and its own <style> blocks. About 8.3 KB on lesson 18 (the
   *  two-pane lesson layout, the course map and the Trace view); raised from 8 KB for those. */
  cssPerPage: 10 * KB,
  /** JavaScript a page runs before the learner does anything (issue 14: at most 30 KB). About 6 KB today. */
  jsBeforeInteraction: 30 * KB,
  /** Lazily loaded groups, beyond what a lesson page already loaded (scripts/budgets/measure.ts GROUPS). */
  groups: {
    /** The editor (CodeMirror) and the workspace, on the first touch of an exercise: about 180 KB since
     *  the editor's TypeScript client, the failures-first results and the carry-forward (was 152 KB);
     *  raised from 175 KB for those. */
    workspace: 200 * KB,
    /** The offline test engine (sucrase, vitest's runner and expect), on the first focus in it: about 148 KB. */
    engine: 165 * KB,
    /** The search dialog and Pagefind's runtime, on the first search: about 85 KB. */
    search: 100 * KB,
  } as Record<string, number>,
  /** Lighthouse, every category, on each page below. */
  lighthouse: 95,
  lighthousePages: ["/", "/lessons/06-the-flow/", "/lessons/10-the-whole-core/"],
};
