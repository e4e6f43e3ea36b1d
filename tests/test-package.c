/* test-package.c — entry packages between two real databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "tz-activity.h"
#include "tz-attachment.h"
#include "tz-campaign-file.h"
#include "tz-entry.h"
#include "tz-package.h"
#include "tz-person.h"
#include "tz-test-common.h"
#include "tz-unit.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

#define STORY  "《传播网络正能量，讲述奋进故事》评选活动"
#define HARBIN "哈尔滨市总工会"

/* ---- fixtures ------------------------------------------------------------- */

static gint64
import_campaign (TzDb *db, const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_source_path ("data", "campaigns", file, NULL);
  gint64 id = tz_campaign_import_file (db, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
unit_id (TzDb *db, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (tz_unit_resolve (db, 0, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
track_id (TzDb *db, gint64 campaign_id, const char *name)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT id FROM track WHERE campaign_id = %" G_GINT64_FORMAT " AND name = '%s'", campaign_id,
      name);
  return tz_test_query_int (db, sql);
}

static char *
write_temp_file (const char *name, const char *content, gsize length)
{
  g_autoptr (GError) error = NULL;
  char *path = tz_test_tmpfile (name);

  g_assert_true (g_file_set_contents (path, content, (gssize) length, &error));
  g_assert_no_error (error);
  return path;
}

static gint64
add_person (TzDb *db, const char *name, const char *id_number, const char *phone)
{
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (GError) error = NULL;

  p->name = g_strdup (name);
  p->id_number = g_strdup (id_number);
  p->phone = g_strdup (phone);
  p->ethnicity = g_strdup ("汉族");
  p->unit_id = unit_id (db, HARBIN);
  p->position = g_strdup ("技师");
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_entry (TzDb *db, gint64 campaign_id, gint64 person_id, const char *title)
{
  g_autoptr (TzEntry) e = tz_entry_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) opinions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
  TzOpinion *o = tz_opinion_new ();

  e->campaign_id = campaign_id;
  e->track_id = track_id (db, campaign_id, STORY);
  e->title = g_strdup (title);
  e->person_id = person_id;
  e->recommending_unit_id = unit_id (db, HARBIN);
  e->summary = g_strdup ("三十年扎根一线。");
  o->level = 1;
  o->level_name = g_strdup ("推荐单位意见");
  o->text = g_strdup ("同意推荐。");
  o->signed_on = g_strdup ("2022-10-15");
  o->signer = g_strdup ("李主席");
  o->unit_id = unit_id (db, HARBIN);
  g_ptr_array_add (opinions, o);
  g_assert_true (tz_entry_save_with_opinions (db, e, opinions, &error));
  g_assert_no_error (error);
  return e->id;
}

typedef struct
{
  TzDb *a, *b;
  gint64 ca, cb; /* the campaign in each */
  gint64 person1, person2, entry1, entry2, activity;
  char *package;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_free (f->package);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

/* A (Harbin) and B (the province) from the same campaign file; A holds two
 * people with entries, opinions, an activity and files. */
static void
fixture_init (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzActivity) act = tz_activity_new ();
  g_autofree char *evidence =
      write_temp_file ("evidence.txt", "现场照片说明", strlen ("现场照片说明"));
  g_autofree char *work = write_temp_file ("work.txt", "作品内容 work", strlen ("作品内容 work"));
  const char *adds[] = { evidence, NULL };
  gint64 att = 0;

  f->a = tz_test_open_db ();
  f->b = tz_test_open_db ();
  f->ca = import_campaign (f->a, "heilongjiang-2022-workers-netizens.json");
  f->cb = import_campaign (f->b, "heilongjiang-2022-workers-netizens.json");
  f->person1 = add_person (f->a, "王师傅", "110105198001010016", "13800138000");
  f->person2 = add_person (f->a, "李娟", "110105198512310029", "13900139000");
  f->entry1 = add_entry (f->a, f->ca, f->person1, "王师傅的创新故事");
  f->entry2 = add_entry (f->a, f->ca, f->person2, "李娟的奋进之路");
  g_assert_true (tz_attachment_add (f->a, TZ_ATTACHMENT_OWNER_ENTRY, f->entry1, "material", work,
                                    NULL, &att, &error));
  g_assert_no_error (error);

  act->campaign_id = f->ca;
  act->unit_id = unit_id (f->a, HARBIN);
  act->title = g_strdup ("走进企业宣讲");
  act->held_on = g_strdup ("2022-08-05");
  act->participants = 40;
  g_assert_true (tz_activity_save_with_evidence (f->a, act, adds, NULL, 0, &error));
  g_assert_no_error (error);
  f->activity = act->id;
  /* a photo of the first person (a 1×1 PNG) */
  {
    gsize len;
    g_autofree guchar *png = g_base64_decode ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE"
                                              "QVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
                                              &len);
    g_autofree char *photo = write_temp_file ("photo.png", (const char *) png, len);
    g_assert_true (tz_person_set_photo (f->a, f->person1, photo, &error));
    g_assert_no_error (error);
  }
  f->package = tz_test_tmpfile ("harbin.tzpkg");
}

static void
export_a (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (tz_package_export (f->a, f->ca, unit_id (f->a, HARBIN), f->package, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
}

/* Row counts of everything an import could touch, and the stored files. */
static char *
snapshot (TzDb *db)
{
  static const char *const tables[] = { "person",    "entry",      "opinion",
                                        "activity",  "attachment", "import_log",
                                        "audit_log", "unit",       "track" };
  GString *s = g_string_new (NULL);
  g_autofree char *dir = tz_attachment_dir (db);
  g_autoptr (GDir) d = NULL;
  const char *name;
  guint files = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_string_append_printf (s, "%s=%" G_GINT64_FORMAT " ", tables[i],
                              tz_test_query_int (db, sql));
    }
  g_string_append_printf (s, "max_updated=%" G_GINT64_FORMAT " ",
                          tz_test_query_int (db, "SELECT count(DISTINCT updated_at) FROM person"));
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *sub = g_build_filename (dir, name, NULL);
      g_autoptr (GDir) d2 = g_dir_open (sub, 0, NULL);
      while (d2 != NULL && g_dir_read_name (d2) != NULL)
        files++;
    }
  g_string_append_printf (s, "files=%u", files);
  return g_string_free (s, FALSE);
}

static const TzPackageRecord *
find_record (TzPackage *p, TzPackageKind kind, const char *name)
{
  for (guint i = 0; i < tz_package_get_n_records (p); i++)
    {
      const TzPackageRecord *r = tz_package_get_record (p, i);
      if (r->kind == kind && g_strcmp0 (r->name, name) == 0)
        return r;
    }
  return NULL;
}

static guint
record_index (TzPackage *p, const TzPackageRecord *r)
{
  for (guint i = 0; i < tz_package_get_n_records (p); i++)
    if (tz_package_get_record (p, i) == r)
      return i;
  g_assert_not_reached ();
}

/* Waits until the clock shows the next second: stored times have whole seconds. */
static void
next_second (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  while (g_get_real_time () / G_USEC_PER_SEC == now)
    g_usleep (20000);
}

/* ---- a minimal zip writer (stored members) to build damaged packages ------- */

static guint32
crc32_of (const guint8 *data, gsize len)
{
  guint32 crc = 0xffffffffu;
  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
  return ~crc;
}

static void
put16 (GByteArray *a, guint16 v)
{
  guint8 b[2] = { v & 0xff, v >> 8 };
  g_byte_array_append (a, b, 2);
}

static void
put32 (GByteArray *a, guint32 v)
{
  guint8 b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
  g_byte_array_append (a, b, 4);
}

typedef struct
{
  char *name;
  GBytes *data;
} ZipMember;

static void
zip_member_free (ZipMember *m)
{
  g_free (m->name);
  g_bytes_unref (m->data);
  g_free (m);
}

static void
write_zip (const char *path, GPtrArray *members)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GByteArray) central = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  guint32 cd_offset;

  for (guint i = 0; i < members->len; i++)
    {
      ZipMember *m = members->pdata[i];
      gsize len;
      const guint8 *data = g_bytes_get_data (m->data, &len);
      guint32 crc = crc32_of (data, len);
      guint32 offset = out->len;
      guint16 name_len = (guint16) strlen (m->name);

      put32 (out, 0x04034b50);
      put16 (out, 20), put16 (out, 0x0800), put16 (out, 0), put16 (out, 0), put16 (out, 0x21);
      put32 (out, crc), put32 (out, len), put32 (out, len);
      put16 (out, name_len), put16 (out, 0);
      g_byte_array_append (out, (const guint8 *) m->name, name_len);
      g_byte_array_append (out, data, len);

      put32 (central, 0x02014b50);
      put16 (central, 20), put16 (central, 20), put16 (central, 0x0800), put16 (central, 0);
      put16 (central, 0), put16 (central, 0x21);
      put32 (central, crc), put32 (central, len), put32 (central, len);
      put16 (central, name_len), put16 (central, 0), put16 (central, 0), put16 (central, 0);
      put16 (central, 0), put32 (central, 0), put32 (central, offset);
      g_byte_array_append (central, (const guint8 *) m->name, name_len);
    }
  cd_offset = out->len;
  g_byte_array_append (out, central->data, central->len);
  put32 (out, 0x06054b50);
  put16 (out, 0), put16 (out, 0), put16 (out, members->len), put16 (out, members->len);
  put32 (out, central->len), put32 (out, cd_offset), put16 (out, 0);
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, &error));
  g_assert_no_error (error);
}

