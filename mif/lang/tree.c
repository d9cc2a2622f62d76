/* Reading blocks: the first statement of a keyword and its value. */
#include "lang/internal.h"

const mif_stmt *
mif_block_stmt(const mif_block *block, mif_keyword kw)
{
	for (uint16_t i = 0; i < block->nstmts; i++)
		if (block->stmts[i].kw == kw)
			return &block->stmts[i];
	return NULL;
}

const mif_string *
mif_block_string(const mif_block *block, mif_keyword kw)
{
	const mif_stmt *s = mif_block_stmt(block, kw);

	return s != NULL && s->form == MIF_F_STRING ? s->v.str : NULL;
}

bool
mif_stmt_id(const mif_stmt *s, uint64_t *id)
{
	if (s == NULL || s->form != MIF_F_INTEGER || (s->flags & MIF_NEGATIVE))
		return false;
	*id = s->v.u;
	return true;
}

bool
mif_block_id(const mif_block *block, uint64_t *id)
{
	return mif_stmt_id(mif_block_stmt(block, MIF_KW_ID), id);
}
