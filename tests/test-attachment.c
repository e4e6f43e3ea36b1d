/* test-attachment.c — stored files, their records, and activities with evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "tz-activity.h"
#include "tz-attachment.h"
#include "tz-test-common.h"

/* A campaign with one participant unit, one activity (id 1) and one person (id 1). */
static const char fixture[] =
    "INSERT INTO unit (id, name) VALUES (1, '省总工会'), (2, '甲市总工会');"
    "UPDATE unit SET parent_id = 1 WHERE id = 2;"
    "INSERT INTO campaign (id, title, start_date, end_date) VALUES (1, '测试活动', '2022-07-21', "
    "'2022-10-31');"
    "INSERT INTO campaign_unit (campaign_id, unit_id, role) VALUES (1, 1, 'issuer'), "
    "  (1, 2, 'participant');"
    "INSERT INTO activity (id, campaign_id, unit_id, title, held_on) VALUES (1, 1, 2, '走进企业', "
    "'2022-08-05');"
    "INSERT INTO person (id, name) VALUES (1, '张三');";

/* The start of a PNG file: enough for content sniffing. */
static const guint8 png_head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                                   'I',  'H', 'D', 'R', 0,    0,    0,    1,    0, 0, 0, 1 };

static TzDb *
open_fixture (void)
{
  g_autoptr (GError) error = NULL;
  TzDb *db = tz_test_open_db ();

  g_assert_true (tz_db_exec (db, fixture, &error));
  g_assert_no_error (error);
  return db;
}

static char *
write_file (const char *dir, const char *name, const void *data, gssize length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_files (child);
      else
        n++;
    }
  return n;
}

static gint64
count_rows (TzDb *db)
{
  return tz_test_query_int (db, "SELECT count(*) FROM attachment");
}

