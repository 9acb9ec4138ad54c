// stdlib/time/zoneinfo.c: reading TZif files and evaluating the POSIX TZ
// rule of their footer, for package time's Locations. The model (what a
// Zone holds, how a lookup decides) is in stdlib/time/zoneinfo.h.
#include "stdlib/time/zoneinfo.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALPHA INT64_MIN     // the start of time, for lookups
#define OMEGA INT64_MAX     // the end of time
#define DAY 86400

// A Rule is one end of daylight time in a POSIX TZ string: "Jn" (day 1 to
// 365, February 29 never counted), "n" (day 0 to 365) or "Mm.w.d" (day d
// of week w of month m, week 5 the last), at time seconds of local time.
typedef enum { RULE_JULIAN, RULE_DOY, RULE_MWD } RuleKind;

typedef struct Rule {
    RuleKind kind;
    int day, week, mon;
    int time;
} Rule;

// A TzRule is a parsed POSIX TZ string; without dst_name there is no
// daylight time.
typedef struct TzRule {
    char std_name[16], dst_name[16];
    int32_t std_offset, dst_offset;     // seconds east of UTC
    bool has_dst;
    Rule start, end;
} TzRule;

typedef struct ZoneType {
    int32_t offset;
    bool isdst;
    const char *name;
} ZoneType;

struct Zone {
    int ntypes;
    ZoneType *types;
    int ntrans;
    int64_t *when;          // ascending
    uint8_t *type;          // the type each transition switches to
    bool has_rule;
    TzRule rule;            // the footer, for instants after the last transition
};

// ---- POSIX TZ strings ----

// tz_name reads a zone abbreviation: three or more characters up to a
// digit, sign or comma, or anything between '<' and '>'.
static const char *tz_name(const char *s, char *out, size_t size) {
    const char *from = s, *to;
    if (*s == '<') {
        from = ++s;
        while (*s && *s != '>') s++;
        if (!*s) return NULL;
        to = s++;
    } else {
        while (*s && !strchr("0123456789,-+", *s)) s++;
        if (s - from < 3) return NULL;
        to = s;
    }
    size_t n = (size_t)(to - from);
    if (n >= size) return NULL;
    memcpy(out, from, n);
    out[n] = 0;
    return s;
}

// tz_num reads a decimal number in [min, max].
static const char *tz_num(const char *s, int min, int max, int *out) {
    if (*s < '0' || *s > '9') return NULL;
    int v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (*s - '0');
        if (v > max) return NULL;
    }
    if (v < min) return NULL;
    *out = v;
    return s;
}

// tz_offset reads [+-]hh[:mm[:ss]] as seconds; hours may run to a week,
// as the time of a rule may.
static const char *tz_offset(const char *s, int *out) {
    int sign = 1, h, m = 0, sec = 0;
    if (*s == '+' || *s == '-') sign = *s++ == '-' ? -1 : 1;
    if (!(s = tz_num(s, 0, 24 * 7, &h))) return NULL;
    if (*s == ':') {
        if (!(s = tz_num(s + 1, 0, 59, &m))) return NULL;
        if (*s == ':' && !(s = tz_num(s + 1, 0, 59, &sec))) return NULL;
    }
    *out = sign * (h * 3600 + m * 60 + sec);
    return s;
}

// tz_rule reads a Rule and its optional "/time" (02:00 by default).
static const char *tz_rule(const char *s, Rule *r) {
    if (*s == 'J') {
        r->kind = RULE_JULIAN;
        s = tz_num(s + 1, 1, 365, &r->day);
    } else if (*s == 'M') {
        r->kind = RULE_MWD;
        if (!(s = tz_num(s + 1, 1, 12, &r->mon)) || *s != '.') return NULL;
        if (!(s = tz_num(s + 1, 1, 5, &r->week)) || *s != '.') return NULL;
        s = tz_num(s + 1, 0, 6, &r->day);
    } else {
        r->kind = RULE_DOY;
        s = tz_num(s, 0, 365, &r->day);
    }
    if (!s) return NULL;
    r->time = 2 * 3600;
    if (*s == '/') s = tz_offset(s + 1, &r->time);
    return s;
}

