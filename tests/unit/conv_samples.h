/*
 * The round trip through XML or JSON over every file of samples/, for
 * test_xml.c and test_json.c: each file that parses without errors is
 * written in the format and read back, which must give no diagnostic,
 * the same tree (mif_doc_same), the same encoding, line ends and ^Z
 * mark, and so the very same MIF bytes; writing the tree read back gives
 * the same XML or JSON again.
 *
 * Paths are relative to the repository root, where `make test` runs the
 * tests; MIF_TEST_SAMPLES overrides it at compile time.
 */
#ifndef CONV_SAMPLES_H
#define CONV_SAMPLES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mif.h"

#ifndef MIF_TEST_SAMPLES
#define MIF_TEST_SAMPLES "samples"
#endif

typedef struct conv_format {
	const char *name;
	int (*write)(const mif_doc *, char **, size_t *, mif_error *);
	mif_doc *(*read)(const void *, size_t, const mif_parse_options *,
	    mif_error *);
	size_t files;      /* converted */
	size_t failures;
} conv_format;

static char *
conv_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)size + 1);
		if (buf != NULL && fread(buf, 1, (size_t)size, fp) != (size_t)size) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)size;
	}
	fclose(fp);
	return buf;
}

static bool
conv_same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

/* The round trip of one document; false, said on stderr, if it fails. */
static bool
conv_round_trip(conv_format *f, const char *path, const mif_doc *doc)
{
	char *text = NULL, *again_text = NULL, *mif1 = NULL, *mif2 = NULL;
	size_t len, again_len, len1, len2;
	mif_error err;
	mif_doc *back = NULL;
	char why[512];
	bool ok = false;

	if (f->write(doc, &text, &len, &err) != 0) {
		fprintf(stderr, "%s: writing %s: %s\n", path, f->name, err.text);
		return false;
	}
	back = f->read(text, len, NULL, &err);
	if (back == NULL || mif_doc_diag_count(back) != 0) {
		fprintf(stderr, "%s: reading %s back: %u:%u: %s\n", path, f->name,
		    err.mark.line, err.mark.column, err.text);
		goto out;
	}
	if (!mif_doc_same(doc, back, why, sizeof why)) {
		fprintf(stderr, "%s: %s round trip changed the tree: %s\n", path,
		    f->name, why);
		goto out;
	}
	if (mif_doc_encoding(doc) != mif_doc_encoding(back) ||
	    mif_doc_newline(doc) != mif_doc_newline(back) ||
	    mif_doc_eof_mark(doc) != mif_doc_eof_mark(back)) {
		fprintf(stderr, "%s: %s lost the encoding, the line ends or the "
		    "^Z mark\n", path, f->name);
		goto out;
	}
	if (mif_write_buffer(doc, NULL, &mif1, &len1, &err) != 0 ||
	    mif_write_buffer(back, NULL, &mif2, &len2, &err) != 0 ||
	    !conv_same_bytes(mif1, len1, mif2, len2)) {
		fprintf(stderr, "%s: MIF from %s differs from the MIF before\n",
		    path, f->name);
		goto out;
	}
	if (f->write(back, &again_text, &again_len, &err) != 0 ||
	    !conv_same_bytes(text, len, again_text, again_len)) {
		fprintf(stderr, "%s: writing %s again gives other bytes\n", path,
		    f->name);
		goto out;
	}
	ok = true;
out:
	free(mif1);
	free(mif2);
	free(again_text);
	mif_doc_free(back);
	free(text);
	return ok;
}

static void
conv_file(conv_format *f, const char *path)
{
	mif_parse_options popts = { .source_name = path };
	mif_error err;
	size_t len;
	char *data = conv_read_file(path, &len);

	if (data == NULL) {
		fprintf(stderr, "%s: cannot read\n", path);
		f->failures++;
		return;
	}
	mif_doc *doc = mif_parse_buffer(data, len, &popts, &err);
	free(data);
	if (doc == NULL)
		return; /* not a MIF at all: nothing to convert */
	if (mif_doc_error_count(doc) == 0) {
		f->files++;
		if (!conv_round_trip(f, path, doc))
			f->failures++;
	}
	mif_doc_free(doc);
}

static void
conv_tree(conv_format *f, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL) {
		fprintf(stderr, "%s: cannot open folder\n", dir);
		f->failures++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' || strncmp(e->d_name, "README", 6) == 0 ||
		    (n > 3 && strcmp(e->d_name + n - 3, ".md") == 0))
			continue;
		char *path = malloc(strlen(dir) + n + 2);
		struct stat st;
		if (path == NULL) {
			f->failures++;
			break;
		}
		sprintf(path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			conv_tree(f, path);
		else if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			conv_file(f, path);
		free(path);
	}
	closedir(d);
}

/* Every sample through the format; the counts land in f. */
static void
conv_samples(conv_format *f)
{
	conv_tree(f, MIF_TEST_SAMPLES);
}

#endif /* CONV_SAMPLES_H */