static void
test_stored_and_readable (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *src_dir = tz_test_tmpdir ();
  g_autofree char *src = write_file (src_dir, "现场照片.png", png_head, sizeof png_head);
  g_autofree char *expected_sha =
      g_compute_checksum_for_data (G_CHECKSUM_SHA256, png_head, sizeof png_head);
  g_autoptr (TzAttachment) a = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = tz_attachment_dir (db);
  g_autofree char *contents = NULL;
  g_autofree char *expected_dir = g_strconcat (tz_db_get_path (db), ".files", NULL);
  gsize length = 0;
  gint64 id = 0;

  g_assert_cmpstr (dir, ==, expected_dir);
  g_assert_true (tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, "evidence", src,
                                    "宣讲现场", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  a = tz_attachment_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->owner, ==, TZ_ATTACHMENT_OWNER_ACTIVITY);
  g_assert_cmpint (a->owner_id, ==, 1);
  g_assert_cmpstr (a->kind, ==, "evidence");
  g_assert_cmpstr (a->title, ==, "宣讲现场");
  g_assert_cmpstr (a->file_name, ==, "现场照片.png");
  g_assert_cmpstr (a->mime_type, ==, "image/png");
  g_assert_cmpint (a->size, ==, sizeof png_head);
  g_assert_cmpstr (a->sha256, ==, expected_sha);
  g_assert_cmpuint (strlen (a->uuid), ==, 36);

  /* Stored under its hash, readable, and independent of the original. */
  path = tz_attachment_path (db, a);
  g_assert_true (g_str_has_prefix (path, dir));
  g_assert_true (g_str_has_suffix (path, expected_sha));
  g_assert_cmpint (g_unlink (src), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpmem (contents, length, png_head, sizeof png_head);

  /* No temporary file is left behind. */
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_modes (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *src_dir = tz_test_tmpdir ();
  g_autofree char *src = write_file (src_dir, "总结.txt", "活动总结", -1);
  g_autoptr (TzAttachment) a = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *dir = tz_attachment_dir (db);
  struct stat st;
  gint64 id = 0;
  mode_t old_umask = umask (0);

  /* Even with a permissive umask the files stay private. */
  g_assert_true (
      tz_attachment_add (db, TZ_ATTACHMENT_OWNER_PERSON, 1, "material", src, NULL, &id, &error));
  umask (old_umask);
  g_assert_no_error (error);
  a = tz_attachment_get (db, id, &error);
  g_assert_cmpstr (a->mime_type, ==, "text/plain");
  g_assert_null (a->title);
  path = tz_attachment_path (db, a);
  sub = g_path_get_dirname (path);

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
}

static void
test_same_content_once (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *src_dir = tz_test_tmpdir ();
  g_autofree char *one = write_file (src_dir, "a.jpg", "same bytes", -1);
  g_autofree char *two = write_file (src_dir, "b.jpg", "same bytes", -1);
  g_autofree char *dir = tz_attachment_dir (db);
  g_autoptr (TzAttachment) first = NULL;
  g_autoptr (TzAttachment) second = NULL;
  g_autofree char *path = NULL;
  gint64 id1 = 0;
  gint64 id2 = 0;

  g_assert_true (
      tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, "evidence", one, NULL, &id1, &error));
  g_assert_true (
      tz_attachment_add (db, TZ_ATTACHMENT_OWNER_PERSON, 1, "photo", two, NULL, &id2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id1, !=, id2);
  g_assert_cmpuint (count_files (dir), ==, 1);

  first = tz_attachment_get (db, id1, &error);
  second = tz_attachment_get (db, id2, &error);
  g_assert_cmpstr (first->sha256, ==, second->sha256);
  g_assert_cmpstr (second->file_name, ==, "b.jpg");
  path = tz_attachment_path (db, first);

  /* Deleting one reference keeps the file for the other… */
  g_assert_true (tz_attachment_delete (db, id1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (tz_attachment_get (db, id1, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* …and deleting the last one removes it. */
  g_assert_true (tz_attachment_delete (db, id2, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_assert_cmpint (count_rows (db), ==, 0);

  g_assert_false (tz_attachment_delete (db, id2, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_failures_leave_nothing (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *src_dir = tz_test_tmpdir ();
  g_autofree char *missing = g_build_filename (src_dir, "不存在.jpg", NULL);
  g_autofree char *src = write_file (src_dir, "photo.jpg", "unique bytes", -1);
  g_autofree char *dir = tz_attachment_dir (db);
  gint64 id = -5;

  /* The source is missing. */
  g_assert_false (tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, "evidence", missing, NULL,
                                     &id, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "不存在.jpg"));
  g_clear_error (&error);
  g_assert_cmpint (id, ==, -5);

  /* A folder is not a file. */
  g_assert_false (tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, "evidence", src_dir, NULL,
                                     &id, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);

  /* The owner does not exist: the copied file goes again. */
  g_assert_false (
      tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 99, "evidence", src, NULL, &id, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A kind the schema does not know. */
  g_assert_false (
      tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, "selfie", src, NULL, &id, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "selfie"));

  g_assert_cmpint (count_rows (db), ==, 0);
  g_assert_cmpuint (count_files (dir), ==, 0);
}

static void
test_list_in_order (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *src_dir = tz_test_tmpdir ();
  g_autofree char *a = write_file (src_dir, "1.txt", "one", -1);
  g_autofree char *b = write_file (src_dir, "2.png", png_head, sizeof png_head);
  g_autofree char *c = write_file (src_dir, "3.txt", "three", -1);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) photos = NULL;
  g_autoptr (GPtrArray) none = NULL;

  g_assert_true (
      tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, "evidence", a, NULL, NULL, &error));
  g_assert_true (
      tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, "photo", b, NULL, NULL, &error));
  g_assert_true (
      tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, NULL, c, NULL, NULL, &error));
  g_assert_no_error (error);

  all = tz_attachment_list (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (((TzAttachment *) all->pdata[0])->file_name, ==, "1.txt");
  g_assert_cmpstr (((TzAttachment *) all->pdata[1])->file_name, ==, "2.png");
  g_assert_cmpstr (((TzAttachment *) all->pdata[2])->kind, ==, "file");

  photos = tz_attachment_list (db, TZ_ATTACHMENT_OWNER_ACTIVITY, 1, "photo", &error);
  g_assert_cmpuint (photos->len, ==, 1);
  none = tz_attachment_list (db, TZ_ATTACHMENT_OWNER_PERSON, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static TzActivity *
new_activity (const char *title)
{
  TzActivity *a = tz_activity_new ();

  a->campaign_id = 1;
  a->unit_id = 2;
  a->title = g_strdup (title);
  a->held_on = g_strdup ("2022-08-20");
  a->place = g_strdup ("哈尔滨电机厂");
  a->participants = 35;
  return a;
}

static void
test_activity_with_evidence (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *src_dir = tz_test_tmpdir ();
  g_autofree char *photo = write_file (src_dir, "现场.png", png_head, sizeof png_head);
  g_autofree char *sheet = write_file (src_dir, "签到表.txt", "签到", -1);
  g_autofree char *missing = g_build_filename (src_dir, "丢失.jpg", NULL);
  g_autofree char *dir = tz_attachment_dir (db);
  g_autoptr (TzActivity) a = new_activity ("走进车间宣讲");
  g_autoptr (TzActivity) bad = new_activity ("另一场");
  g_autoptr (TzActivity) got = NULL;
  g_autoptr (GPtrArray) files = NULL;
  const char *const paths[] = { photo, sheet, NULL };
  const char *const bad_paths[] = { sheet, missing, NULL };
  gint64 before = tz_test_query_int (db, "SELECT count(*) FROM activity");
  gint64 remove_id;

  g_assert_true (tz_activity_save_with_evidence (db, a, paths, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  files = tz_attachment_list (db, TZ_ATTACHMENT_OWNER_ACTIVITY, a->id, "evidence", &error);
  g_assert_cmpuint (files->len, ==, 2);
  got = tz_activity_get (db, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->n_attachments, ==, 2);
  g_assert_cmpstr (got->unit_name, ==, "甲市总工会");

  /* One missing file: nothing of the new activity is saved, no stray file stays. */
  g_assert_false (tz_activity_save_with_evidence (db, bad, bad_paths, NULL, 0, &error));
  g_assert_nonnull (strstr (error->message, "丢失.jpg"));
  g_clear_error (&error);
  g_assert_cmpint (bad->id, ==, 0);
  g_assert_null (bad->uuid);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM activity"), ==, before + 1);
  g_assert_cmpint (count_rows (db), ==, 2);
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* An edit that removes one file and adds none. */
  remove_id = ((TzAttachment *) files->pdata[0])->id;
  g_assert_true (tz_activity_save_with_evidence (db, a, NULL, &remove_id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db), ==, 1);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Someone else's file cannot be removed through this activity. */
  remove_id = 12345;
  g_assert_false (tz_activity_save_with_evidence (db, a, NULL, &remove_id, 1, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_activity_delete_and_restore (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *src_dir = tz_test_tmpdir ();
  g_autofree char *photo = write_file (src_dir, "现场.png", png_head, sizeof png_head);
  g_autofree char *dir = tz_attachment_dir (db);
  g_autoptr (TzActivity) a = new_activity ("走进车间宣讲");
  g_autoptr (TzActivity) back = NULL;
  g_autoptr (TzActivityDeleted) deleted = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  const char *const paths[] = { photo, NULL };
  TzAttachment *was;
  TzAttachment *is;

  g_assert_true (tz_activity_save_with_evidence (db, a, paths, NULL, 0, &error));
  g_assert_no_error (error);
  before = tz_attachment_list (db, TZ_ATTACHMENT_OWNER_ACTIVITY, a->id, NULL, &error);

  deleted = tz_activity_delete_for_undo (db, a->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_cmpstr (tz_activity_deleted_get_activity (deleted)->uuid, ==, a->uuid);
  g_assert_null (tz_activity_get (db, a->id, &error));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db), ==, 0);
  /* The file waits for a possible undo. */
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_assert_true (tz_activity_restore (db, deleted, &error));
  g_assert_no_error (error);
  back = tz_activity_get (db, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->uuid, ==, a->uuid);
  g_assert_cmpstr (back->title, ==, "走进车间宣讲");
  g_assert_cmpstr (back->place, ==, "哈尔滨电机厂");
  g_assert_cmpint (back->participants, ==, 35);
  g_assert_cmpuint (back->n_attachments, ==, 1);
  after = tz_attachment_list (db, TZ_ATTACHMENT_OWNER_ACTIVITY, a->id, NULL, &error);
  g_assert_cmpuint (after->len, ==, 1);
  was = before->pdata[0];
  is = after->pdata[0];
  g_assert_cmpint (is->id, ==, was->id);
  g_assert_cmpstr (is->uuid, ==, was->uuid);
  g_assert_cmpstr (is->sha256, ==, was->sha256);
  g_assert_cmpstr (is->file_name, ==, was->file_name);

  /* Restoring twice is refused and changes nothing. */
  g_assert_false (tz_activity_restore (db, deleted, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM activity"), ==, 2);

  /* A plain delete is final: the file goes with the last record using it. */
  g_assert_true (tz_activity_delete (db, a->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_assert_false (tz_activity_delete (db, a->id, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_activity_restore_after_id_reused (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzActivity) a = new_activity ("第一场");
  g_autoptr (TzActivity) b = new_activity ("第二场");
  g_autoptr (TzActivityDeleted) deleted = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 old_id;

  g_assert_true (tz_activity_save (db, a, &error));
  old_id = a->id;
  deleted = tz_activity_delete_for_undo (db, a->id, &error);
  g_assert_no_error (error);
  /* SQLite hands the highest id out again. */
  g_assert_true (tz_activity_save (db, b, &error));
  g_assert_cmpint (b->id, ==, old_id);

  g_assert_true (tz_activity_restore (db, deleted, &error));
  g_assert_no_error (error);
  list = tz_activity_list (db, 1, 0, &error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      TzActivity *x = list->pdata[i];

      if (g_strcmp0 (x->uuid, a->uuid) == 0)
        {
          g_assert_cmpint (x->id, !=, old_id);
          g_assert_cmpstr (x->title, ==, "第一场");
        }
    }
  tz_activity_deleted_purge (db, deleted);
}

static void
test_activity_list_under_and_match (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) province = NULL;
  g_autoptr (GPtrArray) own = NULL;
  g_autoptr (TzActivity) a = new_activity ("Workshop 宣讲");
  g_autofree char *date = NULL;

  g_assert_true (tz_activity_save (db, a, &error));
  /* The province's own list is empty; with the units under it, both count. */
  own = tz_activity_list (db, 1, 1, &error);
  g_assert_cmpuint (own->len, ==, 0);
  province = tz_activity_list_under (db, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (province->len, ==, 2);
  g_assert_cmpstr (((TzActivity *) province->pdata[0])->held_on, ==, "2022-08-20");

  g_assert_true (tz_activity_matches (a, NULL));
  g_assert_true (tz_activity_matches (a, "  "));
  g_assert_true (tz_activity_matches (a, "workshop"));
  g_assert_true (tz_activity_matches (a, "电机"));
  g_assert_true (tz_activity_matches (a, "2022-08"));
  g_assert_false (tz_activity_matches (a, "鸡西"));

  /* The campaign ended in 2022: a new activity starts on its last day. */
  date = tz_activity_default_date (db, 1);
  g_assert_cmpstr (date, ==, "2022-10-31");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attachment/stored-and-readable", test_stored_and_readable);
  g_test_add_func ("/attachment/modes", test_modes);
  g_test_add_func ("/attachment/same-content-once", test_same_content_once);
  g_test_add_func ("/attachment/failures-leave-nothing", test_failures_leave_nothing);
  g_test_add_func ("/attachment/list-in-order", test_list_in_order);
  g_test_add_func ("/attachment/activity-with-evidence", test_activity_with_evidence);
  g_test_add_func ("/attachment/activity-delete-and-restore", test_activity_delete_and_restore);
  g_test_add_func ("/attachment/activity-restore-after-id-reused",
                   test_activity_restore_after_id_reused);
  g_test_add_func ("/attachment/activity-list-under-and-match", test_activity_list_under_and_match);

  return g_test_run ();
}
