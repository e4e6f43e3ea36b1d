/* tz-audit.c — reading the audit log that the schema's triggers write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows get into the log through triggers (migration 2), so no write path can
 * forget it; this file only reads it and records actions that change no row.
 */
#define G_LOG_DOMAIN "tz-audit"

#include "config.h"

#include <json-glib/json-glib.h>

#include "tz-audit.h"
#include "tz-mask.h"

void
tz_audit_entry_free (TzAuditEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->actor);
  g_free (e->table);
  g_free (e->action);
  g_free (e->old_values);
  g_free (e->new_values);
  g_free (e);
}

GPtrArray *
tz_audit_list (TzDb *db, const char *table, gint64 row_id, const char *since, guint limit,
               GError **error)
{
  TzAuditFilter filter = { .table = table, .row_id = row_id, .since = since, .limit = limit };

  return tz_audit_query (db, &filter, error);
}

GPtrArray *
tz_audit_query (TzDb *db, const TzAuditFilter *filter, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_audit_entry_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* A person's rows: their own, and those of entries and attachments that
   * name them (before or after the change). */
  stmt = tz_db_prepare (
      db,
      "SELECT id, at, actor, tbl, ifnull(row_id, 0), action, old_values, "
      "  new_values FROM audit_log "
      "WHERE (?1 IS NULL OR tbl = ?1) AND (?2 = 0 OR row_id = ?2) "
      "  AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < date(?4, '+1 day')) "
      "  AND (?5 = 0 OR (tbl = 'person' AND row_id = ?5)"
      "    OR (tbl IN ('entry', 'attachment', 'team_member', 'account', 'award')"
      "      AND (old_values ->> '$.person_id' = ?5 OR new_values ->> '$.person_id' = ?5))) "
      "ORDER BY id DESC LIMIT ?6 OFFSET ?7",
      error);
  if (stmt == NULL)
    return NULL;
  tz_db_bind_text (stmt, 1, filter->table);
  sqlite3_bind_int64 (stmt, 2, filter->row_id);
  tz_db_bind_text (stmt, 3, filter->since);
  tz_db_bind_text (stmt, 4, filter->until);
  sqlite3_bind_int64 (stmt, 5, filter->person_id);
  sqlite3_bind_int64 (stmt, 6, filter->limit > 0 ? (gint64) filter->limit : -1);
  sqlite3_bind_int64 (stmt, 7, filter->offset);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzAuditEntry *e = g_new0 (TzAuditEntry, 1);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = tz_db_column_dup (stmt, 1);
      e->actor = tz_db_column_dup (stmt, 2);
      e->table = tz_db_column_dup (stmt, 3);
      e->row_id = sqlite3_column_int64 (stmt, 4);
      e->action = tz_db_column_dup (stmt, 5);
      e->old_values = tz_db_column_dup (stmt, 6);
      e->new_values = tz_db_column_dup (stmt, 7);
      g_ptr_array_add (list, e);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
tz_audit_record (TzDb *db, const char *table, gint64 row_id, const char *action,
                 const char *details_json, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tz_db_prepare (db,
                        "INSERT INTO audit_log (actor, tbl, row_id, action, new_values) "
                        "VALUES (tz_actor(), ?, ?, ?, json(?))",
                        error);
  if (stmt == NULL)
    return FALSE;
  tz_db_bind_text (stmt, 1, table);
  tz_db_bind_int_or_null (stmt, 2, row_id, row_id > 0);
  tz_db_bind_text (stmt, 3, action);
  tz_db_bind_text (stmt, 4, details_json);
  return tz_db_step_done (db, stmt, error);
}

static gboolean
is_hidden_field (const char *name)
{
  return g_str_equal (name, "created_at") || g_str_equal (name, "updated_at") ||
         g_str_equal (name, "uuid") || g_str_equal (name, "id");
}

static char *
value_text (JsonNode *node, const char *field, gboolean unmasked)
{
  const char *s;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("∅");
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autoptr (JsonGenerator) gen = json_generator_new ();

      json_generator_set_root (gen, node);
      return json_generator_to_data (gen, NULL);
    }
  s = json_node_get_string (node);
  if (!unmasked && g_str_equal (field, "id_number"))
    return tz_mask_id_number (s);
  if (!unmasked && g_str_equal (field, "phone"))
    return tz_mask_phone (s);
  return g_strdup (s);
}

static JsonObject *
parse_object (const char *text, JsonParser *parser)
{
  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_get_object (json_parser_get_root (parser));
}

char *
tz_audit_describe (const TzAuditEntry *entry, gboolean unmasked)
{
  g_autoptr (JsonParser) old_parser = json_parser_new ();
  g_autoptr (JsonParser) new_parser = json_parser_new ();
  JsonObject *old_obj = parse_object (entry->old_values, old_parser);
  JsonObject *new_obj = parse_object (entry->new_values, new_parser);
  JsonObject *names = new_obj != NULL ? new_obj : old_obj;
  g_autoptr (GList) members = NULL;
  GString *out = g_string_new (NULL);

  if (names == NULL)
    return g_string_free (out, FALSE);
  members = json_object_get_members (names);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *field = l->data;
      JsonNode *before = old_obj != NULL ? json_object_get_member (old_obj, field) : NULL;
      JsonNode *after = new_obj != NULL ? json_object_get_member (new_obj, field) : NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (is_hidden_field (field))
        continue;
      if (old_obj != NULL && new_obj != NULL)
        {
          if (before != NULL && after != NULL && json_node_equal (before, after))
            continue;
          a = value_text (before, field, unmasked);
          b = value_text (after, field, unmasked);
          g_string_append_printf (out, "%s%s: %s → %s", out->len > 0 ? "; " : "", field, a, b);
        }
      else
        {
          JsonNode *value = after != NULL ? after : before;

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            continue;
          a = value_text (value, field, unmasked);
          g_string_append_printf (out, "%s%s: %s", out->len > 0 ? "; " : "", field, a);
        }
    }
  return g_string_free (out, FALSE);
}
