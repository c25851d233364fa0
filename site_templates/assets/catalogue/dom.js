/* One helper to build elements in the document of a given node (never the global one): text
 * goes in as textContent only. */

/** A new `tag` element of `near`'s document, with `className` and text `text` if given. */
export function el(near, tag, className = "", text = undefined) {
  const node = (near.ownerDocument || near).createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
