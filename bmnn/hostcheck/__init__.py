"""bmnn.hostcheck — prove (or fail to prove) that a computer used for state secrets has never been
networked and has no unapproved USB storage history (khoản 5 Điều 5 Luật 29/2018/QH14; Điều 5
Luật 117/2025/QH15). A plain library: it imports and runs without Django, on Linux and Windows.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
