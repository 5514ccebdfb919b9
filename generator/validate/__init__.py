"""Check a loaded data folder: each record against its schema, then across files."""
