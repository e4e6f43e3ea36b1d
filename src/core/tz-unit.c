/* tz-unit.c — the unit tree shared by every campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-unit"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tz-text.h"
#include "tz-unit.h"
#include "tz-validate.h"

/* Kinds and roles: the codes stored, and their labels as people read them. */
static const char *const unit_kinds[] = {
  "federation", "industry_union", "government", "office", "department", "institution",
  "school",     "enterprise",     "media",      "other",  NULL,
};

static const char *const unit_kind_labels[] = {
  N_ ("Trade union federation"),
  N_ ("Industry union"),
  N_ ("Government department"),
  N_ ("Office"),
  N_ ("Department"),
  N_ ("Institution"),
  N_ ("School"),
  N_ ("Enterprise"),
  N_ ("Media"),
  N_ ("Other"),
};

static const char *const unit_roles[] = {
  "issuer", "organizer", "forwarder", "participant", "context", NULL,
};

static const char *const unit_role_labels[] = {
  N_ ("Issuer"), N_ ("Organizer"), N_ ("Forwarder"), N_ ("Participant"), N_ ("Context"),
};

const char *const *
tz_unit_kinds (void)
{
  return unit_kinds;
}

const char *
tz_unit_kind_label (const char *kind)
{
  if (kind == NULL || *kind == '\0')
    kind = "other";
  for (guint i = 0; unit_kinds[i] != NULL; i++)
    if (g_str_equal (unit_kinds[i], kind))
      return _ (unit_kind_labels[i]);
  return kind;
}

const char *const *
tz_unit_roles (void)
{
  return unit_roles;
}

const char *
tz_unit_role_label (const char *role)
{
  if (role == NULL)
    return "";
  for (guint i = 0; unit_roles[i] != NULL; i++)
    if (g_str_equal (unit_roles[i], role))
      return _ (unit_role_labels[i]);
  return role;
}

void
tz_unit_free (TzUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->kind);
  g_free (unit->role);
  g_free (unit);
}

TzUnitDetails *
tz_unit_details_new (void)
{
  return g_new0 (TzUnitDetails, 1);
}

void
tz_unit_details_free (TzUnitDetails *details)
{
  if (details == NULL)
    return;
  g_free (details->name);
  g_free (details->short_name);
  g_free (details->kind);
  g_free (details->region);
  g_free (details->school_level);
  g_free (details->address);
  g_free (details->phone);
  g_free (details->note);
  g_free (details->parent_name);
  g_free (details);
}

gboolean
tz_unit_resolve (TzDb *db, gint64 campaign_id, const char *name, gint64 *unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 first = 0;
  gboolean first_in_campaign = FALSE;
  guint n = 0;
  int rc;

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("Unit: give the name of a unit."));
      return FALSE;
    }
  stmt = tz_db_prepare (db,
                        "SELECT u.id, EXISTS (SELECT 1 FROM campaign_unit cu "
                        "  WHERE cu.unit_id = u.id AND cu.campaign_id = ?2) AS in_campaign "
                        "FROM unit u WHERE u.name = ?1 OR u.short_name = ?1 "
                        "ORDER BY in_campaign DESC, u.name = ?1 DESC, u.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gboolean in_campaign = sqlite3_column_int (stmt, 1);
      if (n == 0)
        {
          first = sqlite3_column_int64 (stmt, 0);
          first_in_campaign = in_campaign;
        }
      else if (in_campaign == first_in_campaign)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                       _ ("Unit: more than one unit is named “%s”. Rename one of them."), name);
          return FALSE;
        }
      n++;
    }
  if (rc < 0)
    return FALSE;
  if (n == 0)
    {
      if (campaign_id > 0)
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                     _ ("Unit: there is no unit named “%s” in this campaign. List its units "
                        "with “unit list --campaign”."),
                     name);
      else
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("Unit: there is no unit named “%s”."),
                     name);
      return FALSE;
    }
  *unit_id = first;
  return TRUE;
}

