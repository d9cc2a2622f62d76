/*
 * What the XML and JSON readers and writers share: see convert.h.
 */
/* madvise(), MAP_PRIVATE and ftello() */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "forms/convert.h"
#include "lang/writer.h"

/* ---- words ------------------------------------------------------------- */

static const char *const encoding_names[] = {
	[MIF_ENC_LATIN1] = "latin1",
	[MIF_ENC_UTF8] = "utf-8",
	[MIF_ENC_UTF16LE] = "utf-16le",
	[MIF_ENC_UTF16BE] = "utf-16be",
};

const char *
mif_conv_encoding_name(mif_encoding encoding)
{
	return (unsigned)encoding <= MIF_ENC_UTF16BE
	    ? encoding_names[encoding] : "latin1";
}

bool
mif_conv_encoding_parse(const char *word, mif_encoding *encoding)
{
	for (unsigned i = 0; i <= MIF_ENC_UTF16BE; i++) {
		if (strcmp(word, encoding_names[i]) == 0) {
			*encoding = (mif_encoding)i;
			return true;
		}
	}
	return false;
}

const char *
mif_conv_newline_name(mif_newline newline)
{
	return newline == MIF_NL_CRLF ? "crlf" : "lf";
}

bool
mif_conv_newline_parse(const char *word, mif_newline *newline)
{
	if (strcmp(word, "lf") == 0)
		*newline = MIF_NL_LF;
	else if (strcmp(word, "crlf") == 0)
		*newline = MIF_NL_CRLF;
	else
		return false;
	return true;
}

const char *
mif_conv_radix_name(unsigned flags)
{
	switch (flags & MIF_RADIX_MASK) {
	case MIF_RADIX_OCT: return "octal";
	case MIF_RADIX_HEX: return "hex";
	default: return "decimal";
	}
}

bool
mif_conv_radix_parse(const char *word, uint8_t *radix)
{
	if (strcmp(word, "decimal") == 0)
		*radix = MIF_RADIX_DEC;
	else if (strcmp(word, "octal") == 0)
		*radix = MIF_RADIX_OCT;
	else if (strcmp(word, "hex") == 0)
		*radix = MIF_RADIX_HEX;
	else
		return false;
	return true;
}

static const char *const stmt_words[MIF_KW_COUNT] = {
	[MIF_KW_NAME] = "name",
	[MIF_KW_DESCRIPTION] = "description",
	[MIF_KW_CLASS] = "class",
	[MIF_KW_ID] = "id",
	[MIF_KW_KEY] = "key",
	[MIF_KW_TYPE] = "type",
	[MIF_KW_ACCESS] = "access",
	[MIF_KW_STORAGE] = "storage",
	[MIF_KW_VALUE] = "value",
	[MIF_KW_LANGUAGE] = "language",
	[MIF_KW_PRAGMA] = "pragma",
	[MIF_KW_PLATFORM] = "platform",
};

static const char *const platform_words[MIF_PLAT_COUNT] = {
	[MIF_PLAT_DOS] = "dos",
	[MIF_PLAT_MACOS] = "macos",
	[MIF_PLAT_OS2] = "os2",
	[MIF_PLAT_UNIX] = "unix",
	[MIF_PLAT_WIN16] = "win16",
	[MIF_PLAT_WIN32] = "win32",
	[MIF_PLAT_WIN9X] = "win9x",
	[MIF_PLAT_WINNT] = "winnt",
};

const char *
mif_conv_stmt_word(mif_keyword kw, unsigned platform)
{
	if (kw == MIF_KW_PLATFORM)
		return platform < MIF_PLAT_COUNT ? platform_words[platform] : "?";
	return (unsigned)kw < MIF_KW_COUNT ? stmt_words[kw] : "?";
}

bool
mif_conv_stmt_parse(const char *word, mif_keyword *kw, unsigned *platform)
{
	for (unsigned i = 0; i < MIF_KW_PLATFORM; i++) {
		if (strcmp(word, stmt_words[i]) == 0) {
			*kw = (mif_keyword)i;
			*platform = 0;
			return true;
		}
	}
	for (unsigned i = 0; i < MIF_PLAT_COUNT; i++) {
		if (strcmp(word, platform_words[i]) == 0) {
			*kw = MIF_KW_PLATFORM;
			*platform = i;
			return true;
		}
	}
	return false;
}

