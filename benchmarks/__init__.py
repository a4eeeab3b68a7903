"""`make bench`: the site kit on a synthetic corpus of many years, against plain Pelican on as many pages."""
