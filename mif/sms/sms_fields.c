/*
 * The attributes of the toolkit's SMS job classes, and their values read
 * through the rows view and written through the building API.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "meaning/check.h"
#include "sms/sms_fields.h"

const sms_attr sms_job_attrs[JOB_NATTRS] = {
	{ JOB_ID, "Job ID", MIF_T_STRING, 8 },
	{ JOB_PACKAGE, "Package ID", MIF_T_STRING, 8 },
	{ JOB_OFFER, "Offer", MIF_T_DATE, 0 },
	{ JOB_EXPIRES, "Expires", MIF_T_DATE, 0 },
};

const sms_attr sms_detail_attrs[DETAIL_NATTRS] = {
	{ DETAIL_SMS_ID, "SMS ID", MIF_T_STRING, 8 },
	{ DETAIL_STATUS, "Workstation Job Status", MIF_T_STRING, 16 },
	{ DETAIL_REPORTED, "Reported", MIF_T_DATE, 0 },
	{ DETAIL_INSTRUCTION, "Instruction", MIF_T_STRING, 8 },
	{ DETAIL_DESCRIPTION, "Description", MIF_T_STRING, 128 },
	{ DETAIL_VERSION, "SMS Version", MIF_T_STRING, 8 },
	{ DETAIL_JOB_ID, "Job ID", MIF_T_STRING, 8 },
};

const sms_attr sms_target_attrs[TARGET_NATTRS] = {
	{ TARGET_SMS_ID, "SMS ID", MIF_T_STRING, 8 },
};

const sms_attr sms_instruction_attrs[INS_NATTRS] = {
	{ INS_SEQUENCE, "Sequence", MIF_T_INTEGER, 0 },
	{ INS_TIME, "Time", MIF_T_DATE, 0 },
	{ INS_SMS_ID, "SMS ID", MIF_T_STRING, 8 },
	{ INS_INSTRUCTION, "Instruction", MIF_T_STRING, 8 },
	{ INS_DESCRIPTION, "Description", MIF_T_STRING, 128 },
};

/* ---- errors ------------------------------------------------------------ */

void
sms_error(mif_error *err, const mif_doc *doc, uint32_t pos, uint32_t context,
    mif_code code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mif_error_vat(err, doc, code, pos, context, fmt, ap);
	va_end(ap);
}

/* The names given by name(i) for i below count, joined by ", ". */
static char *
join(char *buf, size_t size, size_t count, const char *(*name)(size_t))
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < count && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s",
		    i > 0 ? ", " : "", name(i));
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return buf;
}

static const char *
status_at(size_t i)
{
	return mif_sms_status_name((mif_sms_status)i);
}

static const char *
instruction_at(size_t i)
{
	return mif_sms_instruction_name((mif_sms_instruction)i);
}

static const char *
version_at(size_t i)
{
	size_t n;

	return mif_sms_versions(&n)[i].name;
}

char *
sms_status_list(char *buf, size_t size)
{
	return join(buf, size, MIF_SMS_STATUS_COUNT, status_at);
}

char *
sms_instruction_list(char *buf, size_t size)
{
	return join(buf, size, MIF_SMS_INSTRUCTION_COUNT, instruction_at);
}

char *
sms_version_list(char *buf, size_t size)
{
	size_t n;

	mif_sms_versions(&n);
	return join(buf, size, n, version_at);
}

typedef struct id_at {
	const char *id;
	size_t row;
} id_at;

static int
by_id_then_row(const void *a, const void *b)
{
	const id_at *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : (x->row > y->row) - (x->row < y->row);
}

size_t
sms_first_duplicate(const char *const *list, size_t n, size_t *first,
    bool *nomem)
{
	id_at *ids = malloc((n > 0 ? n : 1) * sizeof *ids);
	size_t dup = SIZE_MAX;

	*nomem = ids == NULL;
	if (ids == NULL)
		return SIZE_MAX;
	for (size_t i = 0; i < n; i++)
		ids[i] = (id_at){ list[i], i };
	qsort(ids, n, sizeof *ids, by_id_then_row);
	for (size_t i = 1; i < n; i++) {
		/* in a run of equal IDs the second is the first repeat */
		if (strcmp(ids[i].id, ids[i - 1].id) == 0 &&
		    (i < 2 || strcmp(ids[i - 1].id, ids[i - 2].id) != 0) &&
		    ids[i].row < dup) {
			dup = ids[i].row;
			*first = ids[i - 1].row;
		}
	}
	free(ids);
	return dup;
}

/* ---- reading ----------------------------------------------------------- */