gboolean
tz_unit_add (TzDb *db, gint64 parent_id, const char *name, const char *kind, gint64 campaign_id,
             const char *role, gint64 *unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) link = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id = 0;
  int rc;

  if (!tz_validate_required (_ ("Unit name"), name, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (name));
  if (!tz_validate_text_length (_ ("Unit name"), trimmed, 100, error))
    return FALSE;

  if (!tz_db_begin (db, error))
    return FALSE;

  find =
      tz_db_prepare (db, "SELECT id FROM unit WHERE ifnull(parent_id, 0) = ? AND name = ?", error);
  if (find == NULL)
    goto fail;
  sqlite3_bind_int64 (find, 1, parent_id);
  sqlite3_bind_text (find, 2, trimmed, -1, SQLITE_TRANSIENT);
  rc = tz_db_step (db, find, error);
  if (rc < 0)
    goto fail;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (find, 0);
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      insert = tz_db_prepare (db,
                              "INSERT INTO unit (uuid, parent_id, name, kind) "
                              "VALUES (?, ?, ?, ifnull(?, 'other'))",
                              error);
      if (insert == NULL)
        goto fail;
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_TRANSIENT);
      tz_db_bind_int_or_null (insert, 2, parent_id, parent_id > 0);
      sqlite3_bind_text (insert, 3, trimmed, -1, SQLITE_TRANSIENT);
      tz_db_bind_text (insert, 4, kind);
      if (!tz_db_step_done (db, insert, error))
        goto fail;
      id = tz_db_last_insert_id (db);
    }

  if (campaign_id > 0)
    {
      link = tz_db_prepare (db,
                            "INSERT INTO campaign_unit (campaign_id, unit_id, role, sort_order) "
                            "VALUES (?1, ?2, ifnull(?3, 'participant'), "
                            "  (SELECT ifnull(max(sort_order), 0) + 1 FROM campaign_unit "
                            "   WHERE campaign_id = ?1)) "
                            "ON CONFLICT (campaign_id, unit_id) DO NOTHING",
                            error);
      if (link == NULL)
        goto fail;
      sqlite3_bind_int64 (link, 1, campaign_id);
      sqlite3_bind_int64 (link, 2, id);
      tz_db_bind_text (link, 3, role);
      if (!tz_db_step_done (db, link, error))
        goto fail;
    }

  if (!tz_db_commit (db, error))
    return FALSE;
  if (unit_id != NULL)
    *unit_id = id;
  return TRUE;

fail:
  tz_db_rollback (db);
  return FALSE;
}

GPtrArray *
tz_unit_list (TzDb *db, gint64 campaign_id, GError **error)
{
  return tz_unit_list_tree (db, campaign_id, campaign_id == 0, error);
}

