/* tz-attachment.c — files kept with the records: evidence, photos, material
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stored files are named by the SHA-256 of their content under
 * <database>.files/<first two hex digits>/, so that the same photo attached
 * twice is stored once and a file's name proves its content. A file is written
 * under a temporary name in the files folder, flushed, then renamed: a crash
 * leaves at worst a stray temporary file, never half a file under a final name.
 * The record goes in afterwards, in its own transaction; a stored file is
 * removed only once no record uses its SHA-256 any more.
 */
#define G_LOG_DOMAIN "tz-attachment"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tz-attachment.h"

#define COPY_CHUNK  (64 * 1024)
#define SNIFF_BYTES 4096

/* The owner enum as the schema spells it: the column of attachment and the
 * table it refers to. Never user input, so safe to paste into SQL. */
static const struct
{
  const char *column;
  const char *table;
} owners[] = {
  [TZ_ATTACHMENT_OWNER_CAMPAIGN] = { "campaign_id", "campaign" },
  [TZ_ATTACHMENT_OWNER_ACTIVITY] = { "activity_id", "activity" },
  [TZ_ATTACHMENT_OWNER_PERSON] = { "person_id", "person" },
  [TZ_ATTACHMENT_OWNER_ENTRY] = { "entry_id", "entry" },
  [TZ_ATTACHMENT_OWNER_OPINION] = { "opinion_id", "opinion" },
};

/* The kinds the schema's CHECK accepts. */
static const char *const kinds[] = { "notice", "evidence", "photo", "material",
                                     "work",   "form",     "file",  NULL };

void
tz_attachment_free (TzAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->uuid);
  g_free (attachment->kind);
  g_free (attachment->title);
  g_free (attachment->file_name);
  g_free (attachment->mime_type);
  g_free (attachment->sha256);
  g_free (attachment);
}

char *
tz_attachment_dir (TzDb *db)
{
  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  return g_strconcat (tz_db_get_path (db), ".files", NULL);
}

/* A SHA-256 as stored: 64 lower-case hex digits. Anything else never becomes a path. */
static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static char *
path_for_sha256 (TzDb *db, const char *sha256)
{
  g_autofree char *dir = tz_attachment_dir (db);
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (dir, prefix, sha256, NULL);
}

char *
tz_attachment_path (TzDb *db, const TzAttachment *attachment)
{
  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  g_return_val_if_fail (attachment != NULL, NULL);
  g_return_val_if_fail (is_sha256 (attachment->sha256), NULL);

  return path_for_sha256 (db, attachment->sha256);
}