bool
mif_conv_type_parse(const char *word, size_t len, mif_type_kind *type)
{
	for (unsigned t = 0; t < MIF_T_ENUM_NAMED; t++) {
		const char *name = mif_type_name((mif_type_kind)t);
		if (strlen(name) == len && memcmp(word, name, len) == 0) {
			*type = (mif_type_kind)t;
			return true;
		}
	}
	return false;
}

bool
mif_conv_access_parse(const char *word, mif_access *access)
{
	for (unsigned a = MIF_ACCESS_READ_ONLY; a <= MIF_ACCESS_WRITE_ONLY; a++) {
		if (strcmp(word, mif_access_name((mif_access)a)) == 0) {
			*access = (mif_access)a;
			return true;
		}
	}
	return false;
}

bool
mif_conv_storage_parse(const char *word, mif_storage *storage)
{
	for (unsigned s = MIF_STORAGE_SPECIFIC; s <= MIF_STORAGE_COMMON; s++) {
		if (strcmp(word, mif_storage_name((mif_storage)s)) == 0) {
			*storage = (mif_storage)s;
			return true;
		}
	}
	return false;
}

bool
mif_conv_number_parse(const char *text, size_t len, mif_number *number)
{
	size_t i = 0;
	uint64_t mag = 0;

	number->flags = MIF_RADIX_DEC;
	if (len > 0 && text[0] == '-') {
		number->flags |= MIF_NEGATIVE;
		i = 1;
	}
	if (i == len)
		return false;
	for (; i < len; i++) {
		if (text[i] < '0' || text[i] > '9')
			return false;
		unsigned d = (unsigned)(text[i] - '0');
		if (mag > (UINT64_MAX - d) / 10)
			return false;
		mag = mag * 10 + d;
	}
	number->mag = mag;
	return true;
}

void
mif_conv_number_text(char buf[22], uint64_t mag, unsigned flags)
{
	char digits[21];
	size_t n = 0;

	do {
		digits[n++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag != 0);
	size_t o = 0;
	if (flags & MIF_NEGATIVE)
		buf[o++] = '-';
	while (n > 0)
		buf[o++] = digits[--n];
	buf[o] = '\0';
}

/* ---- building ------------------------------------------------------------ */

#define BIT(n) (1u << (n))


static bool MIF_PRINTF(2, 3)
refuse(mif_conv *conv, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(conv->why, sizeof conv->why, fmt, ap);
	va_end(ap);
	return false;
}

static bool
out_of_memory(mif_conv *conv)
{
	conv->nomem = true;
	return refuse(conv, "out of memory");
}

/* ---- input ------------------------------------------------------------- */

/* Files mapped rather than read from this size on. */
#define MAP_FROM (1024 * 1024)
/* The pages given back at once. */
#define DROP_STEP (1024 * 1024)

bool
mif_conv_input_read(FILE *fp, const char *name, mif_conv_input *in,
    mif_error *err)
{
	struct stat st;
	/* two bytes spare for a text's end, one to meet the end of a file
	 * of known size without growing */
	size_t cap = 64 * 1024, n = 0;

	*in = (mif_conv_input){ NULL, 0, 0, false };
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0) {
		if ((uintmax_t)st.st_size > MIF_MAX_INPUT) {
			mif_error_set(err, MIF_E_TOO_BIG, name, "input too large");
			return false;
		}
		cap = (size_t)st.st_size + 3;
		void *map = cap >= MAP_FROM && ftello(fp) == 0 ?
		    mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
		    fileno(fp), 0) : MAP_FAILED;
		if (map != MAP_FAILED) {
			*in = (mif_conv_input){ map, (size_t)st.st_size,
			    (size_t)st.st_size, true };
			return true;
		}
	}
	char *buf = malloc(cap);
	for (;;) {
		if (buf == NULL) {
			mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
			return false;
		}
		if (n > MIF_MAX_INPUT) {
			free(buf);
			mif_error_set(err, MIF_E_TOO_BIG, name, "input too large");
			return false;
		}
		if (cap - n <= 2) {
			char *p = realloc(buf, cap * 2);
			if (p == NULL)
				free(buf);
			buf = p;
			cap *= 2;
			continue;
		}
		size_t got = fread(buf + n, 1, cap - 2 - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		int e = errno != 0 ? errno : EIO;
		free(buf);
		mif_error_set(err, MIF_E_IO, name, "read error: %s", strerror(e));
		return false;
	}
	*in = (mif_conv_input){ buf, n, cap, false };
	return true;
}

