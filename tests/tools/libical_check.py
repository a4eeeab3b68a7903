"""Check an .ics file with libical (Evolution's parser), the strictest iCalendar check available here.

Runs under Debian's /usr/bin/python3 (python3-gi, gir1.2-ical-3.0), not the project's venv.
Prints one X-LIC-ERROR per line and exits 1 when there is any.
"""

import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors_in(component) -> list[str]:
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop:
        found.append(prop.as_ical_string().strip())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child:
        found += errors_in(child)
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        calendar = ICalGLib.Component.new_from_string(handle.read())
    ICalGLib.restriction_check(calendar)
    errors = errors_in(calendar)
    print("\n".join(errors))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