static void
collect (GsfInfile *dir, const char *prefix, GPtrArray *members)
{
  for (int i = 0; i < gsf_infile_num_children (dir); i++)
    {
      g_autoptr (GsfInput) child = gsf_infile_child_by_index (dir, i);
      g_autofree char *name = g_strconcat (prefix, gsf_infile_name_by_index (dir, i), NULL);
      gsf_off_t size;
      ZipMember *m;

      if (gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree char *sub = g_strconcat (name, "/", NULL);
          collect (GSF_INFILE (child), sub, members);
          continue;
        }
      size = gsf_input_size (child);
      m = g_new0 (ZipMember, 1);
      m->name = g_steal_pointer (&name);
      m->data =
          g_bytes_new (size > 0 ? (const void *) gsf_input_read (child, size, NULL) : "", size);
      g_ptr_array_add (members, m);
    }
}

/* The members of a package file, in order. */
static GPtrArray *
read_zip (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsfInput) in = gsf_input_stdio_new (path, &error);
  g_autoptr (GsfInfile) zip = NULL;
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) zip_member_free);

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (in, &error);
  g_assert_no_error (error);
  collect (zip, "", members);
  return members;
}

static ZipMember *
member_named (GPtrArray *members, const char *name)
{
  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (((ZipMember *) members->pdata[i])->name, name))
      return members->pdata[i];
  return NULL;
}