void
mif_conv_input_free(mif_conv_input *in)
{
	if (in->mapped)
		munmap(in->bytes, in->cap);
	else
		free(in->bytes);
	*in = (mif_conv_input){ NULL, 0, 0, false };
}

void
mif_conv_drop_pages(const char *base, size_t *done, size_t upto, bool last)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t end = upto / page * page;

	if (end > *done && (last || end - *done >= DROP_STEP)) {
		(void)madvise((char *)base + *done, end - *done, MADV_DONTNEED);
		*done = end;
	}
}

/* ---- writing into memory ----------------------------------------------- */

int
mif_write_memory(const mif_doc *doc,
    int (*to)(const mif_doc *, mif_put_fn *, void *, mif_error *),
    char **out, size_t *len, mif_error *err)
{
	mif_buf buf = { NULL, 0, 0, false };

	*out = NULL;
	*len = 0;
	int rc = to(doc, mif_put_memory, &buf, err);
	mif_buf_putc(&buf, '\0');
	if (rc == 0 && buf.nomem)
		rc = -1;
	if (rc != 0) {
		if (buf.nomem)
			mif_error_set(err, MIF_E_NOMEM, mif_doc_source_name(doc),
			    "out of memory");
		free(buf.data);
		return -1;
	}
	*out = buf.data;
	*len = buf.len - 1;
	return 0;
}

void
mif_conv_init(mif_conv *conv, mif_doc *doc)
{
	memset(conv, 0, sizeof *conv);
	conv->doc = doc;
}

void
mif_conv_free(mif_conv *conv)
{
	for (int i = 0; i < MIF_CONV_DEPTH; i++) {
		free(conv->level[i].stmts);
		free(conv->level[i].items);
	}
	free(conv->cells);
	memset(conv->level, 0, sizeof conv->level);
	conv->cells = NULL;
}

/* The next pos: above the last one, and at least `at`. */
static uint32_t
next_pos(mif_conv *conv, uint32_t at)
{
	uint32_t pos = at;

	if (conv->any_pos && pos <= conv->last_pos)
		pos = conv->last_pos < MIF_NOPOS - 2 ? conv->last_pos + 1
		    : conv->last_pos;
	if (pos >= MIF_NOPOS - 1)
		pos = MIF_NOPOS - 2;
	conv->last_pos = pos;
	conv->any_pos = true;
	return pos;
}

static mif_conv_level *
top(mif_conv *conv)
{
	return conv->depth > 0 ? &conv->level[conv->depth - 1] : NULL;
}

static const char *
kind_word(mif_block_kind kind)
{
	switch (kind) {
	case MIF_COMPONENT: return "the component";
	case MIF_PATH: return "a path";
	case MIF_ENUM: return "an enum";
	case MIF_GROUP: return "a group";
	case MIF_ATTRIBUTE: return "an attribute";
	case MIF_TABLE: return "a table";
	default: return "a block";
	}
}

/*
 * A string must come back from MIF text as it is: written as one
 * literal, its escaped body may not pass the scanner's token limit.
 */