GPtrArray *
tz_unit_list_tree (TzDb *db, gint64 campaign_id, gboolean all_units, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_unit_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* Walk the tree from the roots of the selection, children in their order: the
   * campaign's order for a campaign's units, the tree's own for all units. */
  stmt = tz_db_prepare (
      db,
      "WITH RECURSIVE sel(id) AS ("
      "  SELECT id FROM unit WHERE ?2"
      "  UNION SELECT unit_id FROM campaign_unit WHERE campaign_id = ?1),"
      " tree(id, depth, path) AS ("
      "  SELECT u.id, 0, printf('%08d%08d', CASE WHEN ?2 THEN u.sort_order ELSE"
      "   ifnull((SELECT c.sort_order FROM campaign_unit c"
      "   WHERE c.unit_id = u.id AND c.campaign_id = ?1), u.sort_order) END, u.id) || u.name"
      "   FROM unit u"
      "   WHERE u.id IN sel AND (u.parent_id IS NULL OR u.parent_id NOT IN sel)"
      "  UNION ALL"
      "  SELECT u.id, t.depth + 1,"
      "         t.path || '/' || printf('%08d%08d', CASE WHEN ?2 THEN u.sort_order ELSE"
      "   ifnull((SELECT c.sort_order FROM campaign_unit c"
      "   WHERE c.unit_id = u.id AND c.campaign_id = ?1), u.sort_order) END, u.id) || u.name"
      "   FROM unit u JOIN tree t ON u.parent_id = t.id WHERE u.id IN sel)"
      "SELECT u.id, ifnull(u.parent_id, 0), u.name, u.kind, cu.role, t.depth,"
      "  (SELECT count(*) FROM seal s WHERE s.unit_id = u.id),"
      "  (SELECT count(*) FROM seal s WHERE s.unit_id = u.id AND s.is_specimen)"
      " FROM tree t JOIN unit u ON u.id = t.id"
      " LEFT JOIN campaign_unit cu ON cu.unit_id = u.id AND cu.campaign_id = ?1"
      " ORDER BY t.path",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int (stmt, 2, all_units ? 1 : 0);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzUnit *u = g_new0 (TzUnit, 1);
      u->id = sqlite3_column_int64 (stmt, 0);
      u->parent_id = sqlite3_column_int64 (stmt, 1);
      u->name = tz_db_column_dup (stmt, 2);
      u->kind = tz_db_column_dup (stmt, 3);
      u->role = tz_db_column_dup (stmt, 4);
      u->depth = sqlite3_column_int (stmt, 5);
      u->n_seals = sqlite3_column_int (stmt, 6);
      u->n_specimens = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, u);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

TzUnitDetails *
tz_unit_get (TzDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (TzUnitDetails) unit = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT u.id, ifnull(u.parent_id, 0), u.name, u.short_name, u.kind, "
                        "  u.region, u.school_level, u.address, u.phone, u.note, p.name "
                        "FROM unit u LEFT JOIN unit p ON p.id = u.parent_id WHERE u.id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The unit was not found; another window may have deleted it. Choose "
                      "another unit."));
      return NULL;
    }
  unit = tz_unit_details_new ();
  unit->id = sqlite3_column_int64 (stmt, 0);
  unit->parent_id = sqlite3_column_int64 (stmt, 1);
  unit->name = tz_db_column_dup (stmt, 2);
  unit->short_name = tz_db_column_dup (stmt, 3);
  unit->kind = tz_db_column_dup (stmt, 4);
  unit->region = tz_db_column_dup (stmt, 5);
  unit->school_level = tz_db_column_dup (stmt, 6);
  unit->address = tz_db_column_dup (stmt, 7);
  unit->phone = tz_db_column_dup (stmt, 8);
  unit->note = tz_db_column_dup (stmt, 9);
  unit->parent_name = tz_db_column_dup (stmt, 10);
  return g_steal_pointer (&unit);
}

/* The name of unit @id, or NULL with TZ_ERROR_NOT_FOUND. */
static char *
unit_name (TzDb *db, gint64 id, gint64 *parent_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, "SELECT name, ifnull(parent_id, 0) FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The unit was not found; another window may have deleted it. Choose "
                      "another unit."));
      return NULL;
    }
  if (parent_id != NULL)
    *parent_id = sqlite3_column_int64 (stmt, 1);
  return tz_db_column_dup (stmt, 0);
}