/* Creates @dir owner-only whatever the umask, and makes an existing one so. */
static gboolean
ensure_private_dir (const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                   _ ("The folder “%s” for attached files cannot be created: %s. Check that "
                      "the database’s folder is writable."),
                   dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int fd, const guint8 *data, gsize length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static void
fsync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

typedef struct
{
  char *sha256;
  char *mime_type;
  gint64 size;
  gboolean created; /* the stored file is new, not content already there */
} StoredFile;

static void
stored_file_clear (StoredFile *stored)
{
  g_clear_pointer (&stored->sha256, g_free);
  g_clear_pointer (&stored->mime_type, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredFile, stored_file_clear)

static char *
guess_mime_type (const char *file_name, const guint8 *head, gsize head_length)
{
  g_autofree char *content_type = g_content_type_guess (file_name, head, head_length, NULL);
  char *mime = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;

  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}

/* Copies @source_path into the files folder under its SHA-256. */
static gboolean
store_file (TzDb *db, const char *source_path, StoredFile *out, GError **error)
{
  g_autofree char *dir = tz_attachment_dir (db);
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_dir = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *name = g_path_get_basename (source_path);
  g_autofree guint8 *buffer = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 head[SNIFF_BYTES];
  gsize head_length = 0;
  gint64 size = 0;
  struct stat st;
  int in_fd;
  int out_fd;
  int saved = 0;

  in_fd = g_open (source_path, O_RDONLY | O_CLOEXEC, 0);
  if (in_fd < 0)
    {
      saved = errno;
      g_set_error (error, TZ_ERROR, saved == ENOENT ? TZ_ERROR_NOT_FOUND : TZ_ERROR_FAILED,
                   _ ("The file “%s” cannot be read: %s. Choose another file."), source_path,
                   g_strerror (saved));
      return FALSE;
    }
  if (fstat (in_fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (in_fd);
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” is not a regular file. Choose a file, not a folder or a device."),
                   source_path);
      return FALSE;
    }

  if (!ensure_private_dir (dir, error))
    {
      close (in_fd);
      return FALSE;
    }
  /* The temporary file sits in the same folder tree, so the rename stays on one
   * file system; its leading dot keeps it apart from the two-hex folders. */
  tmp_path = g_build_filename (dir, ".incoming-XXXXXX", NULL);
  out_fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (out_fd < 0)
    {
      saved = errno;
      close (in_fd);
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                   _ ("The file “%s” cannot be copied into “%s”: %s. Free some disk space or "
                      "check the folder’s permissions."),
                   name, dir, g_strerror (saved));
      return FALSE;
    }
  fchmod (out_fd, 0600);

  buffer = g_malloc (COPY_CHUNK);
  for (;;)
    {
      ssize_t n = read (in_fd, buffer, COPY_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          break;
        }
      if (n == 0)
        break;
      if (head_length < sizeof head)
        {
          gsize take = MIN ((gsize) n, sizeof head - head_length);
          memcpy (head + head_length, buffer, take);
          head_length += take;
        }
      g_checksum_update (checksum, buffer, n);
      if (!write_all (out_fd, buffer, (gsize) n))
        {
          saved = errno != 0 ? errno : EIO;
          break;
        }
      size += n;
    }
  close (in_fd);
  if (saved == 0 && fsync (out_fd) != 0)
    saved = errno;
  if (close (out_fd) != 0 && saved == 0)
    saved = errno;
  if (saved != 0)
    {
      g_unlink (tmp_path);
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                   _ ("The file “%s” cannot be copied into “%s”: %s. Free some disk space or "
                      "check the folder’s permissions."),
                   name, dir, g_strerror (saved));
      return FALSE;
    }

  out->sha256 = g_strdup (g_checksum_get_string (checksum));
  out->size = size;
  out->mime_type = guess_mime_type (name, head, head_length);
  final_path = path_for_sha256 (db, out->sha256);
  final_dir = g_path_get_dirname (final_path);

  if (!ensure_private_dir (final_dir, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  if (g_file_test (final_path, G_FILE_TEST_IS_REGULAR))
    {
      /* The same content is there already: its name is its hash. */
      g_unlink (tmp_path);
      out->created = FALSE;
      return TRUE;
    }
  if (g_rename (tmp_path, final_path) != 0)
    {
      saved = errno;
      g_unlink (tmp_path);
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                   _ ("The file “%s” cannot be copied into “%s”: %s. Free some disk space or "
                      "check the folder’s permissions."),
                   name, final_dir, g_strerror (saved));
      return FALSE;
    }
  fsync_dir (final_dir);
  out->created = TRUE;
  return TRUE;
}

static gboolean
owner_exists (TzDb *db, TzAttachmentOwner owner, gint64 owner_id, GError **error)
{
  g_autofree char *sql =
      g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\" WHERE id = ?)", owners[owner].table);
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  if (sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The record to attach the file to no longer exists. Reload the list and "
                      "try again."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_record (TzDb *db, TzAttachmentOwner owner, gint64 owner_id, const char *kind,
               const char *title, const char *file_name, const StoredFile *stored, gint64 *id,
               GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tz_db_begin (db, error))
    return FALSE;
  if (!owner_exists (db, owner, owner_id, error))
    goto fail;
  sql = g_strdup_printf (
      "INSERT INTO attachment (%1$s, kind, title, file_name, mime_type, size, sha256, seq) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
      "  (SELECT ifnull(max(seq), 0) + 1 FROM attachment WHERE %1$s = ?1))",
      owners[owner].column);
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  tz_db_bind_text (stmt, 3, title);
  sqlite3_bind_text (stmt, 4, file_name, -1, SQLITE_STATIC);
  tz_db_bind_text (stmt, 5, stored->mime_type);
  sqlite3_bind_int64 (stmt, 6, stored->size);
  sqlite3_bind_text (stmt, 7, stored->sha256, -1, SQLITE_STATIC);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  if (id != NULL)
    *id = tz_db_last_insert_id (db);
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_attachment_add (TzDb *db, TzAttachmentOwner owner, gint64 owner_id, const char *kind,
                   const char *source_path, const char *title, gint64 *id, GError **error)
{
  g_auto (StoredFile) stored = { 0 };
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);
  g_return_val_if_fail (owner <= TZ_ATTACHMENT_OWNER_OPINION, FALSE);
  g_return_val_if_fail (source_path != NULL, FALSE);

  if (kind == NULL)
    kind = "file";
  if (!g_strv_contains (kinds, kind))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Attachment: “%s” is not a kind of attachment. Use notice, evidence, "
                      "photo, material, work, form or file."),
                   kind);
      return FALSE;
    }
  if (owner_id <= 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The record to attach the file to no longer exists. Reload the list and "
                      "try again."));
      return FALSE;
    }

  file_name = g_path_get_basename (source_path);
  if (!g_utf8_validate (file_name, -1, NULL))
    {
      g_autofree char *display = g_filename_display_basename (source_path);
      g_free (file_name);
      file_name = g_steal_pointer (&display);
    }

  if (!store_file (db, source_path, &stored, error))
    return FALSE;
  if (!insert_record (db, owner, owner_id, kind, title, file_name, &stored, id, error))
    {
      /* Nothing recorded: a file this call added goes again (when no record
       * uses it; inside a caller's transaction the caller tidies up). */
      if (stored.created)
        {
          const char *const shas[] = { stored.sha256, NULL };
          tz_attachment_remove_unused_files (db, shas);
        }
      return FALSE;
    }
  return TRUE;
}

