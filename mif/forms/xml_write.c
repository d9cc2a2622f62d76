/*
 * The XML writer: the tree as the XML of mif-xml(5), valid against
 * schema/mif.xsd.  It walks the tree as the MIF writer does (writer.h),
 * so statements, blocks, items, rows and comments come in file order and
 * each comment lands where the MIF writer would put it.
 *
 * Layout: two spaces of indent per level, one element per line; rows,
 * key lists and elements holding text on one line.  Strings go as text
 * (libxml2 escapes what XML needs, a carriage return as &#13;), each
 * character that XML cannot hold as <char code="N"/>.
 */
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "forms/convert.h"
#include "lang/writer.h"

struct xw {
	xmlTextWriterPtr w;
	bool failed;          /* libxml2 said no (out of memory) */
	const bool *stopped;  /* the put function said no */
	const char *problem;  /* what cannot be written, for the error */
	char *run;            /* scratch: a run of text, NUL-terminated */
	size_t run_cap;
};

static void
check(struct xw *x, int rc)
{
	if (rc < 0)
		x->failed = true;
}

static void
start(struct xw *x, const char *name)
{
	check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

static void
end(struct xw *x)
{
	check(x, xmlTextWriterEndElement(x->w));
}

static void
attr(struct xw *x, const char *name, const char *value)
{
	check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
	    BAD_CAST value));
}

/* A new line indented for `depth`, before a child element or an end. */
static void
indent(struct xw *x, unsigned depth)
{
	char spaces[2 + 2 * 16];
	unsigned n = depth < 16 ? depth : 16;

	spaces[0] = '\n';
	memset(spaces + 1, ' ', 2 * n);
	spaces[1 + 2 * n] = '\0';
	check(x, xmlTextWriterWriteString(x->w, BAD_CAST spaces));
}

/* Whether XML 1.0 can hold the character at all. */
static bool
xml_char(uint32_t cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0xFFFE && cp != 0xFFFF;
}

static void
flush_run(struct xw *x, const char *bytes, size_t len)
{
	if (len == 0)
		return;
	if (len + 1 > x->run_cap) {
		size_t cap = len + 1 > 256 ? len + 1 : 256;
		char *p = realloc(x->run, cap);
		if (p == NULL) {
			x->failed = true;
			return;
		}
		x->run = p;
		x->run_cap = cap;
	}
	memcpy(x->run, bytes, len);
	x->run[len] = '\0';
	check(x, xmlTextWriterWriteString(x->w, BAD_CAST x->run));
}

/* The characters of a string, as text and <char/> elements. */
static void
text(struct xw *x, const mif_string *s)
{
	const unsigned char *p = (const unsigned char *)s->bytes;
	size_t run = 0;

	for (size_t i = 0; i < s->len;) {
		uint32_t cp;
		size_t n = mif_utf8_get(p + i, s->len - i, &cp);
		if (n == 0) {
			x->problem = "a string that is not valid UTF-8";
			return;
		}
		if (!xml_char(cp)) {
			char code[16];
			flush_run(x, s->bytes + run, i - run);
			snprintf(code, sizeof code, "%u", (unsigned)cp);
			start(x, "char");
			attr(x, "code", code);
			end(x);
			run = i + n;
		}
		i += n;
	}
	flush_run(x, s->bytes + run, s->len - run);
}

static void
text_element(struct xw *x, const char *name, const mif_string *s)
{
	start(x, name);
	text(x, s);
	end(x);
}

static void
radix_attr(struct xw *x, unsigned flags)
{
	if ((flags & MIF_RADIX_MASK) != MIF_RADIX_DEC)
		attr(x, "radix", mif_conv_radix_name(flags));
}

static void
number_text(struct xw *x, uint64_t mag, unsigned flags)
{
	char digits[22];

	mif_conv_number_text(digits, mag, flags);
	check(x, xmlTextWriterWriteString(x->w, BAD_CAST digits));
}

static void
comment(struct xw *x, const mif_part *p)
{
	start(x, "comment");
	if (p->same_line)
		attr(x, "same-line", "true");
	text(x, p->u.comment->text);
	end(x);
}

