/*
 * The client's timeline for the SMS 2.0 scheduler (mif-sched(5)): one
 * event a line, "TIME EVENT [ARGUMENT]", words separated by blanks, '#'
 * starting a comment.  Every bad line is recorded and the good ones are
 * kept, so that one run reports every mistake.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sched/internal.h"

struct mif_sched_timeline {
	mif_sched_event *events;
	size_t nevents, events_cap;
	size_t *name_at;     /* per event: its name's offset in names, or
	                        SIZE_MAX; made pointers once parsed */
	size_t name_at_cap;
	char *names;         /* the events' names, NUL-terminated */
	size_t names_len, names_cap;
	mif_error *errors;
	size_t nerrors, errors_cap;
	char source[256];
	bool stopped;        /* too many errors */
};

static const char *const event_names[] = {
	[MIF_SCHED_ODP] = "odp",
	[MIF_SCHED_REFRESH] = "refresh",
	[MIF_SCHED_SPEED] = "speed",
	[MIF_SCHED_RAS] = "ras",
	[MIF_SCHED_CAP] = "cap",
	[MIF_SCHED_RESULT] = "result",
	[MIF_SCHED_LOGON] = "logon",
	[MIF_SCHED_LOGOFF] = "logoff",
	[MIF_SCHED_SITES] = "sites",
	[MIF_SCHED_OFFER] = "offer",
};
#define NEVENTS (sizeof event_names / sizeof event_names[0])

const char *
mif_sched_event_name(mif_sched_event_kind kind)
{
	return (unsigned)kind < NEVENTS ? event_names[kind] : NULL;
}

/* A word of a line: bytes and the column of its first one. */
typedef struct word {
	const char *s;
	size_t len;
	unsigned column;
} word;

typedef struct line_ctx {
	mif_sched_timeline *tl;
	unsigned line;
	bool ok;             /* false: out of memory */
} line_ctx;

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/* The words of a line, up to a '#' that starts one; at most max. */
static size_t
split(const char *s, size_t len, word *words, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < len; ) {
		if (is_blank(s[i])) {
			i++;
			continue;
		}
		if (s[i] == '#')
			break;
		size_t start = i;
		while (i < len && !is_blank(s[i]))
			i++;
		if (n < max)
			words[n] = (word){ s + start, i - start,
			    (unsigned)start + 1 };
		n++;
	}
	return n;
}

static bool
word_is(const word *w, const char *name)
{
	return w->len == strlen(name) && mif_ncasecmp(w->s, name, w->len) == 0;
}

/* A word for a message: quoted, at most 32 bytes, controls as '?'. */
static const char *
shown(char *buf, size_t size, const word *w)
{
	size_t n = 0;

	buf[n++] = '"';
	for (size_t i = 0; i < w->len && i < 32 && n + 5 < size; i++)
		buf[n++] = (unsigned char)w->s[i] < 0x20 || w->s[i] == 0x7F
		    ? '?' : w->s[i];
	if (w->len > 32 && n + 5 < size) {
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n++] = '"';
	buf[n] = '\0';
	return buf;
}

static void MIF_PRINTF(5, 6)
error_at(line_ctx *c, mif_code code, unsigned column, unsigned context_line,
    const char *fmt, ...)
{
	mif_sched_timeline *tl = c->tl;

	if (tl->stopped)
		return;
	if (!mif_vec_reserve((void **)&tl->errors, &tl->errors_cap,
	    tl->nerrors + 1, sizeof *tl->errors)) {
		c->ok = false;
		return;
	}
	mif_error *e = &tl->errors[tl->nerrors++];
	memset(e, 0, sizeof *e);
	memcpy(e->source, tl->source, sizeof e->source);
	e->mark.line = c->line;
	e->mark.column = column;
	if (tl->nerrors > MIF_MAX_ERRORS_DEFAULT) {
		/* the error past the limit says so, as the parser's does */
		e->code = MIF_E_TOO_MANY;
		e->severity = MIF_FATAL;
		snprintf(e->text, sizeof e->text, "too many errors, stopping");
		tl->stopped = true;
		return;
	}
	e->code = code;
	e->severity = MIF_ERROR;
	e->context.line = context_line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof e->text, fmt, ap);
	va_end(ap);
}

