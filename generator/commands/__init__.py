"""The work of the commands besides validate and build: reports, import, new files, the check-in."""
