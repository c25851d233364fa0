/* The priority products page (content/priority.html): tick criteria to see only the products
 * meeting every ticked one. The ticks live in the address (?tieu-chi=lang-nghe&tieu-chi=…), so
 * a shared link or a reload shows the same list. Without this script every product is listed. */
(() => {
  const page = document.getElementById("ocop-priority");
  const form = document.getElementById("ocop-criteria");
  if (!page || !form) return;
  const param = page.dataset.param;
  const boxes = [...form.querySelectorAll("input[type=checkbox]")];
  const cards = [...page.querySelectorAll("#ocop-priority-list > li")];
  const status = document.getElementById("ocop-priority-status");
  const empty = document.getElementById("ocop-priority-empty");
  const criteriaOf = (card) =>
    new Set([...card.querySelectorAll("[data-criterion]")].map((e) => e.dataset.criterion));

  function ticked() { return boxes.filter((b) => b.checked).map((b) => b.value); }

  function show() {
    const wanted = ticked();
    let shown = 0;
    for (const card of cards) {
      const has = criteriaOf(card);
      card.hidden = !wanted.every((c) => has.has(c));
      if (!card.hidden) shown += 1;
    }
    status.textContent = page.dataset.msgShown.replace("{n}", String(shown));
    if (empty && cards.length) empty.hidden = shown > 0;
  }

  function readAddress() {
    const values = new URLSearchParams(location.search).getAll(param);
    for (const box of boxes) box.checked = values.includes(box.value);
  }

  function writeAddress() {
    const params = new URLSearchParams(location.search);
    params.delete(param);
    for (const value of ticked()) params.append(param, value);
    const query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  form.hidden = false;
  form.addEventListener("change", () => { writeAddress(); show(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("popstate", () => { readAddress(); show(); });
  readAddress();
  show();
})();
