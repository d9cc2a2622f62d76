/*
 * Which form an input is in, from its first bytes (mif_detect_form()):
 * what mif-conv(1) reads when -f is not given.
 */
#include "forms/internal.h"

mif_input_form
mif_detect_form(const void *data, size_t len)
{
	const unsigned char *u = data;
	size_t i = 0, step = 1;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		i = 3;
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		i = 2; /* UTF-16LE: the character, then 0 */
		step = 2;
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		i = 3; /* UTF-16BE: 0, then the character */
		step = 2;
	} else if (len >= 2 && u[0] != 0 && u[1] == 0) {
		step = 2; /* UTF-16LE without a mark */
	} else if (len >= 2 && u[0] == 0 && u[1] != 0) {
		i = 1; /* UTF-16BE without a mark */
		step = 2;
	}
	for (; i < len; i += step) {
		if (u[i] == ' ' || u[i] == '\t' || u[i] == '\r' || u[i] == '\n')
			continue;
		if (u[i] == '<')
			return MIF_INPUT_XML;
		if (u[i] == '{' || u[i] == '[')
			return MIF_INPUT_JSON;
		break;
	}
	return MIF_INPUT_MIF;
}
