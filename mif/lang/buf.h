/*
 * A growable byte buffer, for the writers and the encoder.  Internal to
 * libmif.
 */
#ifndef MIF_BUF_H
#define MIF_BUF_H

#include <stdbool.h>
#include <stddef.h>

/* malloc'd bytes; after a failed allocation `nomem` is set and later
 * writes do nothing, so callers check once at the end. */
typedef struct mif_buf {
	char *data;
	size_t len, cap;
	bool nomem;
} mif_buf;

void mif_buf_put(mif_buf *buf, const void *bytes, size_t n);
void mif_buf_puts(mif_buf *buf, const char *s);
void mif_buf_putc(mif_buf *buf, char c);

#endif /* MIF_BUF_H */
