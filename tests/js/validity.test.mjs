import { test } from "node:test";
import assert from "node:assert/strict";
import { firstInvalidDay, lapsed, localDay } from "../../site_templates/assets/validity.js";

test("a star lapses the day after its last valid day", () => {
  assert.equal(lapsed("2028-01-16", "2028-01-16"), false);
  assert.equal(lapsed("2028-01-16", "2028-01-17"), true);
  assert.equal(lapsed("2028-01-16", "2027-12-31"), false);
  assert.equal(lapsed("", "2030-01-01"), false);        // no date: nothing to decide
  assert.equal(lapsed("16/01/2028", "2030-01-01"), false);
});

test("the first invalid day is written dd/mm/yyyy, across months and leap years", () => {
  assert.equal(firstInvalidDay("2025-12-28"), "29/12/2025");
  assert.equal(firstInvalidDay("2027-12-31"), "01/01/2028");
  assert.equal(firstInvalidDay("2028-02-28"), "29/02/2028");
  assert.equal(firstInvalidDay("2027-02-28"), "01/03/2027");
});

test("the viewer's day is their local calendar day", () => {
  assert.equal(localDay(new Date(2026, 11, 1, 23, 59)), "2026-12-01");
  assert.equal(localDay(new Date(2027, 0, 9, 0, 1)), "2027-01-09");
});
