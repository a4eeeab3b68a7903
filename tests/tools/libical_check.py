"""Check .ics files with libical (Evolution's parser), the strictest iCalendar check available here.

    /usr/bin/python3 tests/tools/libical_check.py FILE...

Runs under Debian's /usr/bin/python3 (python3-gi, gir1.2-ical-3.0), not the project's venv.
Prints one line per problem ("<file>: <X-LIC-ERROR ...>") and exits 1 when there is any: a file
libical cannot read as a VCALENDAR, and every error libical's parser and its RFC 5545/5546
restriction check (e.g. properties METHOD:PUBLISH requires) attach to the components.
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


def problems_of(path: str) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        calendar = ICalGLib.Component.new_from_string(handle.read())
    if calendar is None or calendar.isa() != ICalGLib.ComponentKind.VCALENDAR_COMPONENT:
        return ["libical cannot read it as a VCALENDAR"]
    ICalGLib.restriction_check(calendar)
    return errors_in(calendar)


def main() -> None:
    problems = [f"{path}: {problem}" for path in sys.argv[1:] for problem in problems_of(path)]
    print("\n".join(problems))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
