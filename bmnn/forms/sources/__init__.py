"""Adapters: read one app's data through its clearance-aware queries and build a ``Document``.

A new source plugs in by adding a module here and its field names in ``bmnn.forms.fields``.
"""
