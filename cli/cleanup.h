/*
 * Files a tool is in the middle of writing, removed when SIGINT, SIGTERM
 * or SIGHUP ends it there, so that an interrupted write leaves no
 * temporary file (or folder) behind.  The handler removes each path
 * still listed, newest first, then lets the signal end the process as it
 * would have.  A signal the process ignores (nohup) stays ignored.
 */
#ifndef CLEANUP_H
#define CLEANUP_H

#include <signal.h>
#include <stdbool.h>

/* List path (copied) for removal: a file, or an empty folder when
 * is_folder.  Returns a slot for cleanup_forget(), or -1 when memory ran
 * out (with errno set): then nothing was listed. */
int cleanup_add(const char *path, bool is_folder);

/* Take slot off the list, once the path is renamed or removed. */
void cleanup_forget(int slot);

/* Hold off SIGINT, SIGTERM and SIGHUP (a step that must finish once
 * begun), saving the mask in *old; cleanup_release() delivers what came
 * meanwhile. */
void cleanup_hold(sigset_t *old);
void cleanup_release(const sigset_t *old);

/*
 * Test-only hook: when MIFTOOLS_TEST_PAUSE_BEFORE_RENAME names a FIFO,
 * write "paused\n" to it, then wait until whoever reads it writes to it
 * and closes it (or a signal ends the process).  Lets a test signal a
 * tool inside its write window without sleeping.  Does nothing when the
 * variable is unset.
 */
void cleanup_test_pause(void);

#endif /* CLEANUP_H */
