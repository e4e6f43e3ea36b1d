/* tz-person.c — people: nominees, authors, contacts of a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-person"

#include "config.h"

#include <inttypes.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tz-attachment.h"
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

TzPerson *
tz_person_copy (const TzPerson *p)
{
  TzPerson *copy;

  g_return_val_if_fail (p != NULL, NULL);

  copy = g_memdup2 (p, sizeof *p);
  copy->uuid = g_strdup (p->uuid);
  copy->name = g_strdup (p->name);
  copy->gender = g_strdup (p->gender);
  copy->birth_date = g_strdup (p->birth_date);
  copy->ethnicity = g_strdup (p->ethnicity);
  copy->political = g_strdup (p->political);
  copy->id_number = g_strdup (p->id_number);
  copy->phone = g_strdup (p->phone);
  copy->email = g_strdup (p->email);
  copy->unit_name = g_strdup (p->unit_name);
  copy->employer = g_strdup (p->employer);
  copy->position = g_strdup (p->position);
  copy->title = g_strdup (p->title);
  copy->note = g_strdup (p->note);
  return copy;
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

/* A trimmed copy of @value, NULL when it is empty or blank. */
static char *
tidied (const char *value)
{
  char *s;

  if (value == NULL)
    return NULL;
  s = g_strstrip (g_strdup (value));
  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static gboolean
check_length (const char *field, const char *value, guint max, GError **error)
{
  return value == NULL || tz_validate_text_length (field, value, max, error);
}

gboolean
tz_person_check_field (const TzPerson *p, TzPersonField field, GError **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (p != NULL, FALSE);

  switch (field)
    {
      case TZ_PERSON_FIELD_NAME:
        value = tidied (p->name);
        return tz_validate_required (_ ("Name"), value, error) &&
               tz_validate_text_length (_ ("Name"), value, TZ_PERSON_MAX_NAME, error);
      case TZ_PERSON_FIELD_GENDER:
        value = tidied (p->gender);
        return value == NULL || tz_validate_gender (value, error);
      case TZ_PERSON_FIELD_BIRTH_DATE:
        value = tidied (p->birth_date);
        return value == NULL || tz_validate_birth_date (_ ("Date of birth"), value, error);
      case TZ_PERSON_FIELD_ETHNICITY:
        value = tidied (p->ethnicity);
        return value == NULL || tz_codes_find_ethnicity (value) != NULL ||
               tz_validate_ethnicity (value, error);
      case TZ_PERSON_FIELD_POLITICAL:
        value = tidied (p->political);
        return value == NULL || tz_codes_find_political_status (value) != NULL ||
               tz_validate_political_status (value, error);
      case TZ_PERSON_FIELD_ID_NUMBER:
        {
          g_autofree char *gender = tidied (p->gender);
          g_autofree char *birth = tidied (p->birth_date);

          value = tidied (p->id_number);
          if (value == NULL)
            return TRUE;
          /* A wrong gender or birth month has its own message; the number is
           * then judged on its own rather than blamed for the other field. */
          if (gender != NULL && !tz_validate_gender (gender, NULL))
            g_clear_pointer (&gender, g_free);
          if (birth != NULL && !tz_validate_birth_date ("", birth, NULL))
            g_clear_pointer (&birth, g_free);
          return tz_validate_resident_id (value, gender, birth, error);
        }
      case TZ_PERSON_FIELD_PHONE:
        value = tidied (p->phone);
        return value == NULL || tz_validate_mobile (value, error);
      case TZ_PERSON_FIELD_EMAIL:
        value = tidied (p->email);
        return value == NULL || tz_validate_email (value, error);
      case TZ_PERSON_FIELD_EMPLOYER:
        value = tidied (p->employer);
        return check_length (_ ("Employer"), value, TZ_PERSON_MAX_EMPLOYER, error);
      case TZ_PERSON_FIELD_POSITION:
        value = tidied (p->position);
        return check_length (_ ("Position"), value, TZ_PERSON_MAX_POSITION, error);
      case TZ_PERSON_FIELD_TITLE:
        value = tidied (p->title);
        return check_length (_ ("Professional title"), value, TZ_PERSON_MAX_TITLE, error);
      case TZ_PERSON_FIELD_NOTE:
        value = tidied (p->note);
        return check_length (_ ("Note"), value, TZ_PERSON_MAX_NOTE, error);
      default:
        g_return_val_if_reached (FALSE);
    }
}

gboolean
tz_person_normalize (TzDb *db, TzPerson *p, GError **error)
{
  char **fields[] = { &p->name,      &p->gender, &p->birth_date, &p->ethnicity, &p->political,
                      &p->id_number, &p->phone,  &p->email,      &p->employer,  &p->position,
                      &p->title,     &p->note,   &p->unit_name };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    tidy (fields[i]);

  if (!tz_person_check_field (p, TZ_PERSON_FIELD_NAME, error) ||
      !tz_person_check_field (p, TZ_PERSON_FIELD_GENDER, error) ||
      !tz_person_check_field (p, TZ_PERSON_FIELD_BIRTH_DATE, error))
    return FALSE;

  if (p->id_number != NULL)
    {
      replace (&p->id_number, tz_resident_id_normalize (p->id_number));
      if (!tz_person_check_field (p, TZ_PERSON_FIELD_ID_NUMBER, error))
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
  if (!tz_person_check_field (p, TZ_PERSON_FIELD_EMAIL, error))
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

  if (!tz_person_check_field (p, TZ_PERSON_FIELD_EMPLOYER, error) ||
      !tz_person_check_field (p, TZ_PERSON_FIELD_POSITION, error) ||
      !tz_person_check_field (p, TZ_PERSON_FIELD_TITLE, error) ||
      !tz_person_check_field (p, TZ_PERSON_FIELD_NOTE, error))
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
  g_autoptr (TzCachedStmt) stmt = NULL;
  int rc;

  if (p->id_number == NULL)
    return TRUE;
  stmt = tz_db_prepare_cached (db, "SELECT id, name FROM person WHERE id_number = ? AND id <> ?",
                               error);
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
  g_autoptr (TzCachedStmt) stmt = NULL;

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
      stmt = tz_db_prepare_cached (
          db,
          "INSERT INTO person (name, gender, birth_date, ethnicity, political, "
          "  id_number, phone, email, unit_id, employer, position, title, note, "
          "  uuid) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
          error);
    }
  else
    stmt = tz_db_prepare_cached (db,
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
  g_autofree char *match = tz_search_ids_sql ("person_fts", query);
  int rc;

  sql = g_strdup_printf ("SELECT " PERSON_COLUMNS " FROM person p "
                         "LEFT JOIN unit u ON u.id = p.unit_id "
                         "WHERE %s%s%s ORDER BY p.id LIMIT ?2 OFFSET ?3",
                         match != NULL ? "p.id IN (" : "?1 IS NULL", match != NULL ? match : "",
                         match != NULL ? ")" : "");
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
  g_autofree char *match = tz_search_ids_sql ("person_fts", query);

  if (match != NULL)
    sql = g_strdup_printf ("SELECT count(*) FROM (%s)", match);
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

GArray *
tz_person_search_ids (TzDb *db, const char *query, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *match = tz_search_ids_sql ("person_fts", query);
  g_autofree char *sql = NULL;
  int rc;

  /* Every row of the index is a person, under the person's id. */
  if (match != NULL)
    sql = g_strdup_printf ("%s ORDER BY 1", match);
  else
    sql = g_strdup ("SELECT id FROM person WHERE ?1 IS NULL ORDER BY id");
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  tz_search_bind (stmt, 1, query);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&ids);
}

/* The ids as a JSON array, the one parameter of an IN (json_each (?)) list. */
static char *
ids_json (const gint64 *ids, guint n_ids)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

GPtrArray *
tz_person_get_many (TzDb *db, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_person_free);
  g_autoptr (GHashTable) found = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  int rc;

  if (n_ids == 0)
    return g_steal_pointer (&list);
  found =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) tz_person_free);
  stmt = tz_db_prepare (db,
                        "SELECT " PERSON_COLUMNS " FROM person p "
                        "LEFT JOIN unit u ON u.id = p.unit_id "
                        "WHERE p.id IN (SELECT value FROM json_each (?1))",
                        error);
  if (stmt == NULL)
    return NULL;
  json = ids_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzPerson *p = person_from_row (stmt);
      g_hash_table_insert (found, &p->id, p);
    }
  if (rc < 0)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      /* The key is the row's own id field, the first of the struct: GHashTable
       * then keeps keys and values in one array, where steal_extended() of
       * both would lose the value. Look up, then steal. */
      gpointer value = g_hash_table_lookup (found, &ids[i]);

      if (value != NULL)
        {
          g_hash_table_steal (found, &ids[i]);
          g_ptr_array_add (list, value);
        }
    }
  return g_steal_pointer (&list);
}