static bool
string_fits(mif_conv *conv, const mif_string *s, const char *what)
{
	if (s == NULL)
		return refuse(conv, "%s has no text", what);
	if (s->len > MIF_MAX_TOKEN / 4) {
		mif_buf buf = { NULL, 0, 0, false };
		mif_put_string(&buf, s);
		bool nomem = buf.nomem;
		size_t body = buf.len - 2;
		free(buf.data);
		if (nomem)
			return out_of_memory(conv);
		if (body > MIF_MAX_TOKEN)
			return refuse(conv, "%s is too long: written as MIF it "
			    "takes %zu bytes, over the limit of %u", what, body,
			    MIF_MAX_TOKEN);
	}
	return true;
}

/* An integer as the scanner gives it: a negative one down to -2^63,
 * and no negative zero. */
static bool
number_ok(mif_conv *conv, uint64_t mag, uint8_t *flags, const char *what)
{
	if ((*flags & ~(MIF_RADIX_MASK | MIF_NEGATIVE)) != 0 ||
	    (*flags & MIF_RADIX_MASK) == MIF_RADIX_MASK)
		return refuse(conv, "%s has an unknown radix", what);
	if ((*flags & MIF_NEGATIVE) && mag > (uint64_t)INT64_MAX + 1)
		return refuse(conv, "%s is below -9223372036854775808, out of "
		    "64 bits", what);
	if (mag == 0)
		*flags &= (uint8_t)~MIF_NEGATIVE;
	return true;
}

bool
mif_conv_comment(mif_conv *conv, const char *text, size_t len,
    bool same_line, uint32_t at)
{
	mif_doc *doc = conv->doc;

	if (len > MIF_MAX_TOKEN)
		return refuse(conv, "a comment longer than %u bytes", MIF_MAX_TOKEN);
	if (memchr(text, '\n', len) != NULL)
		return refuse(conv, "a comment holds a line end; it runs to the "
		    "end of its line");
	if (memchr(text, 0x1A, len) != NULL)
		return refuse(conv, "a comment holds the byte 0x1A, which ends "
		    "a MIF file");
	const mif_string *s = mif_intern(doc, text, len);
	if (s == NULL || !mif_vec_reserve((void **)&doc->comments,
	    &doc->comments_cap, doc->ncomments, sizeof *doc->comments))
		return out_of_memory(conv);
	doc->comments[doc->ncomments++] =
	    (mif_comment){ next_pos(conv, at), same_line, s };
	return true;
}

bool
mif_conv_open(mif_conv *conv, mif_block_kind kind, uint32_t at)
{
	mif_conv_level *parent = top(conv);
	int pk = parent != NULL ? parent->block->kind : -1;
	bool ok;

	if (conv->in_row)
		return refuse(conv, "a block inside a row");
	switch (pk) {
	case -1:
		ok = kind == MIF_COMPONENT && conv->doc->component == NULL;
		if (kind == MIF_COMPONENT && !ok)
			return refuse(conv, "a second component; a file holds one");
		break;
	case MIF_COMPONENT:
		ok = kind == MIF_PATH || kind == MIF_ENUM || kind == MIF_GROUP ||
		    kind == MIF_TABLE;
		break;
	case MIF_GROUP:
		ok = kind == MIF_ATTRIBUTE;
		break;
	case MIF_ATTRIBUTE:
		ok = kind == MIF_ENUM; /* TYPE = START ENUM */
		break;
	default:
		ok = false;
		break;
	}
	if (!ok) {
		if (pk < 0)
			return refuse(conv, "%s outside the component",
			    kind_word(kind));
		return refuse(conv, "%s cannot stand in %s", kind_word(kind),
		    kind_word((mif_block_kind)pk));
	}
	if (conv->depth >= MIF_CONV_DEPTH)
		return refuse(conv, "blocks nested too deep");

	size_t inline_type = 0;
	if (pk == MIF_ATTRIBUTE) {
		if (parent->seen & BIT(MIF_KW_TYPE))
			return refuse(conv, "TYPE is given twice in an attribute");
		if (!mif_vec_reserve((void **)&parent->stmts, &parent->stmts_cap,
		    parent->nstmts, sizeof *parent->stmts))
			return out_of_memory(conv);
		inline_type = parent->nstmts;
		parent->stmts[parent->nstmts++] = (mif_stmt){
			.pos = next_pos(conv, at), .kw = MIF_KW_TYPE,
			.sub = MIF_T_ENUM_INLINE, .form = MIF_F_TYPE,
		};
		parent->seen |= BIT(MIF_KW_TYPE);
	}
	mif_block *b = mif_arena_alloc(&conv->doc->arena, sizeof *b);
	if (b == NULL)
		return out_of_memory(conv);
	memset(b, 0, sizeof *b);
	b->kind = (uint8_t)kind;
	b->pos = next_pos(conv, at);
	mif_conv_level *l = &conv->level[conv->depth++];
	l->block = b;
	l->nstmts = l->nitems = 0;
	l->last_child = NULL;
	l->last_row = NULL;
	l->seen = 0;
	l->inline_type = inline_type;
	return true;
}