/* A speed: decimal digits, at most UINT64_MAX. */
static bool
parse_speed(const word *w, uint64_t *out)
{
	uint64_t v = 0;

	for (size_t i = 0; i < w->len; i++) {
		unsigned d = (unsigned char)w->s[i] - '0';
		if (d > 9 || v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* A site code as SMS 2.0 gives one: three letters or digits. */
static bool
is_site_code(const word *w)
{
	if (w->len != 3)
		return false;
	for (size_t i = 0; i < 3; i++) {
		char ch = w->s[i];
		if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= 'a' && ch <= 'z')))
			return false;
	}
	return true;
}

/* Keep w as the event's name (SIZE_MAX in *at when out of memory). */
static bool
keep_name(line_ctx *c, const word *w, size_t *at)
{
	mif_sched_timeline *tl = c->tl;

	if (!mif_vec_reserve((void **)&tl->names, &tl->names_cap,
	    tl->names_len + w->len + 1, 1)) {
		c->ok = false;
		return false;
	}
	*at = tl->names_len;
	memcpy(tl->names + tl->names_len, w->s, w->len);
	tl->names[tl->names_len + w->len] = '\0';
	tl->names_len += w->len + 1;
	return true;
}

/* The site codes of a sites line, from w[2]: the first is kept. */
static bool
sites_argument(line_ctx *c, mif_sched_event *ev, const word *w,
    size_t nwords, size_t *name)
{
	char b[48];

	for (size_t i = 2; i < nwords; i++) {
		if (!is_site_code(&w[i])) {
			error_at(c, MIF_E_KEYWORD, w[i].column, 0, "sites needs "
			    "site codes of three letters or digits, not %s",
			    shown(b, sizeof b, &w[i]));
			return false;
		}
	}
	ev->value = nwords - 2;
	return keep_name(c, &w[2], name);
}

/*
 * The arguments of the events that take some; false when they are
 * wrong.  speed and cap may name the site whose CAP they are about
 * before their argument; an offer names an advertisement; a sites line
 * lists the client's sites in order, of which only the first, the one
 * whose CAP the speed test goes to, is kept.
 */
