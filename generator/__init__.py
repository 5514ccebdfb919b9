"""Netwerkkaart: the YAML records of a family-support network in, a website with maps out.

``PACKAGE_DIR`` is the package's folder, which holds its data folders (data/, schemas/, theme/, kaart/)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