static void
add_zip_member (GPtrArray *members, const char *name, const char *text)
{
  ZipMember *m = g_new0 (ZipMember, 1);
  m->name = g_strdup (name);
  m->data = g_bytes_new (text, strlen (text));
  g_ptr_array_add (members, m);
}

/* Opens @path in B and checks it is refused with @code and a message that
 * contains @needle, and that B did not change. */
static void
assert_refused (Fixture *f, const char *path, int code, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = snapshot (f->b);
  g_autofree char *after = NULL;
  g_autoptr (TzPackage) p = tz_package_open (f->b, path, &error);

  g_assert_null (p);
  g_assert_error (error, TZ_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
  after = snapshot (f->b);
  g_assert_cmpstr (before, ==, after);
}

/* ---- tests --------------------------------------------------------------- */

static void
test_round_trip (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) p = NULL;
  g_autoptr (TzPackage) again = NULL;
  TzPackageSummary s;
  struct stat st;
  g_autofree char *before = NULL, *after = NULL;
  const TzPackageRecord *r;

  fixture_init (&f);
  export_a (&f);
  g_assert_cmpint (g_stat (f.package, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* the export is in the audit log */
  g_assert_cmpint (tz_test_query_int (f.a, "SELECT count(*) FROM audit_log WHERE action = "
                                           "'export' AND new_values LIKE '%package%'"),
                   ==, 1);

  p = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpstr (tz_package_get_sender_name (p), ==, HARBIN);
  g_assert_cmpint (tz_package_get_campaign_id (p), ==, f.cb);
  g_assert_null (tz_package_get_last_import (p));
  g_assert_nonnull (tz_package_get_created_at (p));
  tz_package_get_summary (p, &s);
  /* 2 people, 1 activity, 2 entries, 2 opinions, 3 files */
  g_assert_cmpuint (s.n_new, ==, 10);
  g_assert_cmpuint (s.n_changed + s.n_conflict + s.n_unchanged, ==, 0);
  r = find_record (p, TZ_PACKAGE_KIND_PERSON, "王师傅");
  g_assert_nonnull (r);
  g_assert_cmpint (r->status, ==, TZ_PACKAGE_STATUS_NEW);
  g_assert_nonnull (find_record (p, TZ_PACKAGE_KIND_ENTRY, "李娟的奋进之路"));
  g_assert_nonnull (find_record (p, TZ_PACKAGE_KIND_ACTIVITY, "走进企业宣讲"));
  g_assert_nonnull (find_record (p, TZ_PACKAGE_KIND_ATTACHMENT, "work.txt"));
  g_assert_nonnull (find_record (p, TZ_PACKAGE_KIND_OPINION, "王师傅的创新故事 · 推荐单位意见"));

  g_assert_true (tz_package_apply (p, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.n_new, ==, 10);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM entry"), ==, 2);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM opinion WHERE signer = '李主席'"),
                   ==, 2);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM activity WHERE participants = 40"),
                   ==, 1);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM import_log WHERE kind = 'package' "
                                           "AND rows_added = 10"),
                   ==, 1);
  /* same uuids, and the person with full numbers */
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person WHERE id_number = "
                                           "'110105198001010016' AND phone = '13800138000'"),
                   ==, 1);
  {
    g_autoptr (TzPerson) pa = tz_person_get (f.a, f.person1, &error);
    g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM person WHERE uuid = '%s'", pa->uuid);
    g_assert_cmpint (tz_test_query_int (f.b, sql), ==, 1);
  }
  /* the files are stored in B, content-addressed, and readable */
  {
    g_autoptr (GPtrArray) list = NULL;
    gint64 entry_b =
        tz_test_query_int (f.b, "SELECT id FROM entry WHERE title = '王师傅的创新故事'");
    g_autofree char *path = NULL;
    g_autofree char *content = NULL;

    list = tz_attachment_list (f.b, TZ_ATTACHMENT_OWNER_ENTRY, entry_b, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    path = tz_attachment_path (f.b, list->pdata[0]);
    g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
    g_assert_cmpstr (content, ==, "作品内容 work");
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  {
    gint64 b_person = tz_test_query_int (f.b, "SELECT id FROM person WHERE name = '王师傅'");
    g_autofree char *photo = tz_person_get_photo (f.b, b_person, &error);
    g_autofree char *content = NULL;
    gsize len = 0;
    g_assert_no_error (error);
    g_assert_nonnull (photo);
    g_assert_true (g_file_get_contents (photo, &content, &len, NULL));
    g_assert_cmpuint (len, ==, 70);
  }

  /* Re-importing the same package changes nothing. */
  before = snapshot (f.b);
  again = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  tz_package_get_summary (again, &s);
  g_assert_cmpuint (s.n_unchanged, ==, 10);
  g_assert_cmpuint (s.n_new + s.n_changed + s.n_conflict, ==, 0);
  g_assert_nonnull (tz_package_get_last_import (again));
  g_assert_true (tz_package_apply (again, &s, &error));
  g_assert_no_error (error);
  after = snapshot (f.b);
  g_assert_cmpstr (before, ==, after);
}

/* The database changes between the preview and the apply: refused. */
static void
test_stale_preview (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) first = NULL;
  g_autoptr (TzPackage) stale = NULL;
  g_autofree char *before = NULL, *after = NULL;

  fixture_init (&f);
  export_a (&f);
  stale = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  first = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_true (tz_package_apply (first, NULL, &error));
  g_assert_no_error (error);

  before = snapshot (f.b);
  g_assert_false (tz_package_apply (stale, NULL, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "changed since"));
  after = snapshot (f.b);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person"), ==, 2);
}

