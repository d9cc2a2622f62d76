/*
 * What every file of the meaning layer (validation and its profiles,
 * dates, typed values, rows, lookups, diff) starts from: the layers below
 * with their internals, and this layer's public API.  Internal to libmif.
 */
#ifndef MIF_MEANING_INTERNAL_H
#define MIF_MEANING_INTERNAL_H

#include "lang/internal.h"
#include "mif/meaning.h"

#endif /* MIF_MEANING_INTERNAL_H */
