/*
 * Audits in an SQLite database (mif-audit-db(5)).  A job or skipped
 * history becomes its SQL (mif_audit_db_write_job(), which a worker
 * process may do: it needs no connection), then one transaction applies
 * it (mif_audit_db_put()), so that a run killed midway leaves whole
 * histories only, and auditing a history again replaces its rows.
 */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sms/internal.h"

struct mif_audit_db {
	sqlite3 *db;
	char *name;
};

static const char schema[] =
    "PRAGMA foreign_keys = ON;"
    "CREATE TABLE IF NOT EXISTS histories ("
    " id INTEGER PRIMARY KEY,"
    " job TEXT NOT NULL,"
    " file TEXT NOT NULL,"
    " workstations INTEGER NOT NULL,"
    " inventory INTEGER NOT NULL,"
    " UNIQUE (job, file));"
    "CREATE INDEX IF NOT EXISTS histories_file ON histories (file);"
    "CREATE TABLE IF NOT EXISTS workstations ("
    " history INTEGER NOT NULL REFERENCES histories ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " sms_id TEXT NOT NULL,"
    " truth TEXT NOT NULL,"
    " inventory TEXT,"
    " disagrees INTEGER,"
    " before_offer INTEGER NOT NULL,"
    " expired_again INTEGER NOT NULL,"
    " PRIMARY KEY (history, seq));"
    "CREATE INDEX IF NOT EXISTS workstations_sms_id"
    " ON workstations (sms_id);"
    "CREATE TABLE IF NOT EXISTS statuses ("
    " history INTEGER NOT NULL,"
    " seq INTEGER NOT NULL,"
    " version TEXT NOT NULL,"
    " shown TEXT NOT NULL,"
    " lost INTEGER NOT NULL,"
    " PRIMARY KEY (history, seq, version),"
    " FOREIGN KEY (history, seq) REFERENCES workstations"
    "  ON DELETE CASCADE);"
    "CREATE INDEX IF NOT EXISTS statuses_version_lost"
    " ON statuses (version, lost);"
    "CREATE TABLE IF NOT EXISTS skipped ("
    " file TEXT PRIMARY KEY,"
    " line INTEGER,"
    " col INTEGER,"
    " reason TEXT NOT NULL);"
    "CREATE VIEW IF NOT EXISTS jobs AS"
    " SELECT job, count(*) AS histories,"
    " sum(workstations) AS workstations"
    " FROM histories GROUP BY job;";

/* An error of the database into *err, its source the database. */
static void
db_fail(mif_audit_db *d, const char *what, mif_error *err)
{
	mif_error_set(err, MIF_E_IO, d->name, "%s: %s", what,
	    d->db != NULL ? sqlite3_errmsg(d->db) : "out of memory");
}

mif_audit_db *
mif_audit_db_open(const char *path, mif_error *err)
{
	mif_audit_db *d = calloc(1, sizeof *d);

	if (d == NULL || (d->name = strdup(path)) == NULL) {
		free(d);
		mif_error_set(err, MIF_E_NOMEM, "", "out of memory");
		return NULL;
	}
	int rc = sqlite3_open_v2(path, &d->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK)
		sqlite3_busy_timeout(d->db, 10000);
	if (rc != SQLITE_OK || sqlite3_exec(d->db, schema, NULL, NULL,
	    NULL) != SQLITE_OK) {
		db_fail(d, "cannot open the database", err);
		mif_audit_db_close(d);
		return NULL;
	}
	return d;
}

void
mif_audit_db_close(mif_audit_db *d)
{
	if (d == NULL)
		return;
	sqlite3_close(d->db);
	free(d->name);
	free(d);
}

/* One statement of SQL onto out, its strings quoted by SQLite's %Q. */
static void
put_sql(FILE *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	char *s = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (s == NULL) {
		/* a statement short is an error when it is applied */
		fputs("SELECT RAISE(ABORT, 'out of memory');\n", out);
		return;
	}
	fputs(s, out);
	fputs(";\n", out);
	sqlite3_free(s);
}

void
mif_audit_db_write_job(const mif_audit_report *r, const mif_audit_job *job,
    FILE *out)
{
	/* the history's old rows go with it (ON DELETE CASCADE) */
	put_sql(out, "DELETE FROM histories WHERE job = %Q AND file = %Q",
	    job->id, job->file);
	put_sql(out, "DELETE FROM skipped WHERE file = %Q", job->file);
	put_sql(out, "INSERT INTO histories (job, file, workstations, "
	    "inventory) VALUES (%Q, %Q, %llu, %d)", job->id, job->file,
	    (unsigned long long)job->nrows, r->inventory ? 1 : 0);
	char *history = sqlite3_mprintf("(SELECT id FROM histories WHERE "
	    "job = %Q AND file = %Q)", job->id, job->file);
	if (history == NULL) {
		put_sql(out, "SELECT RAISE(ABORT, 'out of memory')");
		return;
	}
	for (size_t i = 0; i < job->nrows; i++) {
		const mif_sms_audit_row *row = &job->rows[i];
		const mif_audit_inv *inv = job->inv != NULL ? &job->inv[i]
		    : NULL;
		put_sql(out, "INSERT INTO workstations VALUES "
		    "(%s, %llu, %Q, %Q, %Q, %s, %u, %u)", history,
		    (unsigned long long)i, row->sms_id,
		    mif_audit_truth_name(row->truth),
		    inv == NULL || !inv->known ? NULL
		    : mif_audit_truth_name(inv->status),
		    inv == NULL ? "NULL" : mif_audit_disagrees(inv, row->truth)
		    ? "1" : "0", row->before_offer, row->expired_again);
		for (size_t v = 0; v < r->nversions; v++)
			put_sql(out, "INSERT INTO statuses VALUES "
			    "(%s, %llu, %Q, %Q, %d)", history,
			    (unsigned long long)i, r->versions[v],
			    mif_sms_status_name(row->shown[v]),
			    row->lost[v] ? 1 : 0);
	}
	sqlite3_free(history);
}

void
mif_audit_db_write_skip(const mif_audit_skip *s, FILE *out)
{
	/* what is known of the file now is that it cannot be audited */
	put_sql(out, "DELETE FROM histories WHERE file = %Q", s->file);
	if (s->line > 0)
		put_sql(out, "INSERT OR REPLACE INTO skipped VALUES "
		    "(%Q, %u, %u, %Q)", s->file, s->line, s->column, s->text);
	else
		put_sql(out, "INSERT OR REPLACE INTO skipped VALUES "
		    "(%Q, NULL, NULL, %Q)", s->file, s->text);
}

bool
mif_audit_db_put(mif_audit_db *d, const char *sql, size_t len,
    mif_error *err)
{
	char *text = malloc(len + 1);

	if (text == NULL) {
		mif_error_set(err, MIF_E_NOMEM, "", "out of memory");
		return false;
	}
	memcpy(text, sql, len);
	text[len] = '\0';
	/* one history, one transaction: whole or absent */
	bool ok = sqlite3_exec(d->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)
	    == SQLITE_OK;
	if (!ok) {
		db_fail(d, "cannot begin a transaction", err);
	} else if (sqlite3_exec(d->db, text, NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(d, "cannot write", err);
		ok = false;
	} else if (sqlite3_exec(d->db, "COMMIT", NULL, NULL, NULL)
	    != SQLITE_OK) {
		db_fail(d, "cannot commit", err);
		ok = false;
	}
	if (!ok)
		sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
	free(text);
	return ok;
}