gboolean
tz_person_check_photo (const char *path, GError **error)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  guchar head[8] = { 0 };
  gsize n = 0;

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, error))
    return FALSE;
  if ((n >= sizeof png && memcmp (head, png, sizeof png) == 0) ||
      (n >= sizeof jpeg && memcmp (head, jpeg, sizeof jpeg) == 0))
    return TRUE;
  g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
               _ ("Photo: “%s” is not a PNG or JPEG image. Choose a photo saved as PNG or JPEG."),
               name);
  return FALSE;
}

/* Records @path as the photo and removes the earlier ones' records, inside the
 * caller's transaction; @replaced receives their SHA-256s, whose files may go
 * once the caller has committed. */
static gboolean
replace_photo (TzDb *db, gint64 person_id, const char *path, GPtrArray *replaced, GError **error)
{
  g_autoptr (GPtrArray) earlier =
      tz_attachment_list (db, TZ_ATTACHMENT_OWNER_PERSON, person_id, "photo", error);

  if (earlier == NULL)
    return FALSE;
  /* The new one first: when it is the same picture, its file stays stored. */
  if (!tz_attachment_add (db, TZ_ATTACHMENT_OWNER_PERSON, person_id, "photo", path, NULL, NULL,
                          error))
    return FALSE;
  for (guint i = 0; i < earlier->len; i++)
    {
      TzAttachment *a = earlier->pdata[i];

      if (!tz_attachment_delete (db, a->id, error))
        return FALSE;
      g_ptr_array_add (replaced, g_strdup (a->sha256));
    }
  return TRUE;
}

