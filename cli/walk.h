/*
 * The files a tool that takes many reads: its arguments, a folder's
 * *.mif files (its subfolders' too with -R), and the names a file lists
 * (--files-from, -0), in one list, as miftools(7), INPUT, states.
 */
#ifndef WALK_H
#define WALK_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Paths, NUL-terminated one after another in one buffer. */
typedef struct walk_files {
	char *pool;
	size_t len, cap;
	size_t *at;            /* offsets of the paths */
	size_t n, n_cap;
} walk_files;

typedef struct walk_options {
	bool recursive;        /* -R: folders and their subfolders */
	bool folders;          /* a folder is its *.mif files even without
	                          -R (mif-audit's HISTORY) */
	bool stdin_default;    /* no file named: "-" */
	const char *files_from; /* --files-from: a list of names ("-":
	                          standard input) */
	bool nul;              /* -0: the list's names end in NUL */
} walk_options;

/* The options every such tool takes, for its getopt_long() table and
 * its option string ("R0"). */
enum { WALK_OPT_FILES_FROM = 0x5700 };
#define WALK_LONGOPTS \
	{ "recursive", no_argument, NULL, 'R' }, \
	{ "files-from", required_argument, NULL, WALK_OPT_FILES_FROM }, \
	{ "null", no_argument, NULL, '0' }
#define WALK_SHORTOPTS "R0"
/* The lines of --help for those options, their text from column col
 * (counted from 0), as the tool's other options have theirs. */
void walk_help(FILE *out, int col);

/* Take option c (and optarg) when it is one of WALK_LONGOPTS; false
 * when it is none of them. */
bool walk_option(int c, const char *optarg, walk_options *o);

/*
 * The files of args (nargs of them) and of o->files_from, in the order
 * given; folders (with -R, or o->folders) by their *.mif files in name
 * order, the name joined to the folder's without a doubled '/'.  False
 * when something could not be listed, said on standard error as
 * "PROG: NAME: fatal: TEXT": a folder or list that cannot be read, a
 * folder with no *.mif file; the rest is still listed.  Exits with
 * CLI_TROUBLE when memory runs out.
 */
bool walk_collect(const char *prog, const walk_options *o,
    char *const *args, size_t nargs, walk_files *out);

const char *walk_file(const walk_files *files, size_t i);
void walk_free(walk_files *files);

#endif /* WALK_H */