/* A failure in the middle of applying leaves the database as it was: one
 * transaction (only the stored files, unreferenced, may stay). */
static void
test_rollback (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) p = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *before_files = NULL, *after_files = NULL;

  fixture_init (&f);
  export_a (&f);
  p = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  before = snapshot (f.b);
  /* opinions are written after people, activities and entries */
  g_assert_true (tz_db_exec (f.b,
                             "CREATE TEMP TRIGGER fail_opinion BEFORE INSERT ON main.opinion "
                             "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
                             &error));
  g_assert_no_error (error);
  g_assert_false (tz_package_apply (p, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "opinions[0]"));
  g_clear_error (&error);
  after = snapshot (f.b);
  /* every row count and the import history as before; the files may differ */
  before_files = g_strdup (strstr (before, "files="));
  after_files = g_strdup (strstr (after, "files="));
  *strstr (before, "files=") = '\0';
  *strstr (after, "files=") = '\0';
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (after_files, ==, "files=3");
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM attachment"), ==, 0);

  /* and the same package applies once the failure is gone */
  g_assert_true (tz_db_exec (f.b, "DROP TRIGGER temp.fail_opinion", &error));
  g_assert_no_error (error);
  g_clear_pointer (&p, tz_package_free);
  p = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_true (tz_package_apply (p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM opinion"), ==, 2);
}

static void
test_update (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) p = NULL;
  g_autoptr (TzPackage) second = NULL;
  g_autoptr (TzPerson) person = NULL;
  TzPackageSummary s;
  const TzPackageRecord *r;
  gboolean saw_phone = FALSE;

  fixture_init (&f);
  export_a (&f);
  p = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_true (tz_package_apply (p, NULL, &error));
  g_assert_no_error (error);

  /* A edits a person and adds an entry; the second package updates B. */
  person = tz_person_get (f.a, f.person1, &error);
  g_free (person->phone);
  person->phone = g_strdup ("13700137000");
  g_assert_true (tz_person_save (f.a, person, &error));
  g_assert_no_error (error);
  add_entry (f.a, f.ca, add_person (f.a, "赵强", "230102199003150031", "13500135000"),
             "赵强的奋斗故事");
  export_a (&f);

  second = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  r = find_record (second, TZ_PACKAGE_KIND_PERSON, "王师傅");
  g_assert_cmpint (r->status, ==, TZ_PACKAGE_STATUS_CHANGED);
  for (guint i = 0; i < r->diffs->len; i++)
    {
      const TzPackageDiff *d = r->diffs->pdata[i];
      if (g_str_equal (d->field, "phone"))
        {
          g_assert_cmpstr (d->ours, ==, "13800138000");
          g_assert_cmpstr (d->theirs, ==, "13700137000");
          saw_phone = TRUE;
        }
    }
  g_assert_true (saw_phone);
  g_assert_cmpint (find_record (second, TZ_PACKAGE_KIND_ENTRY, "赵强的奋斗故事")->status, ==,
                   TZ_PACKAGE_STATUS_NEW);
  g_assert_cmpint (find_record (second, TZ_PACKAGE_KIND_PERSON, "李娟")->status, ==,
                   TZ_PACKAGE_STATUS_UNCHANGED);
  tz_package_get_summary (second, &s);
  g_assert_cmpuint (s.n_changed, ==, 1);
  g_assert_cmpuint (s.n_new, ==, 3); /* the person, the entry and its opinion */
  g_assert_cmpuint (s.n_conflict, ==, 0);
  g_assert_true (tz_package_apply (second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person"), ==, 3);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM entry"), ==, 3);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person WHERE phone = "
                                           "'13700137000'"),
                   ==, 1);
  g_assert_cmpint (
      tz_test_query_int (f.b, "SELECT count(*) FROM import_log WHERE kind = 'package'"), ==, 2);
}

