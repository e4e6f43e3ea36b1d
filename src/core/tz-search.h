/* tz-search.h — substring search over the FTS5 trigram indexes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* A query that selects the ids (rowids) of the rows of an FTS table
 * (person_fts, entry_fts) matching @query, with its value as parameter ?1, to
 * be used as "id IN (…)"; NULL when @query is empty or blank (no filter). */
char *tz_search_ids_sql (const char *fts_table, const char *query);

/* Binds @query as parameter @index, in the form the condition above expects. */
void tz_search_bind (sqlite3_stmt *stmt, int index, const char *query);

G_END_DECLS
