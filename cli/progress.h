/*
 * A progress line for a long run ("mif-audit: 120/10000 histories"),
 * kept up to date on a terminal: shown after a second, redrawn at most
 * twice a second, cleared at the end.  Times are given by the caller
 * (progress_now()), so that the rules can be tested without waiting.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct progress {
	const char *prog;
	const char *items;     /* what is counted: "histories" */
	FILE *line;            /* where the line goes: standard error */
	FILE *report;          /* what else is written: standard output */
	bool enabled;          /* line is a terminal */
	bool same_screen;      /* report is a terminal too: clear the line
	                          before the report goes on */
	double start, last;
	int shown;             /* width of the line on screen; 0: none */
} progress;

/* Seconds on a monotonic clock. */
double progress_now(void);

/* Start at time now; enabled and same_screen as the caller found the
 * streams (isatty()). */
void progress_start(progress *p, const char *prog, const char *items,
    FILE *line, FILE *report, bool enabled, bool same_screen, double now);
/* Before writing to the report: clear the line when it shares the
 * screen.  (Before a message on the line's stream: progress_clear().) */
void progress_before_report(progress *p);
/* done of total items at time now. */
void progress_update(progress *p, size_t done, size_t total, double now);
/* Clear the line, if shown. */
void progress_clear(progress *p);

#endif /* PROGRESS_H */
