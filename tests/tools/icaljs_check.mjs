// Read .ics files with Mozilla's ical.js (the parser of Thunderbird's calendar) and expand them.
//
//   node tests/tools/icaljs_check.mjs UNTIL FILE...   (run from the folder that has node_modules)
//
// UNTIL is a date (YYYY-MM-DD): occurrences starting before it are listed. Prints one JSON object:
// {"<file>": {"problems": [...], "occurrences": [{uid, start, end, utc, status, summary}, ...]}}
// `start`/`end` are the local wall-clock time in the event's zone (YYYY-MM-DDTHH:MM:SS, or a date
// for all-day events), `utc` the start as seconds since 1970. Exits 1 when any file has a problem.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const REQUIRED_EVENT_PROPERTIES = ["uid", "dtstamp", "dtstart", "summary"];

function wallClock(time) {
  return time.isDate ? time.toString() : time.toString().replace("Z", "");
}

function checkZones(calendar, problems) {
  const zones = new Set();
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone, zone.tzid);
    zones.add(zone.tzid);
  }
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    for (const name of ["dtstart", "dtend", "recurrence-id", "exdate"]) {
      for (const property of vevent.getAllProperties(name)) {
        const tzid = property.getParameter("tzid");
        if (tzid && !zones.has(tzid)) {
          problems.push(`${vevent.getFirstPropertyValue("uid")}: ${name} uses ${tzid}, which has no VTIMEZONE`);
        }
      }
    }
  }
}

function expand(calendar, until, problems) {
  const masters = new Map();
  const overrides = [];
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    for (const name of REQUIRED_EVENT_PROPERTIES) {
      if (!vevent.hasProperty(name)) problems.push(`a VEVENT has no ${name.toUpperCase()}`);
    }
    if (vevent.hasProperty("recurrence-id")) overrides.push(vevent);
    else masters.set(vevent.getFirstPropertyValue("uid"), vevent);
  }
  const events = new Map([...masters].map(([uid, vevent]) => [uid, new ICAL.Event(vevent)]));
  for (const vevent of overrides) {
    const uid = vevent.getFirstPropertyValue("uid");
    if (!events.has(uid)) problems.push(`${uid}: RECURRENCE-ID without its series`);
    else events.get(uid).relateException(vevent);
  }
  const occurrences = [];
  for (const [uid, event] of events) {
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.compare(until) < 0; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const item = details.item;
      occurrences.push({
        uid,
        start: wallClock(details.startDate),
        end: wallClock(details.endDate),
        utc: details.startDate.toUnixTime(),
        status: item.component.getFirstPropertyValue("status"),
        summary: item.summary,
      });
      if (occurrences.length > 100000) {
        problems.push(`${uid}: endless series`);
        break;
      }
    }
  }
  return occurrences;
}

function check(path, until) {
  const problems = [];
  let occurrences = [];
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
    if (calendar.name !== "vcalendar") problems.push(`not a VCALENDAR but ${calendar.name}`);
    for (const name of ["version", "prodid"]) {
      if (!calendar.hasProperty(name)) problems.push(`the calendar has no ${name.toUpperCase()}`);
    }
    checkZones(calendar, problems);
    occurrences = expand(calendar, until, problems);
  } catch (error) {
    problems.push(`${error.name}: ${error.message}`);
  }
  return { problems, occurrences };
}

const [untilText, ...files] = process.argv.slice(2);
const until = ICAL.Time.fromDateString(untilText);
const report = {};
for (const file of files) report[file] = check(file, until);
process.stdout.write(JSON.stringify(report));
// exitCode, not exit(): a pipe takes the output asynchronously, and exit() would cut it off.
process.exitCode = Object.values(report).some((result) => result.problems.length) ? 1 : 0;