#define SELECT_COLUMNS                                                                             \
  "SELECT id, uuid, campaign_id, activity_id, person_id, entry_id, opinion_id, kind, title, "      \
  "file_name, mime_type, size, sha256 FROM attachment "

static TzAttachment *
attachment_from_row (sqlite3_stmt *stmt)
{
  TzAttachment *a = g_new0 (TzAttachment, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->uuid = tz_db_column_dup (stmt, 1);
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    if (sqlite3_column_type (stmt, 2 + i) != SQLITE_NULL)
      {
        a->owner = i;
        a->owner_id = sqlite3_column_int64 (stmt, 2 + i);
        break;
      }
  a->kind = tz_db_column_dup (stmt, 7);
  a->title = tz_db_column_dup (stmt, 8);
  a->file_name = tz_db_column_dup (stmt, 9);
  a->mime_type = tz_db_column_dup (stmt, 10);
  a->size = sqlite3_column_int64 (stmt, 11);
  a->sha256 = tz_db_column_dup (stmt, 12);
  return a;
}

GPtrArray *
tz_attachment_list (TzDb *db, TzAttachmentOwner owner, gint64 owner_id, const char *kind,
                    GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_attachment_free);
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  g_return_val_if_fail (owner <= TZ_ATTACHMENT_OWNER_OPINION, NULL);

  sql = g_strdup_printf (SELECT_COLUMNS "WHERE %s = ?1 AND (?2 IS NULL OR kind = ?2) "
                                        "ORDER BY seq, id",
                         owners[owner].column);
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  tz_db_bind_text (stmt, 2, kind);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, attachment_from_row (stmt));
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

TzAttachment *
tz_attachment_get (TzDb *db, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  stmt = tz_db_prepare (db, SELECT_COLUMNS "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("There is no attached file %" PRId64 ". Reload the list and try again."), id);
      return NULL;
    }
  return attachment_from_row (stmt);
}

gboolean
tz_attachment_delete (TzDb *db, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sha256 = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);

  if (!tz_db_begin (db, error))
    return FALSE;
  stmt = tz_db_prepare (db, "DELETE FROM attachment WHERE id = ? RETURNING sha256", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    goto fail;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("There is no attached file %" PRId64 ". Reload the list and try again."), id);
      goto fail;
    }
  sha256 = tz_db_column_dup (stmt, 0);
  /* RETURNING rows must be stepped to the end before the statement completes. */
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    ;
  if (rc < 0)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!tz_db_commit (db, error))
    return FALSE;

  {
    const char *const shas[] = { sha256, NULL };
    tz_attachment_remove_unused_files (db, shas);
  }
  return TRUE;

fail:
  tz_db_rollback (db);
  return FALSE;
}

static gboolean
sha256_in_use (TzDb *db, const char *sha256)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt =
      tz_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM attachment WHERE sha256 = ?)", &error);

  if (stmt == NULL)
    return TRUE; /* when in doubt, keep the file */
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  if (tz_db_step (db, stmt, &error) != SQLITE_ROW)
    return TRUE;
  return sqlite3_column_int (stmt, 0) != 0;
}

void
tz_attachment_remove_unused_files (TzDb *db, const char *const *sha256s)
{
  g_return_if_fail (TZ_IS_DB (db));

  /* Inside a transaction a record deleted now may yet come back by a rollback:
   * the file must outlive it. The caller calls again once it has committed. */
  if (!sqlite3_get_autocommit (tz_db_get_handle (db)))
    return;

  for (guint i = 0; sha256s != NULL && sha256s[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (!is_sha256 (sha256s[i]) || sha256_in_use (db, sha256s[i]))
        continue;
      /* The two-hex folder stays: another program may be renaming a file into it. */
      path = path_for_sha256 (db, sha256s[i]);
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("could not remove %s: %s", path, g_strerror (errno));
    }
}
