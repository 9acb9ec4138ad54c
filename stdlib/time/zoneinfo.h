// stdlib/time/zoneinfo.h: time zones from tzdata for package time
// (zoneinfo.c; the Go side is Location in time.gol).
//
// A Zone is what a TZif file (tzfile(5)) says: the zone types (offset,
// abbreviation, DST flag), the transitions between them, and the footer
// rule, a POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3", for the
// instants after the last transition. Lookups follow Go's time package:
// before the first transition the first standard-time type is used; at or
// after the last one the footer rule decides, if it parses.
//
// Zones are read once per file and kept for the life of the process (a
// small cache guarded by a mutex), in malloc'd memory that the collector
// does not move or free: the Go side holds them as uintptr handles.
#ifndef GOLI_TIME_ZONEINFO_H
#define GOLI_TIME_ZONEINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Zone Zone;

// A ZoneAt is the zone in effect at an instant, and the Unix seconds
// [start, end) over which it stays in effect.
typedef struct ZoneAt {
    const char *name;       // abbreviation: "CET", "+0530"
    int32_t offset;         // seconds east of UTC
    bool isdst;
    int64_t start, end;
} ZoneAt;

// zoneinfo_parse reads TZif data (versions 1 to 4); NULL if it is malformed.
Zone *zoneinfo_parse(const uint8_t *data, size_t n);

// zoneinfo_load finds name ("Europe/Berlin") as time.LoadLocation does:
// under $ZONEINFO, then the system's zoneinfo folders. On failure it
// returns NULL and sets *err to Go's error text ("unknown time zone X").
Zone *zoneinfo_load(const char *name, const char **err);

// zoneinfo_local is the zone of time.Local, read from $TZ once: unset,
// /etc/localtime ("Local"); a name or ":name", that file; "" or a TZ that
// names no file, NULL with the name "UTC". *name is the Location's name.
Zone *zoneinfo_local(const char **name);

// zoneinfo_lookup fills *at for the instant unix (seconds); z may be NULL
// (UTC).
void zoneinfo_lookup(const Zone *z, int64_t unix, ZoneAt *at);

// zoneinfo_lookup_name finds the offset of the abbreviation name near the
// instant unix, as Parse does for "CEST": a type of that name in effect at
// that local time first, else any type of that name.
bool zoneinfo_lookup_name(const Zone *z, const char *name, int64_t unix, int32_t *offset);

#endif