/* A value of VALUE, of a table position or of a platform. */
static void
value(struct xw *x, const char *name, const mif_stmt *v)
{
	start(x, name);
	switch (v->form) {
	case MIF_F_NONE:
		attr(x, "form", "empty");
		break;
	case MIF_F_INTEGER:
		attr(x, "form", "integer");
		radix_attr(x, v->flags);
		number_text(x, v->v.u, v->flags);
		break;
	case MIF_F_STRING:
		text(x, v->v.str);
		break;
	case MIF_F_OVERLAY:
		attr(x, "form", "overlay");
		text(x, v->v.str);
		break;
	case MIF_F_UNKNOWN:
		attr(x, "form", "unknown");
		break;
	case MIF_F_UNSUPPORTED:
		attr(x, "form", "unsupported");
		break;
	case MIF_F_DIRECT:
		attr(x, "form", "direct-interface");
		break;
	default:
		x->problem = "a value of unknown form";
		break;
	}
	end(x);
}

static void contents(struct xw *x, mif_walk *walk, unsigned depth);

static void
block(struct xw *x, mif_walk *parent, const mif_block *b, unsigned depth)
{
	static const char *const names[MIF_BLOCK_KIND_COUNT] = {
		"component", "path", "enum", "group", "attribute", "table",
	};
	mif_walk walk;

	start(x, b->kind < MIF_BLOCK_KIND_COUNT ? names[b->kind] : "block");
	mif_walk_block(&walk, parent, b);
	contents(x, &walk, depth + 1);
	mif_walk_done(parent, &walk);
	indent(x, depth);
	end(x);
}

static void
type(struct xw *x, mif_walk *walk, const mif_stmt *s, unsigned depth)
{
	char size[24];

	start(x, "type");
	switch (s->sub) {
	case MIF_T_ENUM_NAMED:
		text_element(x, "enum-name", s->v.str);
		break;
	case MIF_T_ENUM_INLINE:
		if (s->v.enm == NULL) {
			x->problem = "an inline enum without contents";
			break;
		}
		indent(x, depth + 1);
		block(x, walk, s->v.enm, depth + 1);
		indent(x, depth);
		break;
	case MIF_T_STRING:
	case MIF_T_DISPLAYSTRING:
	case MIF_T_OCTETSTRING:
		mif_conv_number_text(size, s->v.u, 0);
		attr(x, "size", size);
		check(x, xmlTextWriterWriteString(x->w,
		    BAD_CAST mif_type_name((mif_type_kind)s->sub)));
		break;
	default:
		check(x, xmlTextWriterWriteString(x->w,
		    BAD_CAST mif_type_name((mif_type_kind)s->sub)));
		break;
	}
	end(x);
}

static void
stmt(struct xw *x, mif_walk *walk, const mif_stmt *s, unsigned depth)
{
	const char *name = mif_conv_stmt_word((mif_keyword)s->kw, s->sub);

	switch (s->kw) {
	case MIF_KW_ID:
		start(x, name);
		radix_attr(x, s->flags);
		number_text(x, s->v.u, s->flags);
		end(x);
		break;
	case MIF_KW_KEY:
		start(x, name);
		for (uint32_t i = 0; s->v.keys != NULL && i < s->v.keys->count; i++) {
			start(x, "id");
			radix_attr(x, s->v.keys->items[i].flags);
			number_text(x, s->v.keys->items[i].mag,
			    s->v.keys->items[i].flags);
			end(x);
		}
		end(x);
		break;
	case MIF_KW_TYPE:
		type(x, walk, s, depth);
		break;
	case MIF_KW_ACCESS:
		start(x, name);
		check(x, xmlTextWriterWriteString(x->w,
		    BAD_CAST mif_access_name((mif_access)s->sub)));
		end(x);
		break;
	case MIF_KW_STORAGE:
		start(x, name);
		check(x, xmlTextWriterWriteString(x->w,
		    BAD_CAST mif_storage_name((mif_storage)s->sub)));
		end(x);
		break;
	case MIF_KW_VALUE:
	case MIF_KW_PLATFORM:
		value(x, name, s);
		break;
	default:
		if (s->form != MIF_F_STRING) {
			x->problem = "a statement that needs a string holds none";
			break;
		}
		text_element(x, name, s->v.str);
		break;
	}
}