static bool
argument(line_ctx *c, mif_sched_event *ev, const word *w, size_t nwords,
    size_t *name)
{
	char b[48];
	const word *event = &w[1];

	*name = SIZE_MAX;
	if (ev->kind == MIF_SCHED_ODP || ev->kind == MIF_SCHED_REFRESH ||
	    ev->kind == MIF_SCHED_LOGON || ev->kind == MIF_SCHED_LOGOFF) {
		if (nwords > 2)
			error_at(c, MIF_E_SYNTAX, w[2].column, 0,
			    "%s takes no argument: %s", event_names[ev->kind],
			    shown(b, sizeof b, &w[2]));
		return nwords <= 2;
	}
	static const char *const wants[] = {
		[MIF_SCHED_SPEED] = "a number of bit/s (0: unknown)",
		[MIF_SCHED_RAS] = "on or off",
		[MIF_SCHED_CAP] = "reachable or unreachable",
		[MIF_SCHED_RESULT] = "success or failed",
		[MIF_SCHED_SITES] = "one site code or more",
		[MIF_SCHED_OFFER] = "an advertisement ID",
	};
	if (nwords < 3) {
		error_at(c, MIF_E_MISSING, event->column + (unsigned)event->len,
		    0, "%s needs %s", event_names[ev->kind], wants[ev->kind]);
		return false;
	}
	if (ev->kind == MIF_SCHED_SITES)
		return sites_argument(c, ev, w, nwords, name);
	/* "speed LAB 28800", "cap LAB unreachable": the link to one site's
	 * CAP */
	bool has_site = nwords >= 4 && (ev->kind == MIF_SCHED_SPEED ||
	    ev->kind == MIF_SCHED_CAP);
	if (has_site && !is_site_code(&w[2])) {
		error_at(c, MIF_E_KEYWORD, w[2].column, 0, "%s needs a site "
		    "code of three letters or digits before %s, not %s",
		    event_names[ev->kind], wants[ev->kind],
		    shown(b, sizeof b, &w[2]));
		return false;
	}
	const word *a = &w[has_site ? 3 : 2];
	bool good;
	switch (ev->kind) {
	case MIF_SCHED_SPEED:
		good = parse_speed(a, &ev->value);
		break;
	case MIF_SCHED_RAS:
		good = word_is(a, "on") || word_is(a, "off");
		ev->value = word_is(a, "on");
		break;
	case MIF_SCHED_RESULT:
		good = word_is(a, "success") || word_is(a, "failed");
		ev->value = word_is(a, "success");
		break;
	case MIF_SCHED_OFFER:
		good = true;
		break;
	default:
		good = word_is(a, "reachable") || word_is(a, "unreachable");
		ev->value = word_is(a, "reachable");
		break;
	}
	if (!good) {
		error_at(c, ev->kind == MIF_SCHED_SPEED ? MIF_E_NUMBER
		    : MIF_E_KEYWORD, a->column, 0, "%s needs %s, not %s",
		    event_names[ev->kind], wants[ev->kind],
		    shown(b, sizeof b, a));
		return false;
	}
	size_t most = ev->kind == MIF_SCHED_SPEED || ev->kind == MIF_SCHED_CAP
	    ? 4 : 3;
	if (nwords > most) {
		error_at(c, MIF_E_SYNTAX, w[most].column, 0,
		    "%s takes %s: %s is one too many", event_names[ev->kind],
		    most == 4 ? "a site and one argument" : "one argument",
		    shown(b, sizeof b, &w[most]));
		return false;
	}
	if (has_site || ev->kind == MIF_SCHED_OFFER)
		return keep_name(c, has_site ? &w[2] : a, name);
	return true;
}

/* "13:00" and the like: a time of day that a blank parted from its
 * date. */
static bool
looks_like_clock(const word *w)
{
	return w->len >= 5 && w->s[0] >= '0' && w->s[0] <= '9' &&
	    w->s[1] >= '0' && w->s[1] <= '9' && w->s[2] == ':';
}

/* The words of a line held on the stack: a longer sites line gets
 * room for all of its codes. */
#define MAX_WORDS 16