bool
mif_conv_close(mif_conv *conv, uint32_t at)
{
	mif_conv_level *l = top(conv);
	mif_arena *arena = &conv->doc->arena;

	if (l == NULL)
		return refuse(conv, "an end without a block");
	if (conv->in_row)
		return refuse(conv, "a block ends inside a row");
	mif_block *b = l->block;
	b->end_pos = next_pos(conv, at);
	b->nstmts = (uint16_t)l->nstmts;
	if (l->nstmts > 0 && (b->stmts = mif_arena_dup(arena, l->stmts,
	    l->nstmts * sizeof *l->stmts)) == NULL)
		return out_of_memory(conv);
	if (b->kind == MIF_ENUM) {
		b->count = (uint32_t)l->nitems;
		if (l->nitems > 0 && (b->u.items = mif_arena_dup(arena, l->items,
		    l->nitems * sizeof *l->items)) == NULL)
			return out_of_memory(conv);
	}
	conv->depth--;
	mif_conv_level *parent = top(conv);
	if (parent == NULL) {
		conv->doc->component = b;
	} else if (parent->block->kind == MIF_ATTRIBUTE) {
		parent->stmts[l->inline_type].v.enm = b;
	} else {
		if (parent->last_child != NULL)
			parent->last_child->next = b;
		else
			parent->block->u.children = b;
		parent->last_child = b;
		parent->block->count++;
	}
	return true;
}

/* Whether the value has the shape the parser gives this keyword in a
 * block of this kind; refused with the reason otherwise. */
static bool
stmt_shape(mif_conv *conv, mif_keyword kw, mif_block_kind kind,
    const mif_stmt *v, const char *word)
{
	switch (kw) {
	case MIF_KW_NAME: case MIF_KW_DESCRIPTION: case MIF_KW_CLASS:
	case MIF_KW_LANGUAGE: case MIF_KW_PRAGMA:
		if (v->form != MIF_F_STRING)
			return refuse(conv, "%s needs a string", word);
		return string_fits(conv, v->v.str, word);
	case MIF_KW_ID:
		if (v->form != MIF_F_INTEGER)
			return refuse(conv, "ID needs a number");
		if ((v->flags & MIF_NEGATIVE) || v->v.u > UINT32_MAX)
			return refuse(conv, "ID out of range (0 to 4294967295)");
		return true;
	case MIF_KW_KEY:
		if (v->form != MIF_F_KEYS || v->v.keys == NULL ||
		    v->v.keys->count == 0)
			return refuse(conv, "KEY needs a list of attribute IDs");
		for (uint32_t i = 0; i < v->v.keys->count; i++) {
			mif_number *n = (mif_number *)&v->v.keys->items[i];
			if (!number_ok(conv, n->mag, &n->flags, "KEY"))
				return false;
			if (n->flags & MIF_NEGATIVE)
				return refuse(conv, "KEY needs attribute IDs, which "
				    "are not negative");
		}
		return true;
	case MIF_KW_TYPE:
		if (v->form != MIF_F_TYPE || v->sub == MIF_T_ENUM_INLINE ||
		    v->sub >= MIF_T_COUNT)
			return refuse(conv, "TYPE needs a type");
		if (v->sub == MIF_T_ENUM_NAMED) {
			if (kind == MIF_ENUM)
				return refuse(conv, "TYPE of an enum needs a type "
				    "name, not an enum name");
			return string_fits(conv, v->v.str, "the enum name of TYPE");
		}
		if (v->v.u != 0 && v->sub != MIF_T_STRING &&
		    v->sub != MIF_T_DISPLAYSTRING && v->sub != MIF_T_OCTETSTRING)
			return refuse(conv, "%s takes no size",
			    mif_type_name((mif_type_kind)v->sub));
		return true;
	case MIF_KW_ACCESS:
		if (v->form != MIF_F_WORD || v->sub > MIF_ACCESS_WRITE_ONLY)
			return refuse(conv, "ACCESS needs READ-ONLY, READ-WRITE "
			    "or WRITE-ONLY");
		return true;
	case MIF_KW_STORAGE:
		if (v->form != MIF_F_WORD || v->sub > MIF_STORAGE_COMMON)
			return refuse(conv, "STORAGE needs SPECIFIC or COMMON");
		return true;
	case MIF_KW_VALUE:
		switch (v->form) {
		case MIF_F_INTEGER:
			return true; /* checked by the caller */
		case MIF_F_STRING:
		case MIF_F_OVERLAY:
			return string_fits(conv, v->v.str, "VALUE");
		case MIF_F_UNKNOWN:
		case MIF_F_UNSUPPORTED:
			return true;
		default:
			return refuse(conv, "VALUE needs a number, a string, an "
			    "overlay, UNKNOWN or UNSUPPORTED");
		}
	case MIF_KW_PLATFORM:
		if (v->form == MIF_F_DIRECT)
			return true;
		if (v->form != MIF_F_STRING)
			return refuse(conv, "%s needs a string or DIRECT-INTERFACE",
			    word);
		return string_fits(conv, v->v.str, word);
	default:
		return refuse(conv, "an unknown statement");
	}
}

