/*
 * DATE values into their fields and back.  Whether a text is a valid
 * DATE is the validator's question (mif_check_date(), check_date.c),
 * asked there so that mif_check() and typed values never disagree; here
 * the fields of a text that passed are read out.
 */
#include <stdio.h>
#include <string.h>

#include "meaning/check.h"

typedef struct date_field {
	unsigned at, width;
	size_t offset; /* of its int32_t in mif_date */
} date_field;

static const date_field fields[] = {
	{ 0, 4, offsetof(mif_date, year) },
	{ 4, 2, offsetof(mif_date, month) },
	{ 6, 2, offsetof(mif_date, day) },
	{ 8, 2, offsetof(mif_date, hour) },
	{ 10, 2, offsetof(mif_date, minute) },
	{ 12, 2, offsetof(mif_date, second) },
	{ 15, 6, offsetof(mif_date, microsecond) },
	{ 22, 3, offsetof(mif_date, utc_offset) },
};

#define NFIELDS (sizeof fields / sizeof fields[0])
#define SIGN_AT 21

static int32_t *
field_of(mif_date *date, const date_field *f)
{
	return (int32_t *)(void *)((char *)date + f->offset);
}

static int32_t
field_value(const mif_date *date, const date_field *f)
{
	int32_t v;

	memcpy(&v, (const char *)date + f->offset, sizeof v);
	return v;
}

/* A field's number, or MIF_DATE_UNKNOWN when it is all '*' (the text has
 * passed mif_check_date(), so it is one or the other). */
static int32_t
read_field(const char *text, const date_field *f)
{
	int32_t v = 0;

	if (text[f->at] == '*')
		return MIF_DATE_UNKNOWN;
	for (unsigned i = 0; i < f->width; i++)
		v = v * 10 + (text[f->at + i] - '0');
	return v;
}

bool
mif_date_parse(const char *text, size_t len, mif_date *date, char *why,
    size_t whylen)
{
	/* mif_check_date() wants a mif_string: one on the stack, room for
	 * the only length it accepts. */
	union {
		mif_string s;
		char room[sizeof(mif_string) + MIF_DATE_LEN + 1];
	} u;
	char scratch[128];

	if (len != MIF_DATE_LEN) {
		size_t chars = 0;
		for (size_t i = 0; i < len; i++)
			chars += ((unsigned char)text[i] & 0xC0) != 0x80;
		if (why != NULL && whylen > 0)
			snprintf(why, whylen, "it has %zu characters, not 25 "
			    "(yyyymmddHHMMSS.uuuuuu+ooo)", chars);
		return false;
	}
	u.s.len = MIF_DATE_LEN;
	u.s.hash = 0;
	memcpy(u.s.bytes, text, MIF_DATE_LEN);
	u.s.bytes[MIF_DATE_LEN] = '\0';
	const char *reason = mif_check_date(&u.s, scratch, sizeof scratch);
	if (reason != NULL) {
		if (why != NULL && whylen > 0)
			snprintf(why, whylen, "%s", reason);
		return false;
	}
	bool all_unknown = true;
	for (size_t i = 0; i < NFIELDS; i++) {
		int32_t v = read_field(text, &fields[i]);
		*field_of(date, &fields[i]) = v;
		all_unknown = all_unknown && v == MIF_DATE_UNKNOWN;
	}
	if (date->utc_offset != MIF_DATE_UNKNOWN && text[SIGN_AT] == '-')
		date->utc_offset = -date->utc_offset;
	date->unknown = all_unknown;
	return true;
}

char *
mif_date_format(const mif_date *date, char out[MIF_DATE_LEN + 1])
{
	memcpy(out, "**************.******+***", MIF_DATE_LEN + 1);
	for (size_t i = 0; i < NFIELDS; i++) {
		int32_t v = field_value(date, &fields[i]);
		if (v == MIF_DATE_UNKNOWN)
			continue;
		if (v < 0 && i == NFIELDS - 1)
			out[SIGN_AT] = '-';
		/* a field out of range keeps its last digits */
		uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
		for (unsigned k = fields[i].width; k-- > 0; u /= 10)
			out[fields[i].at + k] = (char)('0' + u % 10);
	}
	return out;
}
