// Every module of site_templates/assets/catalogue/ loads without a browser, and the pure ones
// use no page globals: what they need comes in as arguments.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

const FOLDER = new URL("../../site_templates/assets/catalogue/", import.meta.url);
const MODULES = readdirSync(FOLDER).filter((name) => name.endsWith(".js")).sort();
// app.js is the controller: it alone reads the page's address and history.
const PURE = ["cards.js", "dom.js", "engine.js", "facets.js", "fold.js", "query.js", "url.js"];

const code = (name) => readFileSync(new URL(name, FOLDER), "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, ""); // without comments

test("the modules are the ones catalogue.js is documented with", () => {
  assert.deepEqual(MODULES, [...PURE, "app.js"].sort());
  const entry = readFileSync(new URL("../catalogue.js", FOLDER), "utf8");
  for (const name of MODULES) assert.match(entry, new RegExp(`\\b${name.replace(".", "\\.")}\\b`), name);
});

test("every module loads in Node (nothing runs against a page on import)", async () => {
  for (const name of MODULES) await import(new URL(name, FOLDER));
});

test("no module but app.js touches document, window, location or history", () => {
  for (const name of PURE) {
    assert.doesNotMatch(code(name), /(?<![.\w])(document|window|location|history|localStorage)\b/, name);
  }
});
