/* Small text helpers: UTF-8, ASCII case folding, growable vectors. */
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"

size_t
mif_utf8_put(char *buf, uint32_t cp)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | (cp >> 18));
	buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	buf[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
mif_utf8_span(const void *s, size_t len)
{
	const unsigned char *u = s;
	uint32_t cp;
	size_t i = 0, n;

	while (i < len && (n = mif_utf8_get(u + i, len - i, &cp)) != 0)
		i += n;
	return i;
}

size_t
mif_utf8_get(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((s[0] & 0xE0) == 0xC0) {
		n = 2, c = s[0] & 0x1F, min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3, c = s[0] & 0x0F, min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and values past Unicode are invalid */
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t
mif_utf8_cut(const char *s, size_t len)
{
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	return len;
}

int
mif_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
mif_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int d = lower((unsigned char)a[i]) - lower((unsigned char)b[i]);
		if (d != 0 || a[i] == '\0')
			return d;
	}
	return 0;
}

int
mif_casecmp(const char *a, const char *b)
{
	return mif_ncasecmp(a, b, SIZE_MAX);
}

bool
mif_string_is_folded(const mif_string *s, const char *text)
{
	return s->len == strlen(text) && mif_casecmp(s->bytes, text) == 0;
}

bool
mif_vec_reserve(void **buf, size_t *cap, size_t len, size_t elem)
{
	if (len < *cap)
		return true;
	size_t ncap = *cap == 0 ? 16 : *cap * 2;
	if (ncap > SIZE_MAX / elem)
		return false;
	void *p = realloc(*buf, ncap * elem);
	if (p == NULL)
		return false;
	*buf = p;
	*cap = ncap;
	return true;
}

void *
mif_table_alloc(size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	void *t = malloc(n * size > 0 ? n * size : 1);
	if (t != NULL)
		memset(t, 0, n * size);
	return t;
}