static uint32_t
component_pos(const mif_doc *doc)
{
	const mif_block *c = mif_doc_component(doc);

	return c != NULL ? c->pos : MIF_NOPOS;
}

bool
sms_view_open(sms_view *v, const mif_doc *doc, const char *cls,
    const char *what, const sms_attr *attrs, size_t nattrs, mif_error *err)
{
	memset(v, 0, sizeof *v);
	v->doc = doc;
	v->what = what;
	v->attrs = attrs;
	const mif_block *g = mif_find_group(doc, cls);
	const mif_string *found = g != NULL ? mif_block_string(g, MIF_KW_CLASS)
	    : NULL;
	/* mif_find_group() also answers to names: only the class counts */
	if (found == NULL || mif_casecmp(found->bytes, cls) != 0) {
		sms_error(err, doc, component_pos(doc), MIF_NOPOS, MIF_E_MISSING,
		    "no %s: a group of class \"%s\"", what, cls);
		return false;
	}
	v->group = g;
	v->rows = mif_rows_open(doc, g, err);
	if (v->rows == NULL)
		return false;
	for (size_t i = 0; i < nattrs; i++) {
		size_t col = mif_rows_column_of(v->rows, attrs[i].id);
		if (col == MIF_NO_COLUMN) {
			sms_error(err, doc, g->pos, MIF_NOPOS, MIF_E_MISSING,
			    "the %s has no attribute with ID %u (\"%s\")", what,
			    (unsigned)attrs[i].id, attrs[i].name);
			sms_view_close(v);
			return false;
		}
		v->cols[attrs[i].id] = col;
	}
	return true;
}

void
sms_view_close(sms_view *v)
{
	mif_rows_free(v->rows);
	v->rows = NULL;
}

size_t
sms_view_count(const sms_view *v)
{
	return mif_rows_count(v->rows);
}

uint32_t
sms_view_row_pos(const sms_view *v, size_t row)
{
	const mif_row *r = mif_rows_row(v->rows, row);

	return r != NULL ? r->pos : v->group->pos;
}

uint32_t
sms_view_pos(const sms_view *v, size_t row, uint32_t id)
{
	bool dflt;
	const mif_stmt *s = mif_rows_stmt(v->rows, row, v->cols[id], &dflt);

	return s != NULL && !dflt ? s->pos : sms_view_row_pos(v, row);
}

static const char *
attr_name(const sms_view *v, uint32_t id)
{
	return v->attrs[id - 1].name;
}

/* The statement giving the value; NULL for none (and form NONE). */
static const mif_stmt *
value_stmt(const sms_view *v, size_t row, uint32_t id)
{
	const mif_stmt *s = mif_rows_stmt(v->rows, row, v->cols[id], NULL);

	return s != NULL && s->form != MIF_F_NONE ? s : NULL;
}

bool
sms_view_string(const sms_view *v, size_t row, uint32_t id,
    const char **out, mif_error *err)
{
	const mif_stmt *s = value_stmt(v, row, id);
	uint32_t pos = sms_view_pos(v, row, id);

	if (s == NULL) {
		sms_error(err, v->doc, pos, MIF_NOPOS, MIF_E_MISSING,
		    "no value for \"%s\" in the %s", attr_name(v, id), v->what);
		return false;
	}
	if (s->form != MIF_F_STRING) {
		sms_error(err, v->doc, pos, MIF_NOPOS, MIF_E_TYPE,
		    "\"%s\" in the %s is not a string", attr_name(v, id),
		    v->what);
		return false;
	}
	if (strlen(s->v.str->bytes) != s->v.str->len) {
		sms_error(err, v->doc, pos, MIF_NOPOS, MIF_E_TYPE,
		    "\"%s\" in the %s holds a NUL character", attr_name(v, id),
		    v->what);
		return false;
	}
	*out = s->v.str->bytes;
	return true;
}

bool
sms_view_id(const sms_view *v, size_t row, uint32_t id, const char **out,
    mif_error *err)
{
	if (!sms_view_string(v, row, id, out, err))
		return false;
	if (**out != '\0')
		return true;
	sms_error(err, v->doc, sms_view_pos(v, row, id), MIF_NOPOS,
	    MIF_E_MISSING, "\"%s\" in the %s is empty", attr_name(v, id),
	    v->what);
	return false;
}

/* Whether text is a DATE with every field unknown, or empty. */
static bool
unknown_date(const mif_string *text)
{
	mif_date d;

	return text->len == 0 ||
	    (mif_date_parse(text->bytes, text->len, &d, NULL, 0) && d.unknown);
}

