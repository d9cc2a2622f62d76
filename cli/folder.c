/* Reading a folder for the tools: see folder.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folder.h"
#include "report.h"

bool
folder_mif_name(const char *name)
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
folder_list(const char *prog, const char *dir, struct dirent ***names,
    int (*keep)(const struct dirent *))
{
	int n = scandir(dir, names, keep, by_name);

	if (n < 0)
		report_fatal(stderr, prog, dir, MIF_RULE_IO, "%s", strerror(errno));
	return n;
}

void
folder_free_names(struct dirent **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
