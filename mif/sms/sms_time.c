/*
 * Times as seconds since 1970 UTC, read from DMI DATE values and ISO 8601
 * text.  Civil dates are converted by arithmetic (H. Hinnant's
 * days-from-civil), so nothing depends on the time zone or on timegm.
 */
#include <stdio.h>
#include <string.h>

#include "sms/internal.h"

static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static bool
leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* n digits at s as a number; -1 if not all digits. */
static long
digits(const char *s, int n)
{
	long v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool
civil_ok(long y, long mo, long d, long h, long mi, long s)
{
	static const unsigned char mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || s < 0 || s > 59)
		return false;
	return d <= mdays[mo - 1] + (mo == 2 && leap(y));
}

static int64_t
to_seconds(long y, long mo, long d, long h, long mi, long s)
{
	return days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
	    h * 3600 + mi * 60 + s;
}

/* yyyymmddHHMMSS.uuuuuu+ooo */
static bool
parse_dmi(const char *t, int64_t *out)
{
	if (strlen(t) != 25 || t[14] != '.' || (t[21] != '+' && t[21] != '-'))
		return false;
	long y = digits(t, 4), mo = digits(t + 4, 2), d = digits(t + 6, 2);
	long h = digits(t + 8, 2), mi = digits(t + 10, 2), s = digits(t + 12, 2);
	long us = digits(t + 15, 6), off = digits(t + 22, 3);
	if (us < 0 || off < 0 || !civil_ok(y, mo, d, h, mi, s))
		return false;
	*out = to_seconds(y, mo, d, h, mi, s) - (t[21] == '-' ? -off : off) * 60;
	return true;
}

static bool
parse_iso(const char *t, int64_t *out)
{
	size_t n = strlen(t);
	if (n < 10 || t[4] != '-' || t[7] != '-')
		return false;
	long y = digits(t, 4), mo = digits(t + 5, 2), d = digits(t + 8, 2);
	long h = 0, mi = 0, s = 0, off = 0;
	const char *p = t + 10;
	if (*p == 'T' || *p == ' ') {
		if (strlen(p) < 6 || p[3] != ':')
			return false;
		h = digits(p + 1, 2);
		mi = digits(p + 4, 2);
		p += 6;
		if (*p == ':') {
			s = digits(p + 1, 2);
			p += 3;
		}
	}
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		if (strlen(p) != 6 || p[3] != ':')
			return false;
		long oh = digits(p + 1, 2), om = digits(p + 4, 2);
		if (oh < 0 || oh > 23 || om < 0 || om > 59)
			return false;
		off = (oh * 60 + om) * (*p == '-' ? -1 : 1);
		p += 6;
	}
	if (*p != '\0' || !civil_ok(y, mo, d, h, mi, s))
		return false;
	*out = to_seconds(y, mo, d, h, mi, s) - off * 60;
	return true;
}

bool
mif_time_parse(const char *text, int64_t *t)
{
	return parse_dmi(text, t) || parse_iso(text, t);
}

static void
split(int64_t t, int64_t *y, unsigned *mo, unsigned *d, unsigned *h,
    unsigned *mi, unsigned *s)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t rest = t - days * 86400;
	civil_from_days(days, y, mo, d);
	*h = (unsigned)(rest / 3600);
	*mi = (unsigned)(rest % 3600 / 60);
	*s = (unsigned)(rest % 60);
}

/* Both forms have four-digit years. */
static unsigned
year4(int64_t y)
{
	return (unsigned)(y < 0 ? 0 : y > 9999 ? 9999 : y);
}

char *
mif_time_dmi(int64_t t, char *buf)
{
	int64_t y;
	unsigned mo, d, h, mi, s;

	char tmp[64];
	split(t, &y, &mo, &d, &h, &mi, &s);
	snprintf(tmp, sizeof tmp, "%04u%02u%02u%02u%02u%02u.000000+000",
	    year4(y), mo, d, h, mi, s);
	memcpy(buf, tmp, 26);
	return buf;
}

char *
mif_time_iso(int64_t t, char *buf)
{
	int64_t y;
	unsigned mo, d, h, mi, s;

	char tmp[64];
	split(t, &y, &mo, &d, &h, &mi, &s);
	snprintf(tmp, sizeof tmp, "%04u-%02u-%02u %02u:%02u:%02u", year4(y),
	    mo, d, h, mi, s);
	memcpy(buf, tmp, 20);
	return buf;
}
