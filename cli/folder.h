/*
 * Reading a folder for the tools: the *.mif names in it, in name order,
 * as mif-audit's histories and inventory and every tool's -R take them
 * (miftools(7), INPUT).
 */
#ifndef FOLDER_H
#define FOLDER_H

#include <dirent.h>
#include <stdbool.h>

/* Whether name is NAME.mif (".mif" in any case, NAME not empty) and not
 * hidden (no leading dot). */
bool folder_mif_name(const char *name);

/*
 * The names of a folder that `keep` keeps (NULL: all), sorted by their
 * bytes, as scandir() gives them: the count, or -1 after
 * "PROG: DIR: fatal: REASON".  Free with folder_free_names().
 */
int folder_list(const char *prog, const char *dir, struct dirent ***names,
    int (*keep)(const struct dirent *));
void folder_free_names(struct dirent **names, int n);

#endif /* FOLDER_H */
