/* The files a tool reads: see walk.h. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "folder.h"
#include "report.h"
#include "walk.h"

bool
walk_option(int c, const char *optarg, walk_options *o)
{
	switch (c) {
	case 'R':
		o->recursive = true;
		return true;
	case '0':
		o->nul = true;
		return true;
	case WALK_OPT_FILES_FROM:
		o->files_from = optarg;
		return true;
	default:
		return false;
	}
}

/* One option and its text, wrapped to the column of the text. */
static void
help_line(FILE *out, int col, const char *option, const char *const *text)
{
	int used = fprintf(out, "%s", option);

	if (used + 2 > col) {
		fputc('\n', out);
		used = 0;
	}
	for (size_t i = 0; text[i] != NULL; i++) {
		fprintf(out, "%*s%s\n", col - used, "", text[i]);
		used = 0;
	}
}

void
walk_help(FILE *out, int col)
{
	help_line(out, col, "  -R, --recursive", (const char *const[]){
	    "a FILE that is a folder stands for the *.mif",
	    "files in it and its subfolders, in name order", NULL });
	help_line(out, col, "      --files-from LIST", (const char *const[]){
	    "also the FILEs LIST names, one a line",
	    "(-: standard input)", NULL });
	help_line(out, col, "  -0, --null", (const char *const[]){
	    "names in LIST end in NUL, as find -print0",
	    "writes them", NULL });
}

static _Noreturn void
out_of_memory(const char *prog)
{
	report_out_of_memory(prog);
	exit(CLI_TROUBLE);
}

/* dir "/" name, with the slashes that end dir dropped (not the one of
 * "/" itself); or name alone when dir is NULL. */
static void
add(const char *prog, walk_files *f, const char *dir, const char *name)
{
	size_t dlen = dir != NULL ? strlen(dir) : 0;
	while (dlen > 1 && dir[dlen - 1] == '/')
		dlen--;
	bool slash = dir != NULL && !(dlen == 1 && dir[0] == '/');
	size_t need = dlen + slash + strlen(name) + 1;

	while (f->len + need > f->cap) {
		f->cap = f->cap > 0 ? f->cap * 2 : 4096;
		if ((f->pool = realloc(f->pool, f->cap)) == NULL)
			out_of_memory(prog);
	}
	if (f->n == f->n_cap) {
		f->n_cap = f->n_cap > 0 ? f->n_cap * 2 : 256;
		if ((f->at = realloc(f->at, f->n_cap * sizeof *f->at)) == NULL)
			out_of_memory(prog);
	}
	char *p = f->pool + f->len;
	f->at[f->n++] = f->len;
	memcpy(p, dir != NULL ? dir : "", dlen);
	if (slash)
		p[dlen] = '/';
	strcpy(p + dlen + slash, name);
	f->len += need;
}

static int
not_hidden(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* A folder's *.mif files in name order, and with recursive its
 * subfolders' where they fall in that order (a link to a folder is not
 * followed, so that no loop can be). */
static bool
add_folder(const char *prog, walk_files *f, const char *dir, bool recursive)
{
	struct dirent **names;
	int n = folder_list(prog, dir, &names, not_hidden);

	if (n < 0)
		return false;
	bool ok = true;
	for (int i = 0; i < n; i++) {
		size_t before = f->n;
		struct stat st;
		add(prog, f, dir, names[i]->d_name);
		const char *path = f->pool + f->at[before];
		bool is_dir = lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
		bool keep = !is_dir && folder_mif_name(names[i]->d_name) &&
		    !(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
		if (!keep) {
			f->n = before;
			f->len = f->at[before];
		}
		if (is_dir && recursive) {
			/* path moves when the pool grows: copy it */
			char *sub = strdup(path);
			if (sub == NULL)
				out_of_memory(prog);
			ok = add_folder(prog, f, sub, true) && ok;
			free(sub);
		}
	}
	folder_free_names(names, n);
	return ok;
}

/* A name given: a folder stands for its files. */
static bool
add_arg(const char *prog, const walk_options *o, walk_files *f,
    const char *arg)
{
	struct stat st;

	/* Read twice, standard input would give its names to the list and
	 * nothing to the file, which would then look empty. */
	if (strcmp(arg, "-") == 0 && o->files_from != NULL &&
	    strcmp(o->files_from, "-") == 0) {
		report_fatal(stderr, prog, NULL, MIF_RULE_IO, "standard input "
		    "holds the list of names (--files-from -); it cannot be a FILE too");
		return false;
	}
	if ((o->recursive || o->folders) && strcmp(arg, "-") != 0 &&
	    stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
		size_t before = f->n;
		if (!add_folder(prog, f, arg, o->recursive))
			return false;
		if (f->n == before) {
			report_fatal(stderr, prog, arg, MIF_RULE_IO, "no .mif file in %s",
			    o->recursive ? "this folder or below" : "this folder");
			return false;
		}
		return true;
	}
	add(prog, f, NULL, arg); /* read errors come later */
	return true;
}

/* The names a list gives, one a line (a CR before the LF dropped, empty
 * lines skipped) or each ended by NUL. */
static bool
add_list(const char *prog, const walk_options *o, walk_files *f)
{
	const char *name = cli_display_name(o->files_from);
	bool is_stdin = strcmp(o->files_from, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(o->files_from, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool ok = true;

	if (in == NULL) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", strerror(errno));
		return false;
	}
	while ((n = getdelim(&line, &cap, o->nul ? '\0' : '\n', in)) > 0) {
		if (line[n - 1] == (o->nul ? '\0' : '\n'))
			line[--n] = '\0';
		if (!o->nul && n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n > 0)
			ok = add_arg(prog, o, f, line) && ok;
	}
	if (ferror(in)) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", strerror(errno));
		ok = false;
	}
	free(line);
	if (!is_stdin)
		fclose(in);
	return ok;
}

bool
walk_collect(const char *prog, const walk_options *o, char *const *args,
    size_t nargs, walk_files *out)
{
	bool ok = true;

	*out = (walk_files){ 0 };
	for (size_t i = 0; i < nargs; i++)
		ok = add_arg(prog, o, out, args[i]) && ok;
	if (o->files_from != NULL)
		ok = add_list(prog, o, out) && ok;
	else if (nargs == 0 && o->stdin_default)
		add(prog, out, NULL, "-");
	return ok;
}

const char *
walk_file(const walk_files *files, size_t i)
{
	return files->pool + files->at[i];
}

void
walk_free(walk_files *files)
{
	free(files->pool);
	free(files->at);
	*files = (walk_files){ 0 };
}