// tz_parse reads a whole POSIX TZ string. Its offsets are west of UTC
// ("CET-1"); the TzRule keeps them east, as Go does. Daylight time without
// an offset is one hour ahead; without rules it follows the US rules.
static bool tz_parse(const char *s, TzRule *tz) {
    int off;
    memset(tz, 0, sizeof *tz);
    if (!(s = tz_name(s, tz->std_name, sizeof tz->std_name))) return false;
    if (!(s = tz_offset(s, &off))) return false;
    tz->std_offset = -off;
    if (*s == 0 || *s == ',') return true;
    if (!(s = tz_name(s, tz->dst_name, sizeof tz->dst_name))) return false;
    tz->has_dst = true;
    tz->dst_offset = tz->std_offset + 3600;
    if (*s != 0 && *s != ',') {
        if (!(s = tz_offset(s, &off))) return false;
        tz->dst_offset = -off;
    }
    if (*s == 0) s = ",M3.2.0,M11.1.0";
    if (*s != ',' && *s != ';') return false;
    if (!(s = tz_rule(s + 1, &tz->start)) || *s != ',') return false;
    if (!(s = tz_rule(s + 1, &tz->end)) || *s != 0) return false;
    return true;
}

static bool is_leap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

static int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b < 0); }

// days_from_civil is the number of days from 1970-01-01 to y-m-d.
static int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// year_of is the UTC year of the Unix instant t.
static int64_t year_of(int64_t t) {
    int64_t days = floor_div(t, DAY);
    int64_t y = 1970 + floor_div(days * 400, 146097);
    while (days_from_civil(y, 1, 1) > days) y--;
    while (days_from_civil(y + 1, 1, 1) <= days) y++;
    return y;
}

static int days_in(int mon, int64_t y) {
    static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return n[mon - 1] + (mon == 2 && is_leap(y));
}

// rule_time is when r happens in year y, in seconds from the start of the
// year in UTC, for a zone off seconds east of UTC.
static int64_t rule_time(int64_t y, const Rule *r, int32_t off) {
    int64_t d = 0;
    switch (r->kind) {
    case RULE_JULIAN:
        d = r->day - 1 + (is_leap(y) && r->day >= 60);
        break;
    case RULE_DOY:
        d = r->day;
        break;
    case RULE_MWD: {
        int64_t first = days_from_civil(y, r->mon, 1);
        int dow = (int)((first % 7 + 11) % 7);      // 1970-01-01 was a Thursday
        int mday = r->day - dow;                     // zero-based day of the month
        if (mday < 0) mday += 7;
        for (int w = 1; w < r->week && mday + 7 < days_in(r->mon, y); w++) mday += 7;
        d = first - days_from_civil(y, 1, 1) + mday;
        break;
    }
    }
    return d * DAY + r->time - off;
}

// tz_lookup is the zone tz gives the instant t; last is the last
// transition of the file, where a rule without daylight time starts.
static void tz_lookup(const TzRule *tz, int64_t last, int64_t t, ZoneAt *at) {
    if (!tz->has_dst) {
        *at = (ZoneAt){ tz->std_name, tz->std_offset, false, last, OMEGA };
        return;
    }
    int64_t y = year_of(t);
    int64_t ystart = days_from_civil(y, 1, 1) * DAY;
    int64_t ysec = t - ystart;
    int64_t start = rule_time(y, &tz->start, tz->std_offset);
    int64_t end = rule_time(y, &tz->end, tz->dst_offset);
    ZoneAt std = { tz->std_name, tz->std_offset, false, 0, 0 };
    ZoneAt dst = { tz->dst_name, tz->dst_offset, true, 0, 0 };
    // In the southern hemisphere daylight time spans the new year: the
    // part of the year between the rules is standard time.
    if (end < start) {
        int64_t x = start;
        start = end;
        end = x;
        ZoneAt z = std;
        std = dst;
        dst = z;
    }
    if (ysec < start) {
        *at = std;
        at->start = ystart;
        at->end = ystart + start;
    } else if (ysec >= end) {
        *at = std;
        at->start = ystart + end;
        at->end = ystart + 365 * DAY;   // as Go's tzset says
    } else {
        *at = dst;
        at->start = ystart + start;
        at->end = ystart + end;
    }
}