static void
test_conflict (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) p = NULL;
  g_autoptr (TzPackage) c = NULL;
  g_autoptr (TzPackage) c2 = NULL;
  g_autoptr (TzPerson) mine = NULL;
  g_autoptr (TzPerson) theirs = NULL;
  g_autofree char *before = NULL, *after = NULL;
  const TzPackageRecord *r;
  TzPackageSummary s;
  gint64 b_person;

  fixture_init (&f);
  export_a (&f);
  p = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_true (tz_package_apply (p, NULL, &error));
  g_assert_no_error (error);
  next_second ();

  /* Both sides edit the same person. */
  b_person = tz_test_query_int (f.b, "SELECT id FROM person WHERE name = '王师傅'");
  mine = tz_person_get (f.b, b_person, &error);
  g_free (mine->position);
  mine->position = g_strdup ("高级技师");
  g_assert_true (tz_person_save (f.b, mine, &error));
  g_assert_no_error (error);
  theirs = tz_person_get (f.a, f.person1, &error);
  g_free (theirs->position);
  theirs->position = g_strdup ("班组长");
  g_assert_true (tz_person_save (f.a, theirs, &error));
  g_assert_no_error (error);
  export_a (&f);

  c = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  r = find_record (c, TZ_PACKAGE_KIND_PERSON, "王师傅");
  g_assert_cmpint (r->status, ==, TZ_PACKAGE_STATUS_CONFLICT);
  g_assert_cmpint (r->choice, ==, TZ_PACKAGE_CHOICE_NONE);
  g_assert_cmpuint (r->diffs->len, ==, 1);
  g_assert_cmpstr (((TzPackageDiff *) r->diffs->pdata[0])->field, ==, "position");
  g_assert_cmpstr (tz_package_field_label ("position"), ==, "Position");
  g_assert_cmpstr (((TzPackageDiff *) r->diffs->pdata[0])->ours, ==, "高级技师");
  g_assert_cmpstr (((TzPackageDiff *) r->diffs->pdata[0])->theirs, ==, "班组长");
  {
    /* Shown to people: a reference by the name of what it names, numbers
     * masked, nothing for an empty value. */
    g_autofree char *unit_uuid =
        tz_test_query_text (f.b, "SELECT uuid FROM unit WHERE name = '哈尔滨市总工会'");
    TzPackageDiff unit = { "recommending_unit", unit_uuid, NULL };
    TzPackageDiff phone = { "phone", "13800138000", "13900139000" };
    g_autofree char *ours = tz_package_diff_text (c, &unit, FALSE, TRUE);
    g_autofree char *none = tz_package_diff_text (c, &unit, TRUE, TRUE);
    g_autofree char *masked = tz_package_diff_text (c, &phone, TRUE, TRUE);
    g_autofree char *full = tz_package_diff_text (c, &phone, TRUE, FALSE);
    g_autofree char *position = tz_package_diff_text (c, r->diffs->pdata[0], TRUE, TRUE);

    g_assert_cmpstr (ours, ==, "哈尔滨市总工会");
    g_assert_null (none);
    g_assert_cmpstr (masked, ==, "139****9000");
    g_assert_cmpstr (full, ==, "13900139000");
    g_assert_cmpstr (position, ==, "班组长");
  }

  /* Undecided: refused, nothing written. */
  before = snapshot (f.b);
  g_assert_false (tz_package_apply (c, NULL, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  after = snapshot (f.b);
  g_assert_cmpstr (before, ==, after);

  /* Keep ours. */
  tz_package_set_choice (c, record_index (c, r), TZ_PACKAGE_CHOICE_OURS);
  g_assert_true (tz_package_apply (c, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.n_kept, ==, 1);
  g_assert_cmpint (
      tz_test_query_int (f.b, "SELECT count(*) FROM person WHERE position = '高级技师'"), ==, 1);

  /* Opened again it is still a conflict; take theirs. */
  c2 = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  r = find_record (c2, TZ_PACKAGE_KIND_PERSON, "王师傅");
  g_assert_cmpint (r->status, ==, TZ_PACKAGE_STATUS_CONFLICT);
  tz_package_set_all_conflicts (c2, TZ_PACKAGE_CHOICE_THEIRS);
  g_assert_true (tz_package_apply (c2, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person WHERE position = '班组长'"),
                   ==, 1);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person"), ==, 2);
}

/* A conflict kept as ours, in an import that wrote other records, is a
 * conflict again with the next package: the choice is not undone silently. */
static void
test_kept_stays_conflict (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) p = NULL;
  g_autoptr (TzPackage) c = NULL;
  g_autoptr (TzPackage) again = NULL;
  g_autoptr (TzPerson) mine = NULL;
  g_autoptr (TzPerson) theirs = NULL;
  g_autoptr (TzPerson) other = NULL;
  TzPackageSummary s;

  fixture_init (&f);
  export_a (&f);
  p = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_true (tz_package_apply (p, NULL, &error));
  g_assert_no_error (error);
  next_second ();

  mine = tz_person_get (f.b, tz_test_query_int (f.b, "SELECT id FROM person WHERE name = '王师傅'"),
                        &error);
  g_free (mine->position);
  mine->position = g_strdup ("高级技师");
  g_assert_true (tz_person_save (f.b, mine, &error));
  theirs = tz_person_get (f.a, f.person1, &error);
  g_free (theirs->position);
  theirs->position = g_strdup ("班组长");
  g_assert_true (tz_person_save (f.a, theirs, &error));
  other = tz_person_get (f.a, f.person2, &error);
  g_free (other->note);
  other->note = g_strdup ("新备注");
  g_assert_true (tz_person_save (f.a, other, &error));
  g_assert_no_error (error);
  export_a (&f);

  c = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_record (c, TZ_PACKAGE_KIND_PERSON, "王师傅")->status, ==,
                   TZ_PACKAGE_STATUS_CONFLICT);
  g_assert_cmpint (find_record (c, TZ_PACKAGE_KIND_PERSON, "李娟")->status, ==,
                   TZ_PACKAGE_STATUS_CHANGED);
  tz_package_set_all_conflicts (c, TZ_PACKAGE_CHOICE_OURS);
  g_assert_true (tz_package_apply (c, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.n_changed, ==, 1);
  g_assert_cmpuint (s.n_kept, ==, 1);

  again = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_record (again, TZ_PACKAGE_KIND_PERSON, "王师傅")->status, ==,
                   TZ_PACKAGE_STATUS_CONFLICT);
  g_assert_cmpint (find_record (again, TZ_PACKAGE_KIND_PERSON, "李娟")->status, ==,
                   TZ_PACKAGE_STATUS_UNCHANGED);
  g_assert_cmpint (
      tz_test_query_int (f.b, "SELECT count(*) FROM person WHERE position = '高级技师'"), ==, 1);
}

/* A unit name several units share is matched under the parent matched first. */
static void
test_shared_unit_name (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) p = NULL;
  g_autoptr (TzPerson) person = NULL;
  g_autofree char *sql = NULL;
  gint64 office_a = 0, office_b_harbin = 0, office_b_qqhr = 0;

  fixture_init (&f);
  g_assert_true (
      tz_unit_add (f.a, unit_id (f.a, HARBIN), "办公室", NULL, 0, NULL, &office_a, &error));
  g_assert_no_error (error);
  person = tz_person_get (f.a, f.person1, &error);
  person->unit_id = office_a;
  g_assert_true (tz_person_save (f.a, person, &error));
  g_assert_no_error (error);
  export_a (&f);

  /* B does not have it: refused, naming it */
  assert_refused (&f, f.package, TZ_ERROR_NOT_FOUND, "办公室");

  g_assert_true (tz_unit_add (f.b, unit_id (f.b, "齐齐哈尔市总工会"), "办公室", NULL, 0, NULL,
                              &office_b_qqhr, &error));
  g_assert_true (
      tz_unit_add (f.b, unit_id (f.b, HARBIN), "办公室", NULL, 0, NULL, &office_b_harbin, &error));
  g_assert_no_error (error);
  p = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  g_assert_true (tz_package_apply (p, NULL, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf (
      "SELECT count(*) FROM person WHERE name = '王师傅' AND unit_id = %" G_GINT64_FORMAT,
      office_b_harbin);
  g_assert_cmpint (tz_test_query_int (f.b, sql), ==, 1);
}

static void
test_same_id_number (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) p = NULL;
  const TzPackageRecord *r;

  fixture_init (&f);
  /* B already has 王师傅 under another uuid, with another phone. */
  add_person (f.b, "王师傅", "110105198001010016", "13600136000");
  export_a (&f);
  p = tz_package_open (f.b, f.package, &error);
  g_assert_no_error (error);
  r = find_record (p, TZ_PACKAGE_KIND_PERSON, "王师傅");
  g_assert_cmpint (r->status, ==, TZ_PACKAGE_STATUS_CONFLICT);
  g_assert_cmpint (r->local_id, >, 0);
  tz_package_set_all_conflicts (p, TZ_PACKAGE_CHOICE_THEIRS);
  g_assert_true (tz_package_apply (p, NULL, &error));
  g_assert_no_error (error);
  /* matched, not duplicated; the entry points at B's person */
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM entry e JOIN person p ON p.id = "
                                           "e.person_id WHERE p.phone = '13800138000'"),
                   ==, 1);
}