/* A copy of @text without surrounding white space; NULL when nothing is left. */
static char *
trimmed (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* A kind code as the schema stores it: lower-case letters and underscores. */
static gboolean
is_kind_code (const char *kind)
{
  gsize n = strlen (kind);

  if (n == 0 || n > 40)
    return FALSE;
  for (const char *p = kind; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_role_code (const char *role)
{
  return role == NULL || g_strv_contains (unit_roles, role);
}

/* Another unit of that name under @parent_id (0: at the top), besides @self_id. */
static gboolean
name_taken (TzDb *db, gint64 parent_id, const char *name, gint64 self_id, gboolean *taken,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT 1 FROM unit WHERE ifnull(parent_id, 0) = ? AND name = ? "
                        "AND id <> ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, self_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  *taken = rc == SQLITE_ROW;
  return TRUE;
}

static void
set_name_taken_error (GError **error, const char *parent_name, const char *name)
{
  if (parent_name != NULL)
    g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                 _ ("“%s” already has a unit named “%s”. Choose another name, or edit that "
                    "unit instead."),
                 parent_name, name);
  else
    g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                 _ ("There is already a top-level unit named “%s”. Choose another name, or "
                    "edit that unit instead."),
                 name);
}

typedef struct
{
  const char *field;
  const char *label;
  guint max_chars;
  gsize offset;
} TextField;

static const TextField text_fields[] = {
  { "short_name", N_ ("Short name"), TZ_UNIT_SHORT_NAME_MAX,
    G_STRUCT_OFFSET (TzUnitDetails, short_name) },
  { "region", N_ ("Region"), TZ_UNIT_REGION_MAX, G_STRUCT_OFFSET (TzUnitDetails, region) },
  { "school_level", N_ ("School level"), TZ_UNIT_LEVEL_MAX,
    G_STRUCT_OFFSET (TzUnitDetails, school_level) },
  { "address", N_ ("Address"), TZ_UNIT_ADDRESS_MAX, G_STRUCT_OFFSET (TzUnitDetails, address) },
  { "phone", N_ ("Phone"), TZ_UNIT_PHONE_MAX, G_STRUCT_OFFSET (TzUnitDetails, phone) },
  { "note", N_ ("Note"), TZ_UNIT_NOTE_MAX, G_STRUCT_OFFSET (TzUnitDetails, note) },
};

gboolean
tz_unit_check (TzDb *db, const TzUnitDetails *unit, const char **field, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *parent_name = NULL;
  gboolean taken = FALSE;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  if (field != NULL)
    *field = "name";
  if (!tz_validate_required (_ ("Unit name"), unit->name, error))
    return FALSE;
  name = trimmed (unit->name);
  if (!tz_validate_text_length (_ ("Unit name"), name, TZ_UNIT_NAME_MAX, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, unit, text_fields[i].offset);
      g_autofree char *text = trimmed (value);

      if (field != NULL)
        *field = text_fields[i].field;
      if (!tz_validate_text_length (_ (text_fields[i].label), text, text_fields[i].max_chars,
                                    error))
        return FALSE;
    }

  if (field != NULL)
    *field = "kind";
  if (unit->kind != NULL && *unit->kind != '\0' && !is_kind_code (unit->kind))
    {
      g_autofree char *echo = tz_text_echo (unit->kind);
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Kind: “%s” is not a kind of unit. Choose one from the list."), echo);
      return FALSE;
    }

  if (field != NULL)
    *field = "parent";
  if (unit->parent_id > 0)
    {
      parent_name = unit_name (db, unit->parent_id, NULL, error);
      if (parent_name == NULL)
        return FALSE;
      if (unit->parent_id == unit->id)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("“%s” cannot belong to itself. Choose another unit."), name);
          return FALSE;
        }
    }

  if (field != NULL)
    *field = "name";
  if (!name_taken (db, unit->parent_id, name, unit->id, &taken, error))
    return FALSE;
  if (taken)
    {
      set_name_taken_error (error, parent_name, name);
      return FALSE;
    }

  if (field != NULL)
    *field = NULL;
  return TRUE;
}

/* Binds the fields of @unit from @first on: name, then the text_fields in their
 * order, then the kind; each trimmed, empty ones as NULL. */
static void
bind_fields (sqlite3_stmt *stmt, int first, const TzUnitDetails *unit)
{
  g_autofree char *name = trimmed (unit->name);
  g_autofree char *kind = trimmed (unit->kind);

  sqlite3_bind_text (stmt, first, name, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, unit, text_fields[i].offset);
      g_autofree char *text = trimmed (value);

      tz_db_bind_text (stmt, first + 1 + (int) i, text);
    }
  sqlite3_bind_text (stmt, first + 1 + (int) G_N_ELEMENTS (text_fields),
                     kind != NULL ? kind : "other", -1, SQLITE_TRANSIENT);
}

