/* A growable byte buffer: see buf.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang/buf.h"

void
mif_buf_put(mif_buf *buf, const void *bytes, size_t n)
{
	if (buf->nomem || n == 0)
		return;
	if (n > buf->cap - buf->len) {
		size_t cap = buf->cap != 0 ? buf->cap : 4096;
		while (n > cap - buf->len) {
			if (cap > SIZE_MAX / 2) {
				buf->nomem = true;
				return;
			}
			cap *= 2;
		}
		char *data = realloc(buf->data, cap);
		if (data == NULL) {
			buf->nomem = true;
			return;
		}
		buf->data = data;
		buf->cap = cap;
	}
	memcpy(buf->data + buf->len, bytes, n);
	buf->len += n;
}

void
mif_buf_puts(mif_buf *buf, const char *s)
{
	mif_buf_put(buf, s, strlen(s));
}

void
mif_buf_putc(mif_buf *buf, char c)
{
	mif_buf_put(buf, &c, 1);
}