static void
test_refusals (void)
{
  g_auto (Fixture) f = { 0 };
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bad = tz_test_tmpfile ("bad.tzpkg");
  g_autofree char *contents = NULL;
  gsize length;
  ZipMember *data;

  fixture_init (&f);
  export_a (&f);

  /* a rebuilt but intact package is accepted: the zip writer is sound */
  members = read_zip (f.package);
  g_assert_nonnull (member_named (members, "manifest.json"));
  g_assert_nonnull (member_named (members, "data.json"));
  write_zip (bad, members);
  {
    g_autoptr (TzPackage) ok = tz_package_open (f.b, bad, &error);
    g_assert_no_error (error);
    g_assert_nonnull (ok);
  }

  /* one byte of data.json changed */
  data = member_named (members, "data.json");
  {
    gsize len;
    guint8 *copy = g_bytes_unref_to_data (g_bytes_ref (data->data), &len);
    char *hit = g_strstr_len ((char *) copy, (gssize) len, "13800138000");
    g_assert_nonnull (hit);
    hit[10] = '1';
    g_bytes_unref (data->data);
    data->data = g_bytes_new_take (copy, len);
  }
  write_zip (bad, members);
  assert_refused (&f, bad, TZ_ERROR_PARSE, "checksum");
  g_clear_pointer (&members, g_ptr_array_unref);

  /* a truncated file */
  g_assert_true (g_file_get_contents (f.package, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (bad, contents, (gssize) (length * 2 / 3), NULL));
  assert_refused (&f, bad, TZ_ERROR_PARSE, NULL);
  g_assert_true (g_file_set_contents (bad, contents, 100, NULL));
  assert_refused (&f, bad, TZ_ERROR_PARSE, NULL);

  /* names outside the package */
  {
    const char *evil[] = { "../evil", "/etc/x", "files/..\\x", "a/../../b" };
    for (guint i = 0; i < G_N_ELEMENTS (evil); i++)
      {
        members = read_zip (f.package);
        add_zip_member (members, evil[i], "boo");
        write_zip (bad, members);
        assert_refused (&f, bad, TZ_ERROR_PARSE, NULL);
        g_clear_pointer (&members, g_ptr_array_unref);
      }
  }

  /* a member the manifest lists is missing */
  members = read_zip (f.package);
  for (guint i = 0; i < members->len; i++)
    if (g_str_has_prefix (((ZipMember *) members->pdata[i])->name, "files/"))
      {
        g_ptr_array_remove_index (members, i);
        break;
      }
  write_zip (bad, members);
  assert_refused (&f, bad, TZ_ERROR_PARSE, "does not contain");
  g_clear_pointer (&members, g_ptr_array_unref);

  /* a member the manifest does not list */
  members = read_zip (f.package);
  add_zip_member (members, "files/extra.txt", "extra");
  write_zip (bad, members);
  assert_refused (&f, bad, TZ_ERROR_PARSE, "does not list");
  g_clear_pointer (&members, g_ptr_array_unref);

  /* not a zip at all */
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"taizhang-package\"}", -1, NULL));
  assert_refused (&f, bad, TZ_ERROR_PARSE, NULL);
}

