/*
 * The instruction a client's status MIF gives the despooler (Q166833,
 * the InstallStatusMIF API): the Status and Description of its group of
 * class MICROSOFT|JOBSTATUS|1.0.  SMS finds the group by class and the
 * attributes by name, ignoring case, whatever IDs the writer chose; so
 * does this.
 */
#include <string.h>

#include "sms_fields.h"

#define JOBSTATUS_CLASS "MICROSOFT|JOBSTATUS|1.0"

static const mif_block *
group_of_class(const mif_block *comp, const char *cls)
{
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		const mif_string *s = mif_block_string(b, MIF_KW_CLASS);
		if (b->kind == MIF_GROUP && s != NULL &&
		    mif_casecmp(s->bytes, cls) == 0)
			return b;
	}
	return NULL;
}

static const mif_block *
attribute_named(const mif_block *group, const char *name)
{
	for (const mif_block *b = group->u.children; b != NULL; b = b->next) {
		const mif_string *s = mif_block_string(b, MIF_KW_NAME);
		if (b->kind == MIF_ATTRIBUTE && s != NULL &&
		    mif_casecmp(s->bytes, name) == 0)
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
	if (v == NULL || v->form != MIF_F_STRING ||
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
	*ins = got;
	*description = d != NULL && d->form == MIF_F_STRING ? d->v.str->bytes
	    : "";
	return true;
}