static void
item(struct xw *x, const mif_enum_item *it)
{
	char number[22];

	start(x, "item");
	mif_conv_number_text(number, it->value.mag, it->value.flags);
	attr(x, "value", number);
	radix_attr(x, it->value.flags);
	text(x, it->symbol);
	end(x);
}

/* A row on one line: its cells and any comments among them. */
static void
row(struct xw *x, mif_walk *parent, const mif_row *r)
{
	mif_walk walk;

	start(x, "row");
	mif_walk_row(&walk, parent, r);
	for (mif_part p; (p = mif_walk_next(&walk)).kind != MIF_PART_END;) {
		if (p.kind == MIF_PART_COMMENT)
			comment(x, &p);
		else if (p.kind == MIF_PART_STMT)
			value(x, "cell", p.u.stmt);
	}
	mif_walk_done(parent, &walk);
	end(x);
}

static void
contents(struct xw *x, mif_walk *walk, unsigned depth)
{
	for (mif_part p; (p = mif_walk_next(walk)).kind != MIF_PART_END;) {
		if (x->failed || x->problem != NULL || *x->stopped)
			return;
		indent(x, depth);
		switch (p.kind) {
		case MIF_PART_COMMENT:
			comment(x, &p);
			break;
		case MIF_PART_STMT:
			stmt(x, walk, p.u.stmt, depth);
			break;
		case MIF_PART_BLOCK:
			block(x, walk, p.u.block, depth);
			break;
		case MIF_PART_ITEM:
			item(x, p.u.item);
			break;
		case MIF_PART_ROW:
			row(x, walk, p.u.row);
			break;
		default:
			break;
		}
	}
}

static void
document(struct xw *x, const mif_doc *doc)
{
	mif_walk top;

	check(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL));
	start(x, "mif");
	attr(x, "encoding", mif_conv_encoding_name(mif_doc_encoding(doc)));
	attr(x, "newline", mif_conv_newline_name(mif_doc_newline(doc)));
	attr(x, "eof-mark", mif_doc_eof_mark(doc) ? "true" : "false");
	mif_walk_doc(&top, doc);
	contents(x, &top, 1);
	indent(x, 0);
	end(x);
	check(x, xmlTextWriterEndDocument(x->w));
}

/* libxml2's output buffer on the caller's put function. */
struct sink {
	mif_put_fn *put;
	void *ctx;
	bool failed;
};

/* Always taken, so that libxml2 reports nothing of its own: a put
 * that said no stops the walk (xw.stopped) and fails the write. */
static int
sink_write(void *ctx, const char *bytes, int len)
{
	struct sink *sink = ctx;

	if (!sink->failed && !sink->put(sink->ctx, bytes, (size_t)len))
		sink->failed = true;
	return len;
}

static int
sink_close(void *ctx)
{
	(void)ctx;
	return 0;
}

int
mif_write_xml_to(const mif_doc *doc, mif_put_fn *put, void *ctx,
    mif_error *err)
{
	const char *name = mif_doc_source_name(doc);

	if (mif_doc_component(doc) == NULL) {
		mif_error_set(err, MIF_E_MISSING, name,
		    "no component to write as XML");
		return -1;
	}
	struct sink sink = { put, ctx, false };
	xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(sink_write, sink_close,
	    &sink, NULL);
	xmlTextWriterPtr w = ob != NULL ? xmlNewTextWriter(ob) : NULL;
	if (w == NULL) {
		if (ob != NULL)
			xmlOutputBufferClose(ob);
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
		return -1;
	}
	struct xw x = { w, false, &sink.failed, NULL, NULL, 0 };
	document(&x, doc);
	xmlFreeTextWriter(w); /* flushes and closes ob */
	free(x.run);
	if (x.problem != NULL) {
		mif_error_set(err, MIF_E_ENCODING, name,
		    "cannot write %s as XML", x.problem);
		if (err != NULL)
			err->rule = MIF_RULE_ENCODING_UNWRITABLE;
	} else if (sink.failed) {
		mif_error_set(err, MIF_E_IO, name, "write error");
	} else if (x.failed) {
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
	} else {
		return 0;
	}
	return -1;
}

int
mif_write_xml(const mif_doc *doc, char **out, size_t *len, mif_error *err)
{
	return mif_write_memory(doc, mif_write_xml_to, out, len, err);
}
