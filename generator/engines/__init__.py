"""Site builders that take the build (core.py): the MkDocs plugin and the files engine, the runner for work beside the
build, and the output folders they replace."""
