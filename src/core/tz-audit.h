/* tz-audit.h — reading the audit log that the schema's triggers write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *at; /* UTC, ISO 8601 with milliseconds */
  char *actor;
  char *table;
  gint64 row_id;
  char *action;     /* insert, update, delete, export */
  char *old_values; /* JSON object or NULL */
  char *new_values; /* JSON object or NULL */
} TzAuditEntry;

void tz_audit_entry_free (TzAuditEntry *entry);

/* The newest entries first; @table NULL for all tables, @row_id 0 for all rows,
 * @since NULL for all times (else "YYYY-MM-DD" or a full timestamp). */
GPtrArray *tz_audit_list (TzDb *db, const char *table, gint64 row_id, const char *since,
                          guint limit, GError **error);

typedef struct
{
  const char *table; /* NULL: all tables */
  gint64 row_id;     /* 0: all rows */
  gint64 person_id;  /* 0: everyone; else the person's own rows and their entries */
  const char *since; /* NULL, "YYYY-MM-DD" or a full timestamp: on or after */
  const char *until; /* NULL or "YYYY-MM-DD": on or before that day */
  guint limit;       /* 0: all */
  guint offset;
} TzAuditFilter;

/* The entries matching @filter, newest first. */
GPtrArray *tz_audit_query (TzDb *db, const TzAuditFilter *filter, GError **error);

/* What changed, for a reader: "name: 张三 → 张四; phone: 138****0000 → …"
 * (an insert lists the new values, a delete the old ones; stamps and uuids
 * left out). ID numbers and phones are masked unless @unmasked. */
char *tz_audit_describe (const TzAuditEntry *entry, gboolean unmasked);

/* Records an action that changes no row, such as an export with full personal data. */
gboolean tz_audit_record (TzDb *db, const char *table, gint64 row_id, const char *action,
                          const char *details_json, GError **error);

G_END_DECLS
