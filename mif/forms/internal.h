/*
 * What every file of the forms layer (the XML and JSON writers and readers
 * and the tree builder they share) starts from: the layers below with
 * their internals, and this layer's public API.  Internal to libmif.
 */
#ifndef MIF_FORMS_INTERNAL_H
#define MIF_FORMS_INTERNAL_H

#include "lang/internal.h"
#include "mif/forms.h"

#endif /* MIF_FORMS_INTERNAL_H */
