/* tz-person.c — people: nominees, authors, contacts of a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-person"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tz-codes.h"
#include "tz-person.h"
#include "tz-search.h"
#include "tz-unit.h"
#include "tz-validate.h"

TzPerson *
tz_person_new (void)
{
  return g_new0 (TzPerson, 1);
}

void
tz_person_free (TzPerson *p)
{
  if (p == NULL)
    return;
  g_free (p->uuid);
  g_free (p->name);
  g_free (p->gender);
  g_free (p->birth_date);
  g_free (p->ethnicity);
  g_free (p->political);
  g_free (p->id_number);
  g_free (p->phone);
  g_free (p->email);
  g_free (p->unit_name);
  g_free (p->employer);
  g_free (p->position);
  g_free (p->title);
  g_free (p->note);
  g_free (p);
}

/* Empty and blank strings become NULL, others are trimmed. */
static void
tidy (char **field)
{
  if (*field == NULL)
    return;
  g_strstrip (*field);
  if (**field == '\0')
    g_clear_pointer (field, g_free);
}

static void
replace (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

gboolean
tz_person_normalize (TzDb *db, TzPerson *p, GError **error)
{
  char **fields[] = { &p->name,      &p->gender, &p->birth_date, &p->ethnicity, &p->political,
                      &p->id_number, &p->phone,  &p->email,      &p->employer,  &p->position,
                      &p->title,     &p->note,   &p->unit_name };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    tidy (fields[i]);

  if (!tz_validate_required (_ ("Name"), p->name, error) ||
      !tz_validate_text_length (_ ("Name"), p->name, TZ_PERSON_MAX_NAME, error))
    return FALSE;

  if (p->gender != NULL && !tz_validate_gender (p->gender, error))
    return FALSE;
  if (p->birth_date != NULL && !tz_validate_birth_date (_ ("Date of birth"), p->birth_date, error))
    return FALSE;

  if (p->id_number != NULL)
    {
      replace (&p->id_number, tz_resident_id_normalize (p->id_number));
      if (!tz_validate_resident_id (p->id_number, p->gender, p->birth_date, error))
        return FALSE;
      /* What the number says need not be typed twice. */
      if (p->gender == NULL)
        p->gender = g_strdup (tz_resident_id_gender (p->id_number));
      if (p->birth_date == NULL)
        {
          g_autofree char *birth = tz_resident_id_birth_date (p->id_number);
          p->birth_date = g_strndup (birth, 7);
        }
    }

  if (p->phone != NULL)
    {
      char *digits = tz_normalize_mobile (p->phone, error);
      if (digits == NULL)
        return FALSE;
      replace (&p->phone, digits);
    }
  if (p->email != NULL && !tz_validate_email (p->email, error))
    return FALSE;

  if (p->ethnicity != NULL)
    {
      const TzCode *code = tz_codes_find_ethnicity (p->ethnicity);
      if (code == NULL)
        return tz_validate_ethnicity (p->ethnicity, error);
      replace (&p->ethnicity, g_strdup (code->name));
    }
  if (p->political != NULL)
    {
      const TzCode *code = tz_codes_find_political_status (p->political);
      if (code == NULL)
        return tz_validate_political_status (p->political, error);
      replace (&p->political, g_strdup (code->name));
    }

  if (p->employer != NULL &&
      !tz_validate_text_length (_ ("Employer"), p->employer, TZ_PERSON_MAX_EMPLOYER, error))
    return FALSE;
  if (p->position != NULL &&
      !tz_validate_text_length (_ ("Position"), p->position, TZ_PERSON_MAX_POSITION, error))
    return FALSE;
  if (p->title != NULL && !tz_validate_text_length (_ ("Professional title"), p->title, 50, error))
    return FALSE;
  if (p->note != NULL && !tz_validate_text_length (_ ("Note"), p->note, 500, error))
    return FALSE;

  /* A unit named by the user is linked when the tree has it; otherwise the
   * name stays the employer as written on the form. */
  if (p->unit_id == 0 && p->unit_name != NULL)
    {
      gint64 unit_id = 0;
      if (tz_unit_resolve (db, 0, p->unit_name, &unit_id, NULL))
        p->unit_id = unit_id;
      if (p->employer == NULL)
        p->employer = g_strdup (p->unit_name);
    }
  return TRUE;
}

static gboolean
check_id_number_free (TzDb *db, const TzPerson *p, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (p->id_number == NULL)
    return TRUE;
  stmt = tz_db_prepare (db, "SELECT id, name FROM person WHERE id_number = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, p->id_number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, p->id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                   _ ("ID number: this number is already recorded for %s (person %" PRId64
                      "). Open that record instead of adding the person again."),
                   sqlite3_column_text (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_person_save (TzDb *db, TzPerson *p, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tz_person_normalize (db, p, error))
    return FALSE;
  if (!tz_db_begin (db, error))
    return FALSE;
  if (!check_id_number_free (db, p, error))
    goto fail;

  if (p->id == 0)
    {
      if (p->uuid == NULL)
        p->uuid = g_uuid_string_random ();
      stmt = tz_db_prepare (db,
                            "INSERT INTO person (name, gender, birth_date, ethnicity, political, "
                            "  id_number, phone, email, unit_id, employer, position, title, note, "
                            "  uuid) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error);
    }
  else
    stmt = tz_db_prepare (db,
                          "UPDATE person SET name = ?1, gender = ?2, birth_date = ?3, "
                          "  ethnicity = ?4, political = ?5, id_number = ?6, phone = ?7, "
                          "  email = ?8, unit_id = ?9, employer = ?10, position = ?11, "
                          "  title = ?12, note = ?13, "
                          "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                          "WHERE id = ?15",
                          error);
  if (stmt == NULL)
    goto fail;
  tz_db_bind_text (stmt, 1, p->name);
  tz_db_bind_text (stmt, 2, p->gender);
  tz_db_bind_text (stmt, 3, p->birth_date);
  tz_db_bind_text (stmt, 4, p->ethnicity);
  tz_db_bind_text (stmt, 5, p->political);
  tz_db_bind_text (stmt, 6, p->id_number);
  tz_db_bind_text (stmt, 7, p->phone);
  tz_db_bind_text (stmt, 8, p->email);
  tz_db_bind_int_or_null (stmt, 9, p->unit_id, p->unit_id > 0);
  tz_db_bind_text (stmt, 10, p->employer);
  tz_db_bind_text (stmt, 11, p->position);
  tz_db_bind_text (stmt, 12, p->title);
  tz_db_bind_text (stmt, 13, p->note);
  if (p->id == 0)
    tz_db_bind_text (stmt, 14, p->uuid);
  else
    sqlite3_bind_int64 (stmt, 15, p->id);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  if (p->id == 0)
    p->id = tz_db_last_insert_id (db);
  else if (tz_db_changes (db) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no person %" PRId64 "."),
                   p->id);
      goto fail;
    }
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_person_delete (TzDb *db, gint64 id, GError **error)
{
  g_autofree char *not_found = g_strdup_printf (_ ("There is no person %" PRId64 "."), id);
  g_autoptr (GError) local = NULL;

  if (tz_db_delete_row (db, "person", id, not_found, &local))
    return TRUE;
  if (g_error_matches (local, TZ_DB_ERROR, TZ_DB_ERROR_CONSTRAINT))
    g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                 _ ("This person has entries in a campaign. Remove the entries first."));
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

#define PERSON_COLUMNS                                                                             \
  "p.id, p.uuid, p.name, p.gender, p.birth_date, p.ethnicity, p.political, p.id_number, "          \
  "p.phone, p.email, ifnull(p.unit_id, 0), u.name, p.employer, p.position, p.title, p.note"

static TzPerson *
person_from_row (sqlite3_stmt *stmt)
{
  TzPerson *p = tz_person_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->uuid = tz_db_column_dup (stmt, 1);
  p->name = tz_db_column_dup (stmt, 2);
  p->gender = tz_db_column_dup (stmt, 3);
  p->birth_date = tz_db_column_dup (stmt, 4);
  p->ethnicity = tz_db_column_dup (stmt, 5);
  p->political = tz_db_column_dup (stmt, 6);
  p->id_number = tz_db_column_dup (stmt, 7);
  p->phone = tz_db_column_dup (stmt, 8);
  p->email = tz_db_column_dup (stmt, 9);
  p->unit_id = sqlite3_column_int64 (stmt, 10);
  p->unit_name = tz_db_column_dup (stmt, 11);
  p->employer = tz_db_column_dup (stmt, 12);
  p->position = tz_db_column_dup (stmt, 13);
  p->title = tz_db_column_dup (stmt, 14);
  p->note = tz_db_column_dup (stmt, 15);
  return p;
}

TzPerson *
tz_person_get (TzDb *db, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT " PERSON_COLUMNS " FROM person p "
                        "LEFT JOIN unit u ON u.id = p.unit_id WHERE p.id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = tz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return person_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no person %" PRId64 "."), id);
  return NULL;
}

GPtrArray *
tz_person_search (TzDb *db, const char *query, guint offset, guint limit, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_person_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *match = tz_search_condition ("person_fts", query);
  int rc;

  sql = g_strdup_printf ("SELECT " PERSON_COLUMNS " FROM person p "
                         "LEFT JOIN unit u ON u.id = p.unit_id "
                         "WHERE %s%s%s ORDER BY p.id LIMIT ?2 OFFSET ?3",
                         match != NULL ? "p.id IN (SELECT rowid FROM person_fts WHERE "
                                       : "?1 IS NULL",
                         match != NULL ? match : "", match != NULL ? ")" : "");
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  tz_search_bind (stmt, 1, query);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, person_from_row (stmt));
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

gint64
tz_person_count (TzDb *db, const char *query, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *match = tz_search_condition ("person_fts", query);

  if (match != NULL)
    sql = g_strdup_printf ("SELECT count(*) FROM person_fts WHERE %s", match);
  else
    sql = g_strdup ("SELECT count(*) FROM person WHERE ?1 IS NULL");
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;
  tz_search_bind (stmt, 1, query);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}