static void
remove_replaced_files (TzDb *db, GPtrArray *replaced)
{
  g_ptr_array_add (replaced, NULL);
  tz_attachment_remove_unused_files (db, (const char *const *) replaced->pdata);
}

gboolean
tz_person_set_photo (TzDb *db, gint64 person_id, const char *path, GError **error)
{
  g_autoptr (GPtrArray) replaced = g_ptr_array_new_with_free_func (g_free);

  if (!tz_person_check_photo (path, error))
    return FALSE;
  if (!tz_db_begin (db, error))
    return FALSE;
  if (!replace_photo (db, person_id, path, replaced, error))
    {
      tz_db_rollback (db);
      return FALSE;
    }
  if (!tz_db_commit (db, error))
    return FALSE;
  remove_replaced_files (db, replaced);
  return TRUE;
}

char *
tz_person_get_photo (TzDb *db, gint64 person_id, GError **error)
{
  g_autoptr (GPtrArray) photos =
      tz_attachment_list (db, TZ_ATTACHMENT_OWNER_PERSON, person_id, "photo", error);

  if (photos == NULL || photos->len == 0)
    return NULL;
  return tz_attachment_path (db, photos->pdata[photos->len - 1]);
}

gboolean
tz_person_save_with_photo (TzDb *db, TzPerson *p, const char *photo_path, GError **error)
{
  g_autoptr (GPtrArray) replaced = g_ptr_array_new_with_free_func (g_free);
  gint64 id = p->id;

  if (photo_path != NULL && !tz_person_check_photo (photo_path, error))
    return FALSE;
  if (!tz_db_begin (db, error))
    return FALSE;
  if (!tz_person_save (db, p, error) ||
      (photo_path != NULL && !replace_photo (db, p->id, photo_path, replaced, error)))
    {
      tz_db_rollback (db);
      p->id = id;
      return FALSE;
    }
  if (!tz_db_commit (db, error))
    {
      p->id = id;
      return FALSE;
    }
  remove_replaced_files (db, replaced);
  return TRUE;
}