// ---- TZif ----

// A Reader walks TZif data; a read past the end sets bad.
typedef struct Reader {
    const uint8_t *p, *end;
    bool bad;
} Reader;

static const uint8_t *take(Reader *r, size_t n) {
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return NULL;
    }
    const uint8_t *p = r->p;
    r->p += n;
    return p;
}

static uint32_t be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const uint8_t *p) {
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

enum { N_UTC, N_STD, N_LEAP, N_TIME, N_TYPE, N_CHAR };

// header reads "TZif", the version (0 for 1) and the six counts.
static int header(Reader *r, uint32_t n[6]) {
    const uint8_t *h = take(r, 44);
    if (!h || memcmp(h, "TZif", 4) != 0) {
        r->bad = true;
        return 0;
    }
    for (int i = 0; i < 6; i++) n[i] = be32(h + 20 + 4 * i);
    if (h[4] == 0) return 1;
    if (h[4] < '2' || h[4] > '4') r->bad = true;
    return h[4] - '0';
}

// body_size is the size of a data block with times of tsize bytes.
static size_t body_size(const uint32_t n[6], size_t tsize) {
    return (size_t)n[N_TIME] * (tsize + 1) + (size_t)n[N_TYPE] * 6 + n[N_CHAR] +
           (size_t)n[N_LEAP] * (tsize + 4) + n[N_STD] + n[N_UTC];
}

Zone *zoneinfo_parse(const uint8_t *data, size_t size) {
    Reader r = { data, data + size, false };
    uint32_t n[6];
    size_t tsize = 4;
    int version = header(&r, n);
    if (version >= 2) {
        take(&r, body_size(n, 4));
        header(&r, n);
        tsize = 8;
    }
    if (r.bad || n[N_TYPE] == 0 || n[N_TYPE] > 256 || n[N_CHAR] == 0) return NULL;
    const uint8_t *times = take(&r, (size_t)n[N_TIME] * tsize);
    const uint8_t *idx = take(&r, n[N_TIME]);
    const uint8_t *types = take(&r, (size_t)n[N_TYPE] * 6);
    const uint8_t *chars = take(&r, n[N_CHAR]);
    take(&r, (size_t)n[N_LEAP] * (tsize + 4) + n[N_STD] + n[N_UTC]);
    if (r.bad) return NULL;

    Zone *z = calloc(1, sizeof *z);
    char *names = malloc(n[N_CHAR] + 1);
    z->types = calloc(n[N_TYPE], sizeof *z->types);
    z->when = malloc(((size_t)n[N_TIME] + 1) * sizeof *z->when);
    z->type = malloc((size_t)n[N_TIME] + 1);
    if (!z || !names || !z->types || !z->when || !z->type) goto error;
    memcpy(names, chars, n[N_CHAR]);
    names[n[N_CHAR]] = 0;   // the last abbreviation may lack its NUL
    z->ntypes = (int)n[N_TYPE];
    for (int i = 0; i < z->ntypes; i++) {
        const uint8_t *t = types + 6 * i;
        if (t[4] > 1 || t[5] >= n[N_CHAR]) goto error;
        z->types[i] = (ZoneType){ (int32_t)be32(t), t[4] == 1, names + t[5] };
    }
    z->ntrans = (int)n[N_TIME];
    for (int i = 0; i < z->ntrans; i++) {
        z->when[i] = tsize == 8 ? be64(times + 8 * i) : (int32_t)be32(times + 4 * i);
        if (idx[i] >= n[N_TYPE]) goto error;
        z->type[i] = idx[i];
    }
    // The footer, "\nTZ\n", in version 2 and later. A rule that does not
    // parse is ignored: the last transition's type stays in effect.
    if (version >= 2 && r.p < r.end && *r.p == '\n') {
        const uint8_t *s = r.p + 1, *e = s;
        while (e < r.end && *e != '\n') e++;
        char buf[128];
        if (e < r.end && e > s && (size_t)(e - s) < sizeof buf) {
            memcpy(buf, s, (size_t)(e - s));
            buf[e - s] = 0;
            z->has_rule = tz_parse(buf, &z->rule);
        }
    }
    // With no transitions the first type holds from the start of time and
    // the footer, if any, after it (Go adds the same transition).
    if (z->ntrans == 0) {
        z->when[0] = ALPHA;
        z->type[0] = 0;
        z->ntrans = 1;
    }
    return z;
error:
    if (z) {
        free(z->types);
        free(z->when);
        free(z->type);
    }
    free(names);
    free(z);
    return NULL;
}

// ---- Loading ----

// read_file reads path whole into malloc'd memory; 0 or an errno.
static int read_file(const char *path, uint8_t **data, size_t *size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    int err = buf ? 0 : ENOMEM;
    while (!err) {
        if (n == cap) {
            uint8_t *b = cap < (10 << 20) ? realloc(buf, cap *= 2) : NULL;
            if (!b) {
                err = EFBIG;
                break;
            }
            buf = b;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) err = errno;
        if (got <= 0) break;
        n += (size_t)got;
    }
    close(fd);
    if (err) {
        free(buf);
        return err;
    }
    *data = buf;
    *size = n;
    return 0;
}

// A Cached zone is one file read before; zones are never freed.
typedef struct Cached {
    char *path;
    Zone *zone;
    struct Cached *next;
} Cached;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static Cached *cache;       // guarded by cache_lock

// load_path reads and parses the file at path, or returns NULL with *err
// an errno, or -1 for a malformed file.
static Zone *load_path(const char *path, int *err) {
    pthread_mutex_lock(&cache_lock);
    for (Cached *c = cache; c; c = c->next)
        if (strcmp(c->path, path) == 0) {
            pthread_mutex_unlock(&cache_lock);
            return c->zone;
        }
    uint8_t *data = NULL;
    size_t size = 0;
    Zone *z = NULL;
    *err = read_file(path, &data, &size);
    if (!*err) {
        z = zoneinfo_parse(data, size);
        free(data);
        if (!z) *err = -1;
    }
    Cached *c = z ? malloc(sizeof *c) : NULL;
    if (c && (c->path = strdup(path))) {
        c->zone = z;
        c->next = cache;
        cache = c;
    } else {
        free(c);
    }
    pthread_mutex_unlock(&cache_lock);
    return z;
}

// The folders LoadLocation searches after $ZONEINFO, as Go's on Unix.
static const char *const zone_dirs[] = {
    "/usr/share/zoneinfo/",
    "/usr/share/lib/zoneinfo/",
    "/usr/lib/locale/TZ/",
};

// load_from tries dir + name; on an error other than a missing file it
// keeps the first in *first.
static Zone *load_from(const char *dir, const char *name, int *first) {
    size_t nd = strlen(dir), nn = strlen(name);
    char *path = malloc(nd + nn + 2);
    if (!path) return NULL;
    memcpy(path, dir, nd);
    path[nd] = 0;
    if (nd && dir[nd - 1] != '/') strcat(path, "/");
    strcat(path, name);
    int err = 0;
    Zone *z = load_path(path, &err);
    free(path);
    if (!z && err != ENOENT && !*first) *first = err;
    return z;
}

// error_text is Go's message for a failed load.
static const char *error_text(int err, const char *name) {
    static __thread char buf[300];
    if (err == -1) return "malformed time zone information";
    if (err) {
        // syscall.Errno texts start in lower case.
        snprintf(buf, sizeof buf, "%s", strerror(err));
        if (buf[0] >= 'A' && buf[0] <= 'Z') buf[0] = (char)(buf[0] - 'A' + 'a');
        return buf;
    }
    snprintf(buf, sizeof buf, "unknown time zone %s", name);
    return buf;
}

// search tries the system's folders for name.
static Zone *search(const char *name, int *first) {
    for (size_t i = 0; i < sizeof zone_dirs / sizeof *zone_dirs; i++) {
        Zone *z = load_from(zone_dirs[i], name, first);
        if (z) return z;
    }
    return NULL;
}

Zone *zoneinfo_load(const char *name, const char **err) {
    int first = 0;
    if (strstr(name, "..") || name[0] == '/' || name[0] == '\\') {
        *err = "time: invalid location name";
        return NULL;
    }
    const char *dir = getenv("ZONEINFO");
    Zone *z = dir && *dir ? load_from(dir, name, &first) : NULL;
    if (!z) z = search(name, &first);
    if (!z) *err = error_text(first, name);
    return z;
}

static pthread_once_t local_once = PTHREAD_ONCE_INIT;
static Zone *local_zone;
static const char *local_name;  // both set once, by init_local

static const char *copy_name(const char *s) {
    char *c = strdup(s);
    return c ? c : "Local";
}

static void init_local(void) {
    int err = 0;
    const char *tz = getenv("TZ");
    local_name = "UTC";
    if (!tz) {
        if ((local_zone = load_path("/etc/localtime", &err))) local_name = "Local";
        return;
    }
    if (*tz == ':') tz++;
    if (*tz == '/') {
        if ((local_zone = load_path(tz, &err)))
            local_name = strcmp(tz, "/etc/localtime") == 0 ? "Local" : copy_name(tz);
    } else if (*tz && strcmp(tz, "UTC") != 0) {
        if ((local_zone = search(tz, &err))) local_name = copy_name(tz);
    }
}

Zone *zoneinfo_local(const char **name) {
    pthread_once(&local_once, init_local);
    *name = local_name;
    return local_zone;
}

// ---- Lookups ----

// first_type is the type before the first transition: type 0 unless a
// transition uses it; else the standard-time type nearest before the
// first transition's, if that one is daylight time; else the first
// standard-time type.
static int first_type(const Zone *z) {
    bool used = false;
    for (int i = 0; i < z->ntrans && !used; i++) used = z->type[i] == 0;
    if (!used) return 0;
    if (z->ntrans > 0 && z->types[z->type[0]].isdst)
        for (int i = z->type[0] - 1; i >= 0; i--)
            if (!z->types[i].isdst) return i;
    for (int i = 0; i < z->ntypes; i++)
        if (!z->types[i].isdst) return i;
    return 0;
}

void zoneinfo_lookup(const Zone *z, int64_t unix, ZoneAt *at) {
    if (!z) {
        *at = (ZoneAt){ "UTC", 0, false, ALPHA, OMEGA };
        return;
    }
    if (unix < z->when[0]) {
        const ZoneType *t = &z->types[first_type(z)];
        *at = (ZoneAt){ t->name, t->offset, t->isdst, ALPHA, z->when[0] };
        return;
    }
    // The last transition at or before unix.
    int lo = 0, hi = z->ntrans;
    while (hi - lo > 1) {
        int mid = lo + (hi - lo) / 2;
        if (unix < z->when[mid]) hi = mid;
        else lo = mid;
    }
    const ZoneType *t = &z->types[z->type[lo]];
    *at = (ZoneAt){ t->name, t->offset, t->isdst, z->when[lo],
                    lo + 1 < z->ntrans ? z->when[lo + 1] : OMEGA };
    if (lo == z->ntrans - 1 && z->has_rule) tz_lookup(&z->rule, at->start, unix, at);
}

bool zoneinfo_lookup_name(const Zone *z, const char *name, int64_t unix, int32_t *offset) {
    if (!z) return false;
    for (int i = 0; i < z->ntypes; i++) {
        if (strcmp(z->types[i].name, name) != 0) continue;
        ZoneAt at;
        zoneinfo_lookup(z, unix - z->types[i].offset, &at);
        if (strcmp(at.name, name) == 0) {
            *offset = at.offset;
            return true;
        }
    }
    for (int i = 0; i < z->ntypes; i++)
        if (strcmp(z->types[i].name, name) == 0) {
            *offset = z->types[i].offset;
            return true;
        }
    return false;
}
