import { test } from "node:test";
import assert from "node:assert/strict";
import { share, shareData, strategy } from "../../site_templates/assets/share.js";

test("the system share sheet first, then copying, then showing the link", () => {
  assert.equal(strategy({ share: async () => {} }), "share");
  assert.equal(strategy({ clipboard: { writeText: async () => {} } }), "copy");
  assert.equal(strategy({}), "show");
  assert.equal(strategy(undefined), "show");
});

test("the shared title and address come from the button's data attributes", () => {
  const button = { dataset: { title: "Nước mắm <Thử>", url: "https://example.org/san-pham/x/" } };
  assert.deepEqual(shareData(button), { title: "Nước mắm <Thử>", url: "https://example.org/san-pham/x/" });
  assert.deepEqual(shareData({ dataset: {} }), { title: "", url: "" });
});

test("a cancelled share sheet copies nothing", async () => {
  const abort = Object.assign(new Error("cancelled"), { name: "AbortError" });
  let copied = false;
  const nav = { share: async () => { throw abort; }, clipboard: { writeText: async () => { copied = true; } } };
  assert.equal(await share({ dataset: { url: "u" } }, nav, null), "cancel");
  assert.equal(copied, false);
});