bool
mif_conv_stmt(mif_conv *conv, mif_keyword kw, const mif_stmt *value,
    uint32_t at)
{
	mif_conv_level *l = top(conv);
	unsigned sub = kw == MIF_KW_PLATFORM ? value->sub : 0;

	if ((unsigned)kw >= MIF_KW_COUNT ||
	    (kw == MIF_KW_PLATFORM && sub >= MIF_PLAT_COUNT))
		return refuse(conv, "an unknown statement");
	const char *word = kw == MIF_KW_PLATFORM
	    ? mif_platform_name((mif_platform)sub) : mif_keyword_name(kw);
	if (l == NULL)
		return refuse(conv, "%s outside the component", word);
	if (conv->in_row)
		return refuse(conv, "%s inside a row", word);
	mif_block_kind kind = (mif_block_kind)l->block->kind;
	if (!mif_kind_takes(kind, kw))
		return refuse(conv, "%s is not allowed in %s", word,
		    kind_word(kind));
	unsigned bit = kw == MIF_KW_PLATFORM ? BIT(MIF_KW_COUNT + sub) : BIT(kw);
	if (l->seen & bit)
		return refuse(conv, "%s is given twice in %s", word,
		    kind_word(kind));
	mif_stmt s = *value;
	if (s.form == MIF_F_INTEGER && !number_ok(conv, s.v.u, &s.flags, word))
		return false;
	if (!stmt_shape(conv, kw, kind, &s, word))
		return false;
	if (!mif_vec_reserve((void **)&l->stmts, &l->stmts_cap, l->nstmts,
	    sizeof *l->stmts))
		return out_of_memory(conv);
	s.pos = next_pos(conv, at);
	s.kw = (uint8_t)kw;
	/* only what the parser would store: no stray bits to compare */
	if (s.form != MIF_F_TYPE && s.form != MIF_F_WORD &&
	    kw != MIF_KW_PLATFORM)
		s.sub = 0;
	if (s.form != MIF_F_INTEGER)
		s.flags = 0;
	if (s.form == MIF_F_UNKNOWN || s.form == MIF_F_UNSUPPORTED ||
	    s.form == MIF_F_DIRECT || s.form == MIF_F_WORD)
		s.v.u = 0;
	l->stmts[l->nstmts++] = s;
	l->seen |= bit;
	return true;
}