static gboolean
link_unit (TzDb *db, gint64 campaign_id, gint64 unit_id, const char *role, GError **error)
{
  g_autoptr (sqlite3_stmt) link = NULL;

  link = tz_db_prepare (db,
                        "INSERT INTO campaign_unit (campaign_id, unit_id, role, sort_order) "
                        "VALUES (?1, ?2, ifnull(?3, 'participant'), "
                        "  (SELECT ifnull(max(sort_order), 0) + 1 FROM campaign_unit "
                        "   WHERE campaign_id = ?1)) "
                        "ON CONFLICT (campaign_id, unit_id) DO UPDATE SET role = "
                        "ifnull(?3, role)",
                        error);
  if (link == NULL)
    return FALSE;
  sqlite3_bind_int64 (link, 1, campaign_id);
  sqlite3_bind_int64 (link, 2, unit_id);
  tz_db_bind_text (link, 3, role);
  return tz_db_step_done (db, link, error);
}

static gboolean
check_role (const char *role, GError **error)
{
  if (is_role_code (role))
    return TRUE;
  g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
               _ ("Role: “%s” is not a role in a campaign. Choose issuer, organizer, forwarder, "
                  "participant or context."),
               role);
  return FALSE;
}

static gboolean
check_campaign (TzDb *db, gint64 campaign_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, "SELECT 1 FROM campaign WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The campaign was not found; another window may have deleted it."));
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_unit_create (TzDb *db, const TzUnitDetails *unit, gint64 campaign_id, const char *role,
                gint64 *unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  if (!check_role (role, error))
    return FALSE;
  if (!tz_db_begin (db, error))
    return FALSE;
  {
    TzUnitDetails fresh = *unit;

    fresh.id = 0;
    if (!tz_unit_check (db, &fresh, NULL, error))
      goto fail;
  }
  if (campaign_id > 0 && !check_campaign (db, campaign_id, error))
    goto fail;

  insert = tz_db_prepare (db,
                          "INSERT INTO unit (name, short_name, region, school_level, address, "
                          "  phone, note, kind, uuid, parent_id, sort_order) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                          "  (SELECT ifnull(max(sort_order), 0) + 1 FROM unit "
                          "   WHERE ifnull(parent_id, 0) = ifnull(?10, 0)))",
                          error);
  if (insert == NULL)
    goto fail;
  bind_fields (insert, 1, unit);
  sqlite3_bind_text (insert, 9, uuid, -1, SQLITE_TRANSIENT);
  tz_db_bind_int_or_null (insert, 10, unit->parent_id, unit->parent_id > 0);
  if (!tz_db_step_done (db, insert, error))
    goto fail;
  id = tz_db_last_insert_id (db);

  if (campaign_id > 0 && !link_unit (db, campaign_id, id, role, error))
    goto fail;
  if (!tz_db_commit (db, error))
    return FALSE;
  if (unit_id != NULL)
    *unit_id = id;
  return TRUE;

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_unit_update (TzDb *db, const TzUnitDetails *unit, GError **error)
{
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autofree char *old_name = NULL;
  TzUnitDetails kept;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  if (!tz_db_begin (db, error))
    return FALSE;
  kept = *unit;
  old_name = unit_name (db, unit->id, &kept.parent_id, error);
  if (old_name == NULL || !tz_unit_check (db, &kept, NULL, error))
    goto fail;

  update = tz_db_prepare (db,
                          "UPDATE unit SET name = ?1, short_name = ?2, region = ?3, "
                          "  school_level = ?4, address = ?5, phone = ?6, note = ?7, kind = ?8, "
                          "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                          "WHERE id = ?9",
                          error);
  if (update == NULL)
    goto fail;
  bind_fields (update, 1, unit);
  sqlite3_bind_int64 (update, 9, unit->id);
  if (!tz_db_step_done (db, update, error))
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_unit_move (TzDb *db, gint64 unit_id, gint64 new_parent_id, GError **error)
{
  g_autoptr (sqlite3_stmt) inside = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autofree char *name = NULL;
  g_autofree char *parent_name = NULL;
  gint64 old_parent_id = 0;
  gboolean taken = FALSE;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);

  if (!tz_db_begin (db, error))
    return FALSE;
  name = unit_name (db, unit_id, &old_parent_id, error);
  if (name == NULL)
    goto fail;
  if (new_parent_id == old_parent_id)
    return tz_db_commit (db, error);
  if (new_parent_id == unit_id)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” cannot be moved under itself. Choose another unit."), name);
      goto fail;
    }
  if (new_parent_id > 0)
    {
      parent_name = unit_name (db, new_parent_id, NULL, error);
      if (parent_name == NULL)
        goto fail;

      /* The new parent's line up to the root must not pass through the unit. */
      inside = tz_db_prepare (db,
                              "WITH RECURSIVE up(id) AS (SELECT ?1"
                              "  UNION SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id"
                              "  WHERE u.parent_id IS NOT NULL)"
                              "SELECT EXISTS (SELECT 1 FROM up WHERE id = ?2)",
                              error);
      if (inside == NULL)
        goto fail;
      sqlite3_bind_int64 (inside, 1, new_parent_id);
      sqlite3_bind_int64 (inside, 2, unit_id);
      rc = tz_db_step (db, inside, error);
      if (rc < 0)
        goto fail;
      if (rc == SQLITE_ROW && sqlite3_column_int (inside, 0))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("“%s” cannot be moved under “%s”, because that unit belongs to it. "
                          "Choose a unit outside the branch of “%s”."),
                       name, parent_name, name);
          goto fail;
        }
    }
  if (!name_taken (db, new_parent_id, name, unit_id, &taken, error))
    goto fail;
  if (taken)
    {
      set_name_taken_error (error, parent_name, name);
      goto fail;
    }

  update = tz_db_prepare (db,
                          "UPDATE unit SET parent_id = ?2, "
                          "  sort_order = (SELECT ifnull(max(sort_order), 0) + 1 FROM unit "
                          "    WHERE ifnull(parent_id, 0) = ifnull(?2, 0)), "
                          "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                          "WHERE id = ?1",
                          error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update, 1, unit_id);
  tz_db_bind_int_or_null (update, 2, new_parent_id, new_parent_id > 0);
  if (!tz_db_step_done (db, update, error))
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