/* A package whose data.json says something else, with the manifest made to
 * match, so that only the data checks stand in the way. */
static void
rewrite_data (const char *from, const char *to, const char *old_text, const char *new_text)
{
  g_autoptr (GPtrArray) members = read_zip (from);
  ZipMember *data = member_named (members, "data.json");
  ZipMember *manifest = member_named (members, "manifest.json");
  g_autofree char *text =
      g_strndup (g_bytes_get_data (data->data, NULL), g_bytes_get_size (data->data));
  g_auto (GStrv) parts = g_strsplit (text, old_text, 2);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *list;
  char *changed;
  gsize changed_len;
  char *mtext;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strconcat (parts[0], new_text, parts[1], NULL);
  changed_len = strlen (changed);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (manifest->data, NULL),
                                             (gssize) g_bytes_get_size (manifest->data), &error));
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "members");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      if (g_str_equal (json_object_get_string_member (o, "name"), "data.json"))
        {
          g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, changed, -1);
          json_object_set_int_member (o, "size", (gint64) changed_len);
          json_object_set_string_member (o, "sha256", sha);
        }
    }
  json_generator_set_root (gen, json_parser_get_root (parser));
  mtext = json_generator_to_data (gen, NULL);
  g_bytes_unref (data->data);
  data->data = g_bytes_new_take (changed, changed_len);
  g_bytes_unref (manifest->data);
  manifest->data = g_bytes_new_take (mtext, strlen (mtext));
  write_zip (to, members);
}

static void
test_bad_data (void)
{
  g_auto (Fixture) f = { 0 };
  g_autofree char *bad = tz_test_tmpfile ("bad.tzpkg");
  g_autoptr (TzDb) other = NULL;
  g_autofree char *foreign = tz_test_tmpfile ("foreign.tzpkg");
  g_autoptr (GError) error = NULL;
  gint64 hunan;

  fixture_init (&f);
  export_a (&f);

  /* an ID number with a wrong check digit, with honest checksums: the rule of the form */
  rewrite_data (f.package, bad, "110105198512310029", "110105198512310028");
  assert_refused (&f, bad, TZ_ERROR_INVALID, "people[1]");

  /* a negative picture width, which the schema would refuse later */
  rewrite_data (f.package, bad, "\"width\" : null", "\"width\" : -5");
  assert_refused (&f, bad, TZ_ERROR_INVALID, "entries[0]");

  /* a unit B does not have */
  rewrite_data (f.package, bad, "\"name\" : \"" HARBIN "\"", "\"name\" : \"不存在的总工会\"");
  /* (Harbin's uuid differs between A and B: B matches it by name, so a
   * renamed unit is unknown.) */
  assert_refused (&f, bad, TZ_ERROR_NOT_FOUND, "不存在的总工会");

  /* a package of a campaign B does not have */
  other = tz_test_open_db ();
  hunan = import_campaign (other, "hunan-2023-workers-netizens.json");
  {
    g_autoptr (GPtrArray) units = tz_unit_list (other, hunan, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (units->len, >, 0);
    g_assert_true (
        tz_package_export (other, hunan, ((TzUnit *) units->pdata[0])->id, foreign, NULL, &error));
    g_assert_no_error (error);
  }
  assert_refused (&f, foreign, TZ_ERROR_NOT_FOUND, "does not have");
}

/* ---- the CLI ------------------------------------------------------------- */

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run *r, const char *db, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("TZ_CLI"));
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, (gpointer) db);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
}

