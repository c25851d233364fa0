"""The plain-Jinja2 baseline: every page of an ``ocop build --emit`` folder rendered into a whole
HTML page by one simple base template, and written as ``OUT/<page>/index.html``.

Each emitted ``.md`` file is front matter (``---`` … ``---``) and a body; the body — HTML our
own templates produced, for every generated page — is put into the page as it is (no Markdown
pass), with the title from the front matter. Nothing else is done (no photos copied, no
search index): the lower bound of templating a site of that many pages.

Usage: ``python benchmarks/jinja_baseline.py EMIT_DIR OUT_DIR`` (prints the page count).
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import yaml

BASE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ title }} – {{ site_name }}</title>
{% if description %}<meta name="description" content="{{ description }}">{% endif %}
<link rel="stylesheet" href="{{ root }}assets/ocop.css">
</head>
<body>
<header><a href="{{ root }}">{{ site_name }}</a>
<nav>{% for label, href in nav %}<a href="{{ root }}{{ href }}">{{ label }}</a> {% endfor %}</nav>
</header>
<main>
{{ body | safe }}
</main>
<footer>{{ site_name }}</footer>
</body>
</html>
"""
NAV = (("Trang chủ", ""), ("Danh mục", "danh-muc/"), ("Địa phương", "dia-phuong/"),
       ("Nhóm", "nhom/"), ("Xúc tiến thương mại", "xuc-tien/"))


def split(text: str) -> tuple[dict, str]:
    """Front matter (a dict, empty when there is none) and body of a Markdown source."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            meta = yaml.load(text[4:end], Loader=yaml.CSafeLoader) or {}
            return (meta if isinstance(meta, dict) else {}), text[end + 5:]
    return {}, text


def target(source: Path, docs: Path, out: Path) -> Path:
    """``a/b.md`` -> ``out/a/b/index.html``; ``a/index.md`` -> ``out/a/index.html``."""
    rel = source.relative_to(docs).with_suffix("")
    folder = rel.parent if rel.name == "index" else rel
    return out / folder / "index.html"


def render_all(docs: Path, out: Path, site_name: str = "Sản phẩm OCOP") -> int:
    """Render every ``.md`` under ``docs`` into ``out``; the number of pages written."""
    template = jinja2.Environment(autoescape=True).from_string(BASE)
    count = 0
    for source in sorted(docs.rglob("*.md")):
        meta, body = split(source.read_text(encoding="utf-8"))
        path = target(source, docs, out)
        depth = len(path.relative_to(out).parts) - 1
        found = meta.get("ocop")
        ocop: dict = found if isinstance(found, dict) else {}
        html = template.render(title=meta.get("title") or ocop.get("title") or source.stem,
                               description=ocop.get("description", ""), body=body,
                               site_name=site_name, nav=NAV, root="../" * depth)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        count += 1
    return count


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    print(render_all(Path(argv[0]), Path(argv[1])), "pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
