"""Optional semantic re-ranking, detected at run time and strictly offline.

Enabled only when ``BMNN_ASSISTANT_MODEL`` names a local directory holding a model2vec static
embedding model (a pure-Python/numpy package whose weights ship as files) and ``model2vec`` is
installed. Nothing is downloaded; without it the lexical core is used unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from bmnn.assistant.entries import CatalogEntry
from bmnn.assistant.suggest import Reranker

ENV_VAR = "BMNN_ASSISTANT_MODEL"


def load_reranker(model_dir: str | None = None) -> Reranker | None:
    """A reranker for ``suggest(..., reranker=...)``, or None when no offline model is available."""
    location = model_dir or os.environ.get(ENV_VAR)
    if not location or not Path(location).is_dir():
        return None
    try:
        import numpy as np
        from model2vec import StaticModel
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: never reach the network
    model = StaticModel.from_pretrained(location)

    def rerank(text: str, entries: Sequence[CatalogEntry]) -> Sequence[float]:
        vectors = model.encode([text, *(f"{e.context} {e.text}" for e in entries)])
        query, items = vectors[0], vectors[1:]
        norms = np.linalg.norm(items, axis=1) * (np.linalg.norm(query) or 1.0)
        return [float(v) for v in (items @ query) / np.where(norms == 0, 1.0, norms)]

    return rerank
