"""The model as the site's contents: pages, maps, the family sheet, search, wegwijzer, coverage, exports."""
