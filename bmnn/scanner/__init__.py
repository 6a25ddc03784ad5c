"""Pre-publication scanner: finds state-secret markings and registered secret numbers in files.

A plain library (no Django): the web app, the CLI and the gateway all call :func:`scan_bytes` and
:func:`scan_paths`.
"""

from bmnn.scanner.engine import ScanOptions, scan_bytes, scan_file, scan_paths
from bmnn.scanner.extract import Limits
from bmnn.scanner.knownnumbers import KnownNumbers, build_known_numbers
from bmnn.scanner.model import Effect, FileResult, Finding, Level, Problem, ScanReport, Verdict
from bmnn.scanner.rules import REGISTRY

__all__ = [
    "REGISTRY",
    "Effect",
    "FileResult",
    "Finding",
    "KnownNumbers",
    "Level",
    "Limits",
    "Problem",
    "ScanOptions",
    "ScanReport",
    "Verdict",
    "build_known_numbers",
    "scan_bytes",
    "scan_file",
    "scan_paths",
]