/* One line's words: an event, or a mistake recorded. */
static void
parse_words(line_ctx *c, const word *w, size_t n)
{
	mif_sched_timeline *tl = c->tl;
	char b[48];

	if (n == 0)
		return;
	char text[40];
	int64_t time;
	if (w[0].len >= sizeof text || memchr(w[0].s, '\0', w[0].len) != NULL) {
		error_at(c, MIF_E_DATE, w[0].column, 0, "%s is no time",
		    shown(b, sizeof b, &w[0]));
		return;
	}
	memcpy(text, w[0].s, w[0].len);
	text[w[0].len] = '\0';
	if (!mif_time_parse(text, &time)) {
		error_at(c, MIF_E_DATE, w[0].column, 0, "%s is no time "
		    "(yyyy-mm-ddTHH:MM[:SS], or a DMI date)",
		    shown(b, sizeof b, &w[0]));
		return;
	}
	if (n == 1) {
		error_at(c, MIF_E_MISSING, w[0].column + (unsigned)w[0].len, 0,
		    "a time and no event");
		return;
	}
	mif_sched_event ev = { .time = time, .line = c->line };
	size_t k = 0;
	while (k < NEVENTS && !word_is(&w[1], event_names[k]))
		k++;
	if (k == NEVENTS && w[0].len == 10 && looks_like_clock(&w[1])) {
		error_at(c, MIF_E_DATE, w[0].column, 0, "a time is one word: "
		    "%.10sT%.5s, not a date and a time of day", w[0].s, w[1].s);
		return;
	}
	if (k == NEVENTS) {
		error_at(c, MIF_E_KEYWORD, w[1].column, 0, "unknown event %s "
		    "(odp, refresh, logon, logoff, speed, ras, cap, sites, "
		    "offer or result)",
		    shown(b, sizeof b, &w[1]));
		return;
	}
	ev.kind = (mif_sched_event_kind)k;
	size_t name;
	if (!argument(c, &ev, w, n, &name))
		return;
	if (tl->nevents > 0 && time < tl->events[tl->nevents - 1].time) {
		const mif_sched_event *prev = &tl->events[tl->nevents - 1];
		char t1[20], t2[20];
		error_at(c, MIF_E_RANGE, w[0].column, prev->line,
		    "time goes back: %s is before %s on line %u",
		    mif_time_iso(time, t1), mif_time_iso(prev->time, t2),
		    prev->line);
		return;
	}
	if (!mif_vec_reserve((void **)&tl->events, &tl->events_cap,
	    tl->nevents + 1, sizeof *tl->events) ||
	    !mif_vec_reserve((void **)&tl->name_at, &tl->name_at_cap,
	    tl->nevents + 1, sizeof *tl->name_at)) {
		c->ok = false;
		return;
	}
	tl->name_at[tl->nevents] = name;
	tl->events[tl->nevents++] = ev;
}

static void
parse_line(line_ctx *c, const char *s, size_t len)
{
	word stack[MAX_WORDS], *w = stack;
	size_t n = split(s, len, w, MAX_WORDS);

	if (n > MAX_WORDS) {
		w = malloc(n * sizeof *w);
		if (w == NULL) {
			c->ok = false;
			return;
		}
		split(s, len, w, n);
	}
	parse_words(c, w, n);
	if (w != stack)
		free(w);
}

mif_sched_timeline *
mif_sched_timeline_parse(const char *text, size_t len,
    const char *source_name)
{
	mif_sched_timeline *tl = calloc(1, sizeof *tl);
	if (tl == NULL)
		return NULL;
	snprintf(tl->source, sizeof tl->source, "%s",
	    source_name != NULL ? source_name : "<stdin>");

	line_ctx c = { tl, 0, true };
	/* Windows editors start UTF-8 with a byte order mark: not part of
	 * the first line's time. */
	const unsigned char *u = (const unsigned char *)text;
	size_t bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF
	    ? 3 : 0;
	for (size_t i = bom; i < len && c.ok && !tl->stopped; ) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - text) : len;
		size_t n = end - i;
		if (n > 0 && text[i + n - 1] == '\r')
			n--;
		c.line++;
		parse_line(&c, text + i, n);
		i = end + 1;
	}
	if (!c.ok) {
		mif_sched_timeline_free(tl);
		return NULL;
	}
	/* names has stopped moving: point the events at theirs */
	for (size_t i = 0; i < tl->nevents; i++)
		if (tl->name_at[i] != SIZE_MAX)
			tl->events[i].name = tl->names + tl->name_at[i];
	return tl;
}

void
mif_sched_timeline_free(mif_sched_timeline *tl)
{
	if (tl == NULL)
		return;
	free(tl->events);
	free(tl->name_at);
	free(tl->names);
	free(tl->errors);
	free(tl);
}

const mif_sched_event *
mif_sched_timeline_events(const mif_sched_timeline *tl, size_t *count)
{
	*count = tl->nevents;
	return tl->events;
}

size_t
mif_sched_timeline_error_count(const mif_sched_timeline *tl)
{
	return tl->nerrors;
}

const mif_error *
mif_sched_timeline_error(const mif_sched_timeline *tl, size_t index)
{
	return &tl->errors[index];
}
