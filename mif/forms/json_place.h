/*
 * Where a value stands in JSON text (json_place.c), for the JSON
 * reader's messages.  Internal to libmif.
 */
#ifndef MIF_JSON_PLACE_H
#define MIF_JSON_PLACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The offset in text (len bytes of JSON that jansson has parsed) of the
 * value that path names, as the JSON reader writes paths: "." for the
 * top value, then ".key" or ["key"] for a member (the key as written
 * between its quotes) and [n] for an element.  SIZE_MAX when the path
 * leads nowhere.
 */
size_t mif_json_place(const char *text, size_t len, const char *path);

#endif /* MIF_JSON_PLACE_H */