bool
mif_conv_item(mif_conv *conv, mif_number value, const mif_string *symbol,
    uint32_t at)
{
	mif_conv_level *l = top(conv);

	if (l == NULL || l->block->kind != MIF_ENUM)
		return refuse(conv, "an enum item outside an enum");
	if (!number_ok(conv, value.mag, &value.flags, "an enum item") ||
	    !string_fits(conv, symbol, "the symbol of an enum item"))
		return false;
	if (!mif_vec_reserve((void **)&l->items, &l->items_cap, l->nitems,
	    sizeof *l->items))
		return out_of_memory(conv);
	l->items[l->nitems++] = (mif_enum_item){ next_pos(conv, at), value, symbol };
	return true;
}

bool
mif_conv_row_begin(mif_conv *conv, uint32_t at)
{
	mif_conv_level *l = top(conv);

	if (l == NULL || l->block->kind != MIF_TABLE)
		return refuse(conv, "a row outside a table");
	if (conv->in_row)
		return refuse(conv, "a row inside a row");
	conv->in_row = true;
	conv->ncells = 0;
	conv->row_pos = next_pos(conv, at);
	return true;
}

bool
mif_conv_cell(mif_conv *conv, const mif_stmt *cell, uint32_t at)
{
	if (!conv->in_row)
		return refuse(conv, "a table value outside a row");
	switch (cell->form) {
	case MIF_F_NONE:
	case MIF_F_UNKNOWN:
	case MIF_F_UNSUPPORTED:
		break;
	case MIF_F_INTEGER:
		break;
	case MIF_F_STRING:
	case MIF_F_OVERLAY:
		if (!string_fits(conv, cell->v.str, "a table value"))
			return false;
		break;
	default:
		return refuse(conv, "a table value must be a number, a string, "
		    "an overlay, UNKNOWN, UNSUPPORTED or empty");
	}
	if (!mif_vec_reserve((void **)&conv->cells, &conv->cells_cap,
	    conv->ncells, sizeof *conv->cells))
		return out_of_memory(conv);
	mif_stmt c = { .pos = next_pos(conv, at), .form = cell->form };
	if (c.form == MIF_F_INTEGER) {
		c.flags = cell->flags;
		c.v.u = cell->v.u;
		if (!number_ok(conv, c.v.u, &c.flags, "a table value"))
			return false;
	} else if (c.form == MIF_F_STRING || c.form == MIF_F_OVERLAY) {
		c.v.str = cell->v.str;
	}
	conv->cells[conv->ncells++] = c;
	return true;
}

bool
mif_conv_row_end(mif_conv *conv, uint32_t at)
{
	mif_conv_level *l = top(conv);
	mif_arena *arena = &conv->doc->arena;

	if (!conv->in_row)
		return refuse(conv, "the end of a row outside a row");
	conv->in_row = false;
	/* MIF spells one empty position "{}", which reads as no value */
	if (conv->ncells == 1 && conv->cells[0].form == MIF_F_NONE)
		return refuse(conv, "a row whose only position is empty cannot "
		    "be written in MIF; a row without values has no cells");
	mif_row *r = mif_arena_alloc(arena, sizeof *r);
	mif_stmt *cells = conv->ncells > 0 ? mif_arena_dup(arena, conv->cells,
	    conv->ncells * sizeof *conv->cells) : NULL;
	if (r == NULL || (conv->ncells > 0 && cells == NULL))
		return out_of_memory(conv);
	*r = (mif_row){ conv->row_pos, next_pos(conv, at),
	    (uint32_t)conv->ncells, cells, NULL };
	if (l->last_row != NULL)
		l->last_row->next = r;
	else
		l->block->u.rows = r;
	l->last_row = r;
	l->block->count++;
	return true;
}

bool
mif_conv_finish(mif_conv *conv)
{
	if (conv->depth > 0)
		return refuse(conv, "%s is not closed",
		    kind_word((mif_block_kind)top(conv)->block->kind));
	if (conv->doc->component == NULL)
		return refuse(conv, "no component");
	return true;
}
