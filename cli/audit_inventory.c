/* mif-audit's inventory folder: see audit_inventory.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audit_inventory.h"
#include "cli.h"
#include "folder.h"
#include "load.h"
#include "report.h"

/* The folder being read, and how to read its NOIDMIFs. */
typedef struct loading {
	mif_audit_inventory *inv;
	const mif_parse_options *input;
	int status;    /* the worst so far (cli_worse()) */
	size_t loaded; /* NOIDMIFs read */
} loading;

/* ---- reading the folder ---- */

/* The length of name without a ".mif" ending (any case), or 0 when it
 * has none, is nothing else or is hidden. */
static size_t
stem_length(const char *name)
{
	return folder_mif_name(name) ? strlen(name) - 4 : 0;
}

static int
visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Read one NOIDMIF of a client into the inventory.  False after
 * reporting. */
static bool
load_noidmif(loading *l, const char *prog, const char *path,
    const char *sms_id)
{
	int status;
	mif_doc *doc = cli_load(prog, path, l->input, &status);
	mif_error e;

	if (doc == NULL) {
		l->status = cli_worse(l->status, status);
		return false;
	}
	bool ok = mif_audit_inventory_add(l->inv, sms_id, doc, &e);
	if (!ok) {
		report_diag(stderr, prog, path, doc, &e);
		l->status = cli_worse(l->status, report_status(&e));
	}
	mif_doc_free(doc);
	l->loaded += ok;
	return ok;
}

static char *
join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* The names in a folder that are not hidden, sorted; -1 after
 * reporting. */
static int
list(const char *prog, const char *dir, struct dirent ***names)
{
	return folder_list(prog, dir, names, visible);
}

/* Every NAME.mif of DIR/SMSID/ as NOIDMIFs of the client. */
static bool
load_client_folder(loading *l, const char *prog, const char *dir,
    const char *sms_id)
{
	struct dirent **names;
	int n = list(prog, dir, &names);
	bool ok = n >= 0;

	if (!ok)
		l->status = CLI_TROUBLE;
	for (int i = 0; i < n; i++) {
		char *path = join(dir, names[i]->d_name);
		struct stat st;
		if (path == NULL) {
			report_fatal(stderr, prog, dir, MIF_RULE_NOMEM, "out of memory");
			l->status = CLI_TROUBLE;
			ok = false;
		} else if (stem_length(names[i]->d_name) > 0 &&
		    stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    !load_noidmif(l, prog, path, sms_id)) {
			ok = false;
		}
		free(path);
	}
	if (n >= 0)
		folder_free_names(names, n);
	return ok;
}

static bool
load_entry(loading *l, const char *prog, const char *dir,
    const char *name)
{
	char *path = join(dir, name);
	char *id = strdup(name);
	struct stat st;
	bool ok = true;

	if (path == NULL || id == NULL) {
		report_fatal(stderr, prog, dir, MIF_RULE_NOMEM, "out of memory");
		ok = false;
	} else if (stat(path, &st) != 0) {
		report_fatal(stderr, prog, path, MIF_RULE_IO, "%s", strerror(errno));
		ok = false;
	}
	if (!ok) {
		l->status = CLI_TROUBLE;
	} else if (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) &&
	    stem_length(name) > 0)) {
		if (S_ISDIR(st.st_mode)) {
			ok = load_client_folder(l, prog, path, id);
		} else {
			id[stem_length(name)] = '\0';
			ok = load_noidmif(l, prog, path, id);
		}
	}
	free(path);
	free(id);
	return ok;
}

mif_audit_inventory *
audit_inventory_load(const char *prog, const char *dir,
    const mif_parse_options *input, int *status)
{
	loading l = { mif_audit_inventory_new(), input, CLI_OK, 0 };
	struct dirent **names;
	bool ok = true;

	*status = CLI_TROUBLE;
	if (l.inv == NULL) {
		report_fatal(stderr, prog, dir, MIF_RULE_NOMEM, "out of memory");
		return NULL;
	}
	int n = list(prog, dir, &names);
	if (n < 0) {
		l.status = CLI_TROUBLE;
		ok = false;
	}
	/* go on after a bad file, so that one run names them all */
	for (int i = 0; i < n; i++)
		if (!load_entry(&l, prog, dir, names[i]->d_name))
			ok = false;
	if (n >= 0)
		folder_free_names(names, n);
	if (ok && l.loaded == 0) {
		/* a mistyped or empty folder would audit as if no client had
		 * installed anything */
		report_fatal(stderr, prog, dir, MIF_RULE_IO, "no NOIDMIF in this folder "
		    "(SMSID.mif or SMSID/*.mif)");
		l.status = CLI_TROUBLE;
		ok = false;
	}
	if (!ok) {
		*status = l.status != CLI_OK ? l.status : CLI_TROUBLE;
		mif_audit_inventory_free(l.inv);
		return NULL;
	}
	*status = CLI_OK;
	return l.inv;
}
