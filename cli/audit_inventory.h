/*
 * mif-audit's inventory: the package status NOIDMIFs (mif-jobs(5))
 * collected from the clients, loaded once into a compact map
 * SMS ID -> package ID -> status and time.  The documents are freed as
 * soon as they are read.
 */
#ifndef AUDIT_INVENTORY_H
#define AUDIT_INVENTORY_H

#include "audit_format.h"

typedef struct audit_inventory audit_inventory;

/*
 * Load DIR: DIR/SMSID.mif, and every DIR/SMSID/NAME.mif (several
 * NOIDMIFs of one client), ".mif" in any case; other names, and names
 * that start with a dot, are left alone.  SMS IDs match ignoring ASCII
 * case, as Windows file names do.  When several NOIDMIFs of a client
 * record a package, the latest time counts.  NULL after reporting on
 * standard error what is wrong: a folder that cannot be read, a NOIDMIF
 * that cannot be read or has errors, no memory.  input says how to read
 * the NOIDMIFs (cli_load()).
 */
audit_inventory *audit_inventory_load(const char *prog, const char *dir,
    const mif_parse_options *input);
void audit_inventory_free(audit_inventory *inv);

/* What the inventory knows of a workstation and a package: nothing
 * (no NOIDMIF of it), never ran (its NOIDMIFs do not name the package),
 * Complete or Failed. */
audit_inv audit_inventory_lookup(const audit_inventory *inv,
    const char *sms_id, const char *package_id);

#endif /* AUDIT_INVENTORY_H */
