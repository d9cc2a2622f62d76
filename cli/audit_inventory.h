/*
 * mif-audit's inventory folder: the package status NOIDMIFs
 * (mif-jobs(5)) collected from the clients, read once into the
 * library's map (mif_audit_inventory_add()).  The documents are freed as
 * soon as they are read.
 */
#ifndef AUDIT_INVENTORY_H
#define AUDIT_INVENTORY_H

#include "mif.h"

/*
 * Load DIR: DIR/SMSID.mif, and every DIR/SMSID/NAME.mif (several
 * NOIDMIFs of one client), ".mif" in any case; other names, and names
 * that start with a dot, are left alone.  NULL after reporting on
 * standard error what is wrong: a folder that cannot be read, a NOIDMIF
 * that cannot be read or has errors, no memory, and a folder with no
 * NOIDMIF in it; *status is then the exit status that deserves
 * (miftools(7): CLI_TROUBLE, or CLI_INPUT for NOIDMIFs with errors).
 * input says how to read the NOIDMIFs (cli_load()).  Free it with
 * mif_audit_inventory_free().
 */
mif_audit_inventory *audit_inventory_load(const char *prog, const char *dir,
    const mif_parse_options *input, int *status);

#endif /* AUDIT_INVENTORY_H */
