from django import template

from bmnn.lib import levels

register = template.Library()


@register.filter
def level_label(value: str) -> str:
    return levels.label(value)
