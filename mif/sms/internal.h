/*
 * What every file of the sms layer (the SMS 1.x rules, times, job formats,
 * replay and audit) starts from: the layers below with their internals,
 * and this layer's public API.  Internal to libmif.
 */
#ifndef MIF_SMS_INTERNAL_H
#define MIF_SMS_INTERNAL_H

#include "meaning/internal.h"
#include "mif/sms.h"

#endif /* MIF_SMS_INTERNAL_H */
