// What the workspace says to the learner, in one place so the wording can be reviewed together.
import type { ConfirmOptions } from "./confirm";

export const HELP =
  "In the editor, Tab indents. To leave it with the keyboard, press Esc, then Tab. " +
  "Ctrl+Enter (⌘+Enter on a Mac) runs the tests. Your code is saved in this browser as you type. " +
  "Type errors are underlined: F8 goes to the next, Ctrl+Shift+M lists them, Ctrl+K Ctrl+I shows " +
  "the type at the cursor, F12 goes to its definition (⌘ for Ctrl on a Mac).";

export const NOT_PERSISTENT =
  "This browser does not let the course save progress, so your code lasts only while this page is open.";

export const SAVE_REFUSED =
  "This browser refused to save your progress (its storage may be full). " +
  "Your code stays while this page is open, but not after a reload.";

export const LESSON_COMPLETE = "Lesson complete! The course map now shows it as done.";

export const LESSON_COMPLETE_WITH_SOLUTION =
  "The solution passes, so the lesson counts as completed with the solution shown. " +
  "Pass the tests with your own code to make it yours.";

export const TYPE_ERRORS_BLOCK_COMPLETION =
  "Every test passes, but the exercise is complete only once its files type-check: fix the type errors below.";

export const COMPLETED_OWN_NOW = "Now it passes with your own code: the lesson is yours.";

export const CONFIRM_RESET: ConfirmOptions = {
  title: "Reset to the starter code?",
  body:
    "Your code in this exercise is replaced by the starter, and the copy saved in this browser is " +
    "deleted. Your hints and completion stay.",
  confirm: "Reset",
};

export const CONFIRM_SOLUTION: ConfirmOptions = {
  title: "Show the solution?",
  body:
    "The reference solution replaces the code in the editor. Your own code is kept: the Restore my " +
    "code button brings it back.",
  confirm: "Show solution",
};

/** For an exercise that carries the learner's file forward, Reset goes to the reference starter. */
export const CONFIRM_RESET_CARRIED = (file: string, from: string): ConfirmOptions => ({
  title: "Reset to the reference starter?",
  body:
    `Your code in this exercise is replaced by the reference starter, which holds exercise ${from}'s ` +
    `reference solution with this exercise's TODOs. You can bring your own ${file} of exercise ${from} ` +
    "back afterwards. Your hints and completion stay.",
  confirm: "Reset",
});

export const ANNOUNCE = {
  reset: "The exercise is back to its starter code.",
  solution: "The solution is in the editor. Your code is saved: use Restore my code to bring it back.",
  restored: "Your code is back in the editor.",
  carried: "Your code from the previous exercise is in the editor, with this exercise's TODOs added.",
};