/* What still uses a unit, for refusals: "3 activities, 1 quota". NULL when
 * nothing does. @campaign_id > 0 counts the records of that campaign only. */
static gboolean
describe_users (TzDb *db, gint64 unit_id, gint64 campaign_id, char **description, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = tz_db_prepare (
      db,
      "SELECT"
      " (SELECT count(*) FROM activity WHERE unit_id = ?1 AND (?2 = 0 OR campaign_id = ?2)),"
      " (SELECT count(*) FROM quota WHERE unit_id = ?1 AND (?2 = 0 OR campaign_id = ?2)),"
      " (SELECT count(*) FROM person WHERE unit_id = ?1 AND ?2 = 0),"
      " (SELECT count(*) FROM team WHERE unit_id = ?1 AND ?2 = 0),"
      " (SELECT count(*) FROM entry WHERE (entrant_unit_id = ?1 OR recommending_unit_id = ?1)"
      "   AND (?2 = 0 OR campaign_id = ?2)),"
      " (SELECT count(*) FROM opinion WHERE unit_id = ?1 AND ?2 = 0),"
      " (SELECT count(*) FROM award WHERE unit_id = ?1 AND ?2 = 0)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      gint64 n[7];

      for (int i = 0; i < 7; i++)
        n[i] = sqlite3_column_int64 (stmt, i);
      /* Each message is written out in full, so that xgettext finds it. */
      if (n[0] > 0)
        g_ptr_array_add (parts,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " activity",
                                                       "%" PRId64 " activities", (gulong) n[0]),
                                          n[0]));
      if (n[1] > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " quota",
                                                              "%" PRId64 " quotas", (gulong) n[1]),
                                                 n[1]));
      if (n[2] > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " person",
                                                              "%" PRId64 " people", (gulong) n[2]),
                                                 n[2]));
      if (n[3] > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " team",
                                                              "%" PRId64 " teams", (gulong) n[3]),
                                                 n[3]));
      if (n[4] > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " entry",
                                                              "%" PRId64 " entries", (gulong) n[4]),
                                                 n[4]));
      if (n[5] > 0)
        g_ptr_array_add (parts,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " opinion",
                                                       "%" PRId64 " opinions", (gulong) n[5]),
                                          n[5]));
      if (n[6] > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " award",
                                                              "%" PRId64 " awards", (gulong) n[6]),
                                                 n[6]));
    }
  if (parts->len == 0)
    {
      *description = NULL;
      return TRUE;
    }
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: the separator between the items of a list, such as "3 activities, 1 quota". */
  *description = g_strjoinv (C_ ("list separator", ", "), (char **) parts->pdata);
  return TRUE;
}