static void
test_cli (void)
{
  g_auto (Fixture) f = { 0 };
  g_autofree char *ca = NULL;
  g_autofree char *before = NULL, *after = NULL;
  const char *db_a, *db_b;

  fixture_init (&f);
  db_a = tz_db_get_path (f.a);
  db_b = tz_db_get_path (f.b);
  ca = g_strdup_printf ("%" G_GINT64_FORMAT, f.ca);

  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_a, "package", "export", "--campaign", ca, "--unit", HARBIN, "--output",
             f.package, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (f.package, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_a, "package", "export", "--campaign", ca, "--unit", "没有这个单位", "--output",
             f.package, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_a, "package", "export", "--campaign", ca, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }

  /* dry run: the preview, nothing written */
  before = snapshot (f.b);
  {
    g_auto (Run) r = { 0 };
    g_auto (GStrv) lines = NULL;
    run_cli (&r, db_b, "package", "import", f.package, "--dry-run", NULL);
    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 12); /* 10 records, summary, "" */
    g_assert_cmpstr (lines[0], ==, "new\tperson\t王师傅");
    g_assert_cmpstr (lines[10], ==, "10 new, 0 changed, 0 conflict, 0 unchanged");
    g_assert_nonnull (strstr (r.out, "new\tentry\t王师傅的创新故事\n"));
    g_assert_nonnull (strstr (r.out, "new\tactivity\t走进企业宣讲\n"));
  }
  after = snapshot (f.b);
  g_assert_cmpstr (before, ==, after);

  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_b, "package", "import", f.package, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM entry"), ==, 2);
  }
  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_b, "package", "import", f.package, "--dry-run", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "unchanged\tperson\t王师傅\n"));
    g_assert_nonnull (strstr (r.out, "0 new, 0 changed, 0 conflict, 10 unchanged\n"));
  }

  /* a conflict: refused without a choice, then taken */
  next_second ();
  g_assert_cmpint (tz_test_query_int (f.b, "SELECT count(*) FROM person"), ==, 2);
  {
    g_autoptr (GError) error = NULL;
    gint64 id = tz_test_query_int (f.b, "SELECT id FROM person WHERE name = '李娟'");
    g_autoptr (TzPerson) p = tz_person_get (f.b, id, &error);
    g_autoptr (TzPerson) q = tz_person_get (f.a, f.person2, &error);
    g_free (p->note);
    p->note = g_strdup ("省里的备注");
    g_assert_true (tz_person_save (f.b, p, &error));
    g_free (q->note);
    q->note = g_strdup ("市里的备注");
    g_assert_true (tz_person_save (f.a, q, &error));
    g_assert_no_error (error);
  }
  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_a, "package", "export", "--campaign", ca, "--unit", HARBIN, "--output",
             f.package, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  g_free (before);
  before = snapshot (f.b);
  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_b, "package", "import", f.package, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.out, "conflict\tperson\t李娟\n"));
    g_assert_nonnull (strstr (r.err, "note"));
    /* numbers are masked on the terminal */
    g_assert_null (strstr (r.err, "110105198512310029"));
  }
  g_free (after);
  after = snapshot (f.b);
  g_assert_cmpstr (before, ==, after);
  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_b, "package", "import", f.package, "--keep-ours", "--accept-theirs", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto (Run) r = { 0 };
    run_cli (&r, db_b, "package", "import", f.package, "--accept-theirs", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (
        tz_test_query_int (f.b, "SELECT count(*) FROM person WHERE note = '市里的备注'"), ==, 1);
  }
  {
    g_auto (Run) r = { 0 };
    g_autofree char *missing = tz_test_tmpfile ("missing.tzpkg");
    run_cli (&r, db_b, "package", "import", missing, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  /* a truncated package: exit 1, the message, nothing written */
  {
    g_auto (Run) r = { 0 };
    g_autofree char *cut = tz_test_tmpfile ("cut.tzpkg");
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (f.package, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (cut, contents, (gssize) (length / 2), NULL));
    g_free (before);
    before = snapshot (f.b);
    run_cli (&r, db_b, "package", "import", cut, "--accept-theirs", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "cut.tzpkg"));
    g_assert_cmpstr (r.out, ==, "");
    g_free (after);
    after = snapshot (f.b);
    g_assert_cmpstr (before, ==, after);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/package/round-trip", test_round_trip);
  g_test_add_func ("/package/update", test_update);
  g_test_add_func ("/package/stale-preview", test_stale_preview);
  g_test_add_func ("/package/rollback", test_rollback);
  g_test_add_func ("/package/conflict", test_conflict);
  g_test_add_func ("/package/kept-stays-conflict", test_kept_stays_conflict);
  g_test_add_func ("/package/same-id-number", test_same_id_number);
  g_test_add_func ("/package/shared-unit-name", test_shared_unit_name);
  g_test_add_func ("/package/refusals", test_refusals);
  g_test_add_func ("/package/bad-data", test_bad_data);
  g_test_add_func ("/package/cli", test_cli);
  return g_test_run ();
}
