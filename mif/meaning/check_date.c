/*
 * DATE values: "yyyymmddHHMMSS.uuuuuu+ooo", 25 characters; the sign and
 * ooo give the offset from UTC in minutes.  A field may be all '*' when
 * it is unknown (so is the whole value, sign and dot included).
 *
 * Decisions: a second of 60 is valid (a leap second; C's struct tm, from
 * which writers fill the field, allows it too).  The offset may be at
 * most 840 minutes either way, the widest zones in use (UTC+14:00 and
 * UTC-12:00 are inside it).  The empty string is the caller's business.
 *
 * SMS 1.2 also took "MM/DD/YY HH:MM:SS" (Q192497's example: "07/01/98
 * 10:30:30"), which the SMS profiles accept and the readers of values
 * read (check_date_sms12()).  Its year has two digits: 69 to 99 are
 * 1969 to 1999 and 00 to 68 are 2000 to 2068, POSIX's rule for %y, which
 * reads the article's 98 as 1998.  It names no zone and no fraction: the
 * UTC offset is unknown and the microseconds 0.
 */
#include <stdio.h>
#include <string.h>

#include "meaning/check.h"

#define DATE_LEN 25
#define MAX_OFFSET 840

typedef struct field {
	const char *name;
	unsigned at, width;
} field;

enum { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MICRO, OFFSET, NFIELDS };

static const field fields[NFIELDS] = {
	{ "year", 0, 4 }, { "month", 4, 2 }, { "day", 6, 2 },
	{ "hour", 8, 2 }, { "minute", 10, 2 }, { "second", 12, 2 },
	{ "microseconds", 15, 6 }, { "UTC offset", 22, 3 },
};

/* The field's number, or -1 when it is all '*'; -2 when neither. */
static long
field_value(const char *s, const field *f)
{
	long v = 0;
	unsigned stars = 0;

	for (unsigned i = 0; i < f->width; i++) {
		char ch = s[f->at + i];
		if (ch == '*')
			stars++;
		else if (ch >= '0' && ch <= '9')
			v = v * 10 + (ch - '0');
		else
			return -2;
	}
	if (stars == f->width)
		return -1;
	return stars == 0 ? v : -2;
}

static bool
leap_year(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static long
month_days(long year, long month)
{
	static const long days[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	if (month == 2 && year >= 0 && !leap_year(year))
		return 28;
	return days[month - 1];
}

/* Whether v is in [lo, hi], or unknown (-1). */
static bool
within(long v, long lo, long hi)
{
	return v == -1 || (v >= lo && v <= hi);
}

const char *
check_date(const mif_string *s, char *why, size_t size)
{
	const char *d = s->bytes;

	if (s->len != DATE_LEN || strlen(d) != DATE_LEN) {
		snprintf(why, size, "it has %zu characters, not 25 "
		    "(yyyymmddHHMMSS.uuuuuu+ooo)", check_char_count(s));
		return why;
	}
	if (strspn(d, "*") == DATE_LEN)
		return NULL;

	long v[NFIELDS];
	for (int i = 0; i < NFIELDS; i++) {
		v[i] = field_value(d, &fields[i]);
		if (v[i] == -2) {
			snprintf(why, size,
			    "its %s is neither digits nor all '*'",
			    fields[i].name);
			return why;
		}
	}
	if (d[14] != '.') {
		snprintf(why, size, "character 15 is not '.'");
		return why;
	}
	bool sign_ok = d[21] == '+' || d[21] == '-' ||
	    (d[21] == '*' && v[OFFSET] == -1);
	if (!sign_ok) {
		snprintf(why, size, "character 22 is not '+' or '-'");
		return why;
	}
	if (!within(v[MONTH], 1, 12)) {
		snprintf(why, size, "month %.2s is not 01 to 12", d + 4);
		return why;
	}
	long last = v[MONTH] == -1 ? 31 : month_days(v[YEAR], v[MONTH]);
	if (!within(v[DAY], 1, last)) {
		bool feb = v[MONTH] == 2; /* its end depends on the year */
		if (v[DAY] >= 1 && v[DAY] <= 31)
			snprintf(why, size, "day %.2s is past the end of month "
			    "%.2s%s%.*s", d + 6, d + 4, feb ? " of " : "",
			    feb ? 4 : 0, d);
		else
			snprintf(why, size, "day %.2s is not 01 to 31", d + 6);
		return why;
	}
	if (!within(v[HOUR], 0, 23)) {
		snprintf(why, size, "hour %.2s is not 00 to 23", d + 8);
		return why;
	}
	if (!within(v[MINUTE], 0, 59)) {
		snprintf(why, size, "minute %.2s is not 00 to 59", d + 10);
		return why;
	}
	if (!within(v[SECOND], 0, 60)) {
		snprintf(why, size, "second %.2s is not 00 to 60", d + 12);
		return why;
	}
	if (!within(v[OFFSET], 0, MAX_OFFSET)) {
		snprintf(why, size, "UTC offset %.4s is more than %d minutes",
		    d + 21, MAX_OFFSET);
		return why;
	}
	return NULL;
}

#define SMS12_LEN 17 /* MM/DD/YY HH:MM:SS */

/* Two digits at s; -1 when they are not. */
static int
two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

bool
check_date_sms12(const char *s, size_t len, mif_date *date)
{
	static const char shape[] = "00/00/00 00:00:00";
	int v[6];

	if (len != SMS12_LEN)
		return false;
	for (size_t i = 0; i < SMS12_LEN; i++)
		if (shape[i] != '0' && s[i] != shape[i])
			return false;
	for (int i = 0; i < 6; i++)
		if ((v[i] = two_digits(s + 3 * i)) < 0)
			return false;
	long year = v[2] >= 69 ? 1900 + v[2] : 2000 + v[2];
	if (v[0] < 1 || v[0] > 12 || v[1] < 1 ||
	    v[1] > month_days(year, v[0]) || v[3] > 23 || v[4] > 59 ||
	    v[5] > 60)
		return false;
	*date = (mif_date){ .year = (int32_t)year, .month = v[0],
	    .day = v[1], .hour = v[3], .minute = v[4], .second = v[5],
	    .microsecond = 0, .utc_offset = MIF_DATE_UNKNOWN };
	return true;
}
