"""Printed booklets (PDF) of the catalogue for trade fairs: ``ocop print`` and the site's
"In ấn" page.

``sets`` decides what each booklet holds and in which order, ``html`` prints it as HTML with
CSS Paged Media (templates in ``site_templates/print/``), ``fonts`` checks every printed
character has a glyph, ``pdf`` renders it with WeasyPrint (cached by content). Nothing here
imports MkDocs; ``generator.booklet.publish`` hands the PDFs and the print page to the site.
"""
