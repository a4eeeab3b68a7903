"""`_`, `gettext` and `ngettext` for the pages of one language, as plain functions.

Jinja's newstyle gettext (installed for every template by this plugin) looks the page's Localizer up
in the template context and formats the message on each call: two context calls, a lookup and a
Markup format for every `_()`, about 190,000 times in a 20-year site. The pages get these instead,
bound to their Localizer, with the same result: the translation made Markup (the templates
autoescape), then always formatted with its variables (so "%%" is "%" with or without variables), and
`num` given to `ngettext` as a variable. A message without variables is translated and formatted once.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .localizer import Localizer


class TemplateGettext:
    def __init__(self, localizer: Localizer) -> None:
        self._localizer = localizer
        self._plain: dict[str, Markup] = {}

    def gettext(self, message: str, **variables: Any) -> Markup:
        if not variables:
            found = self._plain.get(message)
            if found is None:
                found = self._plain[message] = Markup(self._localizer.gettext(message)) % {}
            return found
        return Markup(self._localizer.gettext(message)) % variables

    def ngettext(self, singular: str, plural: str, num: int, **variables: Any) -> Markup:
        variables.setdefault("num", num)
        return Markup(self._localizer.ngettext(singular, plural, num)) % variables

    def template_values(self) -> dict[str, Any]:
        """What a page's template values hold instead of the environment's gettext functions."""
        return {"_": self.gettext, "gettext": self.gettext, "ngettext": self.ngettext}
