/* ocop-catalogue: the product page's share button.
 *
 * Phones share through the system sheet (Web Share API: Zalo, Messenger, mail…). Where that is
 * missing (most desktop browsers), the page's address is copied (Clipboard API); where copying
 * is refused too (no secure context, no permission), a selected text field shows the address
 * to copy by hand. The button's words come from its data attributes (data-copied,
 * data-manual), so this holds no language. The button stays hidden without JavaScript.
 */

/** What this browser can do: "share", "copy" or "show" (pure: tested in node). */
export function strategy(nav) {
  if (nav && typeof nav.share === "function") return "share";
  if (nav && nav.clipboard && typeof nav.clipboard.writeText === "function") return "copy";
  return "show";
}

/** The data the system share sheet gets, from the button's attributes. */
export function shareData(button) {
  return { title: button.dataset.title || "", url: button.dataset.url || "" };
}

function showField(button, doc) {
  let box = button.parentElement.querySelector(".ocop-sharebox");
  if (!box) {
    box = doc.createElement("label");
    box.className = "ocop-sharebox";
    const words = doc.createElement("span");
    words.textContent = button.dataset.manual || "";
    const field = doc.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.value = button.dataset.url || "";
    box.append(words, field);
    button.after(box);
  }
  const field = box.querySelector("input");
  field.focus();
  field.select();
  return "show";
}

function say(button, doc, text) {
  let status = button.parentElement.querySelector(".ocop-sharestatus");
  if (!status) {
    status = doc.createElement("span");
    status.className = "ocop-sharestatus";
    status.setAttribute("role", "status");
    button.after(status);
  }
  status.textContent = text;
}

/** Share, copy or show the link; resolves to what was done. */
export async function share(button, nav, doc) {
  const how = strategy(nav);
  const data = shareData(button);
  if (how === "share") {
    try {
      await nav.share(data);
      return "share";
    } catch (error) {
      if (error && error.name === "AbortError") return "cancel";
    }
  }
  if (how !== "show") {
    try {
      await nav.clipboard.writeText(data.url);
      say(button, doc, button.dataset.copied || "");
      return "copy";
    } catch (error) {
      /* refused: show the address instead */
    }
  }
  return showField(button, doc);
}

export function wire(doc, nav) {
  for (const button of doc.querySelectorAll("[data-ocop-share]")) {
    button.hidden = false;
    button.addEventListener("click", () => share(button, nav, doc));
  }
}

if (typeof document !== "undefined") wire(document, navigator);
