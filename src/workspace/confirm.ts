// "Are you sure?" for Reset and Show solution, as a modal <dialog>: the browser traps focus inside,
// Escape cancels, and focus returns to the button that opened it.
import { h, uniqueId } from "./dom";

export interface ConfirmOptions {
  title: string;
  body: string;
  /** The confirming button's label, naming the action ("Reset", "Show solution"). */
  confirm: string;
}

export function askToConfirm(host: HTMLElement, options: ConfirmOptions): Promise<boolean> {
  const titleId = uniqueId("confirm-title");
  const bodyId = uniqueId("confirm-body");
  const cancel = h("button", { type: "button", class: "ws-button", value: "cancel" }, "Cancel");
  const accept = h(
    "button",
    { type: "button", class: "ws-button ws-primary", value: "confirm" },
    options.confirm,
  );
  const dialog = h(
    "dialog",
    { class: "ws-dialog", "aria-labelledby": titleId, "aria-describedby": bodyId },
    h("h3", { id: titleId }, options.title),
    h("p", { id: bodyId }, options.body),
    h("div", { class: "ws-dialog-actions" }, cancel, accept),
  );
  host.append(dialog);
  return new Promise((resolve) => {
    cancel.addEventListener("click", () => dialog.close("cancel"));
    accept.addEventListener("click", () => dialog.close("confirm"));
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "confirm");
      dialog.remove();
    });
    dialog.showModal();
    // The safe choice has focus, so a stray Enter never destroys work.
    cancel.focus();
  });
}
