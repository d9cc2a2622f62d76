/*
 * The instruction a client's status MIF gives the despooler (Q166833,
 * the InstallStatusMIF API): the Status and Description of its group of
 * class MICROSOFT|JOBSTATUS|1.0.  SMS finds the group by class and the
 * attributes by name, ignoring case, whatever IDs the writer chose; so
 * does this.
 */
#include <string.h>

#include "sms/sms_fields.h"

#define JOBSTATUS_CLASS "MICROSOFT|JOBSTATUS|1.0"

static const mif_block *
group_of_class(const mif_block *comp, const char *cls)
{
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		const mif_string *s = mif_block_string(b, MIF_KW_CLASS);
		if (b->kind == MIF_GROUP && s != NULL &&
		    mif_string_is_folded(s, cls))
			return b;
	}
	return NULL;
}

/* Whether a VALUE is a string without a NUL inside: the despooler reads
 * C strings, and a part cut off there would be lost unsaid. */
static bool
is_whole_string(const mif_stmt *v)
{
	return v != NULL && v->form == MIF_F_STRING &&
	    strlen(v->v.str->bytes) == v->v.str->len;
}

static const mif_block *
attribute_named(const mif_block *group, const char *name)
{
	for (const mif_block *b = group->u.children; b != NULL; b = b->next) {
		const mif_string *s = mif_block_string(b, MIF_KW_NAME);
		if (b->kind == MIF_ATTRIBUTE && s != NULL &&
		    mif_string_is_folded(s, name))
			return b;
	}
	return NULL;
}

bool
mif_sms_status_mif_read(const mif_doc *doc, mif_sms_instruction *ins,
    const char **description, mif_error *err)
{
	const mif_block *comp = mif_doc_component(doc);
	const mif_block *g = comp != NULL ? group_of_class(comp, JOBSTATUS_CLASS)
	    : NULL;

	if (g == NULL) {
		sms_error(err, doc, comp != NULL ? comp->pos : MIF_NOPOS,
		    MIF_NOPOS, MIF_E_PROFILE, "no InstallStatus group: a group "
		    "of class \"" JOBSTATUS_CLASS "\"");
		return false;
	}
	const mif_block *status = attribute_named(g, "Status");
	const mif_stmt *v = status != NULL ? mif_block_stmt(status, MIF_KW_VALUE)
	    : NULL;
	mif_sms_instruction got;
	if (!is_whole_string(v) ||
	    !mif_sms_instruction_parse(v->v.str->bytes, &got) ||
	    got == MIF_SMS_EXPIRED) {
		uint32_t pos = v != NULL ? v->pos : status != NULL ? status->pos
		    : g->pos;
		sms_error(err, doc, pos, MIF_NOPOS, MIF_E_PROFILE,
		    "the InstallStatus group has no Status \"Success\" or "
		    "\"Failed\"");
		return false;
	}
	const mif_block *desc = attribute_named(g, "Description");
	const mif_stmt *d = desc != NULL ? mif_block_stmt(desc, MIF_KW_VALUE)
	    : NULL;
	if (d != NULL && d->form == MIF_F_STRING && !is_whole_string(d)) {
		sms_error(err, doc, d->pos, MIF_NOPOS, MIF_E_PROFILE,
		    "the Description of the InstallStatus group holds a NUL "
		    "character");
		return false;
	}
	*ins = got;
	*description = d != NULL && d->form == MIF_F_STRING ? d->v.str->bytes
	    : "";
	return true;
}
