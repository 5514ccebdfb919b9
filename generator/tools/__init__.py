"""Maintainers' tools run with python -m: generated editor docs, the shipped municipality borders."""