bool
sms_view_time(const sms_view *v, size_t row, uint32_t id, bool optional,
    bool *known, int64_t *t, mif_error *err)
{
	const mif_stmt *s = value_stmt(v, row, id);
	uint32_t pos = sms_view_pos(v, row, id);
	bool unknown = s == NULL || s->form == MIF_F_UNKNOWN ||
	    (s->form == MIF_F_STRING && unknown_date(s->v.str));

	*known = false;
	if (unknown) {
		if (optional)
			return true;
		sms_error(err, v->doc, pos, MIF_NOPOS, MIF_E_DATE,
		    "\"%s\" in the %s is unknown; it must be a date and time",
		    attr_name(v, id), v->what);
		return false;
	}
	mif_date d;
	/* a DATE, of which mif_time_parse() also takes ISO 8601 forms */
	if (s->form != MIF_F_STRING ||
	    !mif_date_parse(s->v.str->bytes, s->v.str->len, &d, NULL, 0) ||
	    !mif_time_parse(s->v.str->bytes, t)) {
		sms_error(err, v->doc, pos, MIF_NOPOS, MIF_E_DATE,
		    "\"%s\" in the %s is not a full date and time "
		    "(yyyymmddHHMMSS.uuuuuu+ooo)", attr_name(v, id), v->what);
		return false;
	}
	/* the writers give times back as DATEs in UTC: years 0 to 9999 */
	if (*t < SMS_TIME_MIN || *t > SMS_TIME_MAX) {
		sms_error(err, v->doc, pos, MIF_NOPOS, MIF_E_DATE,
		    "\"%s\" in the %s is before year 0 or after year 9999 in "
		    "UTC", attr_name(v, id), v->what);
		return false;
	}
	*known = true;
	return true;
}

bool
sms_view_number(const sms_view *v, size_t row, uint32_t id, uint64_t *out,
    mif_error *err)
{
	const mif_stmt *s = value_stmt(v, row, id);

	if (s == NULL || s->form != MIF_F_INTEGER ||
	    ((s->flags & MIF_NEGATIVE) && s->v.u != 0)) {
		sms_error(err, v->doc, sms_view_pos(v, row, id), MIF_NOPOS,
		    MIF_E_TYPE, "\"%s\" in the %s is not a number from 0 up",
		    attr_name(v, id), v->what);
		return false;
	}
	*out = s->v.u;
	return true;
}

bool
sms_view_status(const sms_view *v, size_t row, uint32_t id,
    mif_sms_status *out, mif_error *err)
{
	const char *s;
	char list[128];

	if (!sms_view_string(v, row, id, &s, err))
		return false;
	if (mif_sms_status_parse(s, out))
		return true;
	sms_error(err, v->doc, sms_view_pos(v, row, id), MIF_NOPOS,
	    MIF_E_PROFILE, "unknown %s \"%s\" (one of %s)", attr_name(v, id),
	    s, sms_status_list(list, sizeof list));
	return false;
}

bool
sms_view_instruction(const sms_view *v, size_t row, uint32_t id,
    bool optional, bool *given, mif_sms_instruction *out, mif_error *err)
{
	const char *s;
	char list[128];

	*given = false;
	if (!sms_view_string(v, row, id, &s, err))
		return false;
	if (*s == '\0' && optional)
		return true;
	if (mif_sms_instruction_parse(s, out)) {
		*given = true;
		return true;
	}
	sms_error(err, v->doc, sms_view_pos(v, row, id), MIF_NOPOS,
	    MIF_E_PROFILE, "unknown %s \"%s\" (one of %s)", attr_name(v, id),
	    s, sms_instruction_list(list, sizeof list));
	return false;
}

bool
sms_view_version(const sms_view *v, size_t row, uint32_t id, bool optional,
    const mif_sms_version **out, mif_error *err)
{
	const char *s;
	char list[128];

	*out = NULL;
	if (!sms_view_string(v, row, id, &s, err))
		return false;
	if (*s == '\0' && optional)
		return true;
	if ((*out = mif_sms_version_find(s)) != NULL)
		return true;
	sms_error(err, v->doc, sms_view_pos(v, row, id), MIF_NOPOS,
	    MIF_E_PROFILE, "unknown %s \"%s\" (one of %s)", attr_name(v, id),
	    s, sms_version_list(list, sizeof list));
	return false;
}

/* ---- writing ----------------------------------------------------------- */

mif_block *
sms_new_doc(const char *name, mif_doc **doc)
{
	mif_block *comp = NULL;

	*doc = mif_doc_create(NULL);
	if (*doc != NULL &&
	    (comp = mif_add_block(*doc, NULL, MIF_COMPONENT)) != NULL &&
	    mif_set_string(*doc, comp, MIF_KW_NAME, name) != NULL)
		return comp;
	mif_doc_free(*doc);
	*doc = NULL;
	return NULL;
}

