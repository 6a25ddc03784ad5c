"""Renderers: one ``Document`` in, a DOCX or PDF file out."""
