/*
 * What every file of the sched layer (the SMS 2.0 client's scheduler)
 * starts from: the layers below with their internals, and this layer's
 * public API.  Internal to libmif.
 */
#ifndef MIF_SCHED_INTERNAL_H
#define MIF_SCHED_INTERNAL_H

#include "sms/internal.h"
#include "mif/sched.h"

#endif /* MIF_SCHED_INTERNAL_H */
