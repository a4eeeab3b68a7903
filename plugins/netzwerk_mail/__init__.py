"""The monthly info mail beyond the site: a draft composed from the data, the ready-to-send e-mail,
and its delivery. Used by tasks.py (`make mail`, `make mail-eml`, `make mail-send`); not a Pelican plugin."""