gboolean
tz_unit_delete (TzDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) children = NULL;
  g_autoptr (sqlite3_stmt) unlink = NULL;
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autofree char *name = NULL;
  g_autofree char *users = NULL;
  gint64 n_children = 0;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);

  if (!tz_db_begin (db, error))
    return FALSE;
  name = unit_name (db, unit_id, NULL, error);
  if (name == NULL)
    goto fail;

  children = tz_db_prepare (db, "SELECT count(*) FROM unit WHERE parent_id = ?", error);
  if (children == NULL)
    goto fail;
  sqlite3_bind_int64 (children, 1, unit_id);
  rc = tz_db_step (db, children, error);
  if (rc < 0)
    goto fail;
  if (rc == SQLITE_ROW)
    n_children = sqlite3_column_int64 (children, 0);
  if (n_children > 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be deleted: %" PRId64 " unit stands under it. Move "
                                "or delete that unit first.",
                                "“%s” cannot be deleted: %" PRId64 " units stand under it. Move "
                                "or delete those units first.",
                                (gulong) n_children),
                   name, n_children);
      goto fail;
    }

  if (!describe_users (db, unit_id, 0, &users, error))
    goto fail;
  if (users != NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” cannot be deleted while %s use it. Move those records to another "
                      "unit or delete them first."),
                   name, users);
      goto fail;
    }

  unlink = tz_db_prepare (db, "DELETE FROM campaign_unit WHERE unit_id = ?", error);
  if (unlink == NULL)
    goto fail;
  sqlite3_bind_int64 (unlink, 1, unit_id);
  if (!tz_db_step_done (db, unlink, error))
    goto fail;
  del = tz_db_prepare (db, "DELETE FROM unit WHERE id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, unit_id);
  if (!tz_db_step_done (db, del, error))
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_unit_add_to_campaign (TzDb *db, gint64 campaign_id, gint64 unit_id, const char *role,
                         GError **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);

  if (!check_role (role, error))
    return FALSE;
  if (!tz_db_begin (db, error))
    return FALSE;
  name = unit_name (db, unit_id, NULL, error);
  if (name == NULL || !check_campaign (db, campaign_id, error) ||
      !link_unit (db, campaign_id, unit_id, role, error))
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_unit_remove_from_campaign (TzDb *db, gint64 campaign_id, gint64 unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autofree char *name = NULL;
  g_autofree char *users = NULL;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);

  if (!tz_db_begin (db, error))
    return FALSE;
  name = unit_name (db, unit_id, NULL, error);
  if (name == NULL)
    goto fail;
  if (!describe_users (db, unit_id, campaign_id, &users, error))
    goto fail;
  if (users != NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” cannot be taken out of this campaign while %s of the campaign use "
                      "it. Move those records to another unit or delete them first."),
                   name, users);
      goto fail;
    }
  del =
      tz_db_prepare (db, "DELETE FROM campaign_unit WHERE campaign_id = ? AND unit_id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, campaign_id);
  sqlite3_bind_int64 (del, 2, unit_id);
  if (!tz_db_step_done (db, del, error))
    goto fail;
  if (tz_db_changes (db) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("“%s” is not in this campaign."), name);
      goto fail;
    }
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}
