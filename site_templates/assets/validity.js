/* ocop-catalogue: a page never claims a star that has lapsed since it was built.
 *
 * Validity is computed when the site is built ("Tính đến 01/12/2026"). A page can be seen
 * later: a deployment that stopped, a saved page, a cached copy. Each current star's badge
 * carries its last valid day (data-valid-until="2028-01-16"); on the viewer's later day this
 * turns the badge into "Đã hết hạn — Hết hiệu lực từ 17/01/2028", with the words the page
 * gives in #ocop-validity (data-lapsed-label, data-lapsed-detail with {date}), so the script
 * holds no language. Loaded on every page; the catalogue calls recheck() on new result cards.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The viewer's own calendar day, as YYYY-MM-DD. */
export function localDay(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Has a star valid until `validUntil` (YYYY-MM-DD) lapsed on `today` (YYYY-MM-DD)? */
export function lapsed(validUntil, today) {
  return ISO_DAY.test(validUntil) && ISO_DAY.test(today) && today > validUntil;
}

/** The first day a star valid until `validUntil` no longer holds, as dd/mm/yyyy. */
export function firstInvalidDay(validUntil) {
  const [, y, m, d] = ISO_DAY.exec(validUntil).map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(next.getUTCDate())}/${pad(next.getUTCMonth() + 1)}/${next.getUTCFullYear()}`;
}

/** Turn every lapsed badge under `root` into an expired one; returns how many changed. */
export function recheck(root, words, today = localDay()) {
  if (!words) return 0;
  let changed = 0;
  for (const badge of root.querySelectorAll(".ocop-badge[data-valid-until]")) {
    const until = badge.getAttribute("data-valid-until");
    if (!lapsed(until, today)) continue;
    badge.setAttribute("class", "ocop-badge ocop-badge--expired");
    badge.setAttribute("data-state", "expired");
    badge.removeAttribute("data-valid-until");
    badge.querySelector(".ocop-stars")?.setAttribute("class", "ocop-stars ocop-stars--lapsed");
    const label = badge.querySelector(".ocop-badge__label");
    const detail = badge.querySelector(".ocop-badge__detail");
    if (label) label.textContent = words.label;
    if (detail) detail.textContent = words.detail.replace("{date}", firstInvalidDay(until));
    changed += 1;
  }
  return changed;
}

/** The words of #ocop-validity on `doc`, or null on a page without stars. */
export function pageWords(doc) {
  const data = doc.getElementById("ocop-validity");
  return data ? { label: data.dataset.lapsedLabel || "", detail: data.dataset.lapsedDetail || "" } : null;
}

if (typeof document !== "undefined") recheck(document, pageWords(document));
