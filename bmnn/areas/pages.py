"""The shared form page, as this app's views import it."""

from bmnn.web.formpage import form_page

__all__ = ["form_page"]
