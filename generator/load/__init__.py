"""Find and read a data folder: which file is which record, strict YAML, the official reference data."""