mif_block *
sms_add_group(mif_doc *doc, const mif_block *comp, const char *name,
    uint64_t id, const char *cls, bool keyed)
{
	mif_block *g = mif_add_block(doc, comp, MIF_GROUP);

	if (g == NULL || mif_set_string(doc, g, MIF_KW_NAME, name) == NULL ||
	    (id != 0 && mif_set_number(doc, g, MIF_KW_ID, (int64_t)id) == NULL) ||
	    mif_set_string(doc, g, MIF_KW_CLASS, cls) == NULL)
		return NULL;
	if (keyed) {
		mif_keys *keys = mif_arena_alloc(&doc->arena,
		    sizeof *keys + sizeof keys->items[0]);
		if (keys == NULL)
			return NULL;
		keys->count = 1;
		keys->items[0] = (mif_number){ 1, MIF_RADIX_DEC };
		mif_stmt k = { .form = MIF_F_KEYS, .v.keys = keys };
		if (mif_set_stmt(doc, g, MIF_KW_KEY, &k) == NULL)
			return NULL;
	}
	return g;
}

mif_block *
sms_add_attr(mif_doc *doc, const mif_block *group, const sms_attr *a)
{
	mif_block *b = mif_add_block(doc, group, MIF_ATTRIBUTE);
	mif_stmt type = { .form = MIF_F_TYPE, .sub = (uint8_t)a->type,
	    .v.u = a->size };

	if (b == NULL || mif_set_string(doc, b, MIF_KW_NAME, a->name) == NULL ||
	    mif_set_number(doc, b, MIF_KW_ID, a->id) == NULL ||
	    mif_set_stmt(doc, b, MIF_KW_TYPE, &type) == NULL)
		return NULL;
	return b;
}

bool
sms_add_attrs(mif_doc *doc, const mif_block *group, const sms_attr *attrs,
    size_t nattrs, mif_block **out)
{
	for (size_t i = 0; i < nattrs; i++)
		if ((out[attrs[i].id] = sms_add_attr(doc, group, &attrs[i])) == NULL)
			return false;
	return true;
}

mif_block *
sms_add_table(mif_doc *doc, const mif_block *comp, const char *name,
    uint64_t id, const char *cls)
{
	mif_block *t = mif_add_block(doc, comp, MIF_TABLE);

	if (t == NULL || mif_set_string(doc, t, MIF_KW_NAME, name) == NULL ||
	    mif_set_number(doc, t, MIF_KW_ID, (int64_t)id) == NULL ||
	    mif_set_string(doc, t, MIF_KW_CLASS, cls) == NULL)
		return NULL;
	return t;
}

bool
sms_fit_string(mif_doc *doc, const mif_block *attr, const mif_stmt *cell)
{
	const mif_stmt *t = mif_block_stmt(attr, MIF_KW_TYPE);

	if (t == NULL || cell->form != MIF_F_STRING)
		return true;
	size_t n = check_char_count(cell->v.str);
	if (n <= t->v.u)
		return true;
	mif_stmt wide = *t;
	wide.v.u = n;
	return mif_set_stmt(doc, attr, MIF_KW_TYPE, &wide) != NULL;
}

mif_stmt
sms_string_cell(mif_doc *doc, const char *s)
{
	const mif_string *str = mif_doc_cstring(doc, s != NULL ? s : "");

	return (mif_stmt){ .form = str != NULL ? MIF_F_STRING : MIF_F_NONE,
	    .v.str = str };
}

mif_stmt
sms_time_cell(mif_doc *doc, bool known, int64_t t)
{
	char buf[MIF_DATE_LEN + 1];

	if (known) {
		mif_time_dmi(t, buf);
	} else {
		mif_date unknown = { .unknown = true, .year = MIF_DATE_UNKNOWN,
		    .month = MIF_DATE_UNKNOWN, .day = MIF_DATE_UNKNOWN,
		    .hour = MIF_DATE_UNKNOWN, .minute = MIF_DATE_UNKNOWN,
		    .second = MIF_DATE_UNKNOWN,
		    .microsecond = MIF_DATE_UNKNOWN,
		    .utc_offset = MIF_DATE_UNKNOWN };
		mif_date_format(&unknown, buf);
	}
	return sms_string_cell(doc, buf);
}

bool
sms_cell_ok(const mif_stmt *cell)
{
	return cell->form != MIF_F_NONE;
}

bool
sms_set_value(mif_doc *doc, const mif_block *attr, const mif_stmt *v)
{
	return sms_cell_ok(v) && mif_set_stmt(doc, attr, MIF_KW_VALUE, v) != NULL;
}
