/* The files a tool reads, folders expanded: see inputs.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inputs.h"
#include "report.h"

/* Said once: nothing more is added after it. */
static bool
out_of_memory(inputs *in, const char *prog)
{
	if (!in->nomem)
		fprintf(stderr, "%s: out of memory\n", prog);
	in->nomem = true;
	return false;
}

/* Add dir/name, or name alone when dir is NULL. */
static bool
add(inputs *in, const char *prog, const char *dir, const char *name)
{
	size_t need = (dir != NULL ? strlen(dir) + 1 : 0) + strlen(name) + 1;

	if (in->nomem)
		return false;
	while (in->len + need > in->cap) {
		size_t cap = in->cap > 0 ? in->cap * 2 : 4096;
		char *pool = realloc(in->pool, cap);
		if (pool == NULL)
			return out_of_memory(in, prog);
		in->pool = pool;
		in->cap = cap;
	}
	if (in->n == in->n_cap) {
		size_t n_cap = in->n_cap > 0 ? in->n_cap * 2 : 256;
		size_t *at = realloc(in->at, n_cap * sizeof *at);
		if (at == NULL)
			return out_of_memory(in, prog);
		in->at = at;
		in->n_cap = n_cap;
	}
	in->at[in->n++] = in->len;
	if (dir != NULL)
		snprintf(in->pool + in->len, need, "%s/%s", dir, name);
	else
		memcpy(in->pool + in->len, name, need);
	in->len += need;
	return true;
}

bool
inputs_add_path(inputs *in, const char *prog, const char *path)
{
	return add(in, prog, NULL, path);
}

bool
inputs_mif_name(const char *name)
{
	size_t n = strlen(name);
	const char *e = name + n - 4;

	return name[0] != '.' && n > 4 && e[0] == '.' && (e[1] | 0x20) == 'm' &&
	    (e[2] | 0x20) == 'i' && (e[3] | 0x20) == 'f';
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int
inputs_list_folder(const char *prog, const char *dir,
    struct dirent ***names, int (*keep)(const struct dirent *))
{
	int n = scandir(dir, names, keep, by_name);

	if (n < 0)
		report_fatal(stderr, prog, dir, "%s", strerror(errno));
	return n;
}

void
inputs_free_names(struct dirent **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int
mif_entry(const struct dirent *d)
{
	return inputs_mif_name(d->d_name);
}

bool
inputs_add_folder(inputs *in, const char *prog, const char *dir)
{
	struct dirent **names;
	int n = inputs_list_folder(prog, dir, &names, mif_entry);
	bool ok = n >= 0;
	size_t had = in->n;

	for (int i = 0; ok && i < n; i++) {
		size_t before = in->n;
		ok = add(in, prog, dir, names[i]->d_name);
		struct stat st;
		if (ok && stat(inputs_path(in, before), &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			in->n = before; /* no recursion */
			in->len = in->at[before];
		}
	}
	if (n >= 0)
		inputs_free_names(names, n);
	/* a mistyped or empty folder is trouble, not a run over nothing */
	if (ok && in->n == had) {
		report_fatal(stderr, prog, dir, "no *.mif file in this folder");
		ok = false;
	}
	return ok;
}

bool
inputs_add_args(inputs *in, const char *prog, char *const *args,
    size_t nargs)
{
	bool ok = true;

	for (size_t i = 0; i < nargs; i++) {
		struct stat st;
		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 &&
		    S_ISDIR(st.st_mode))
			ok = inputs_add_folder(in, prog, args[i]) && ok;
		else
			ok = inputs_add_path(in, prog, args[i]) && ok;
	}
	return ok;
}

size_t
inputs_count(const inputs *in)
{
	return in->n;
}

const char *
inputs_path(const inputs *in, size_t i)
{
	return in->pool + in->at[i];
}

void
inputs_free(inputs *in)
{
	free(in->pool);
	free(in->at);
	*in = (inputs){ 0 };
}
