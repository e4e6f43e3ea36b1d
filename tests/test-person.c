/* test-person.c — people: normalising, refusing, masking, duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tz-entry.h"
#include "tz-mask.h"
#include "tz-person.h"
#include "tz-test-common.h"

static TzPerson *
person (const char *name, const char *id_number, const char *phone)
{
  TzPerson *p = tz_person_new ();

  p->name = g_strdup (name);
  p->id_number = g_strdup (id_number);
  p->phone = g_strdup (phone);
  return p;
}

static void
test_normalize_from_id (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (TzPerson) p = person ("  张三 ", "11010519491231002x", "+86 138-0013-8000");
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) back = NULL;

  p->ethnicity = g_strdup ("汉");
  p->political = g_strdup ("中国共产党党员");
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  back = tz_person_get (db, p->id, &error);
  g_assert_cmpstr (back->name, ==, "张三");
  g_assert_cmpstr (back->id_number, ==, "11010519491231002X");
  g_assert_cmpstr (back->phone, ==, "13800138000");
  g_assert_cmpstr (back->gender, ==, "女");
  g_assert_cmpstr (back->birth_date, ==, "1949-12");
  g_assert_cmpstr (back->ethnicity, ==, "汉族");
  g_assert_cmpstr (back->political, ==, "中共党员");
  g_assert_nonnull (back->uuid);
  g_assert_cmpuint (strlen (back->uuid), ==, 36);
}

typedef struct
{
  const char *name, *gender, *birth, *id_number, *phone, *email, *ethnicity, *political;
  const char *field; /* what the message must name */
} BadPerson;

static void
test_refused_and_nothing_saved (void)
{
  static const BadPerson cases[] = {
    { "张三", NULL, NULL, "110105194912310021", NULL, NULL, NULL, NULL, "ID number" },
    { "张三", NULL, NULL, "11010519491331002X", NULL, NULL, NULL, NULL, "ID number" },
    { "张三", "男", NULL, "11010519491231002X", NULL, NULL, NULL, NULL, "ID number" },
    { "张三", NULL, "1950-01", "11010519491231002X", NULL, NULL, NULL, NULL, "ID number" },
    { "张三", NULL, NULL, NULL, "12800138000", NULL, NULL, NULL, "Mobile number" },
    { "张三", NULL, NULL, NULL, "1380013800", NULL, NULL, NULL, "Mobile number" },
    { "张三", NULL, NULL, NULL, NULL, "zhang@", NULL, NULL, "E-mail" },
    { "张三", "未知", NULL, NULL, NULL, NULL, NULL, NULL, "Gender" },
    { "张三", NULL, NULL, NULL, NULL, NULL, "火星族", NULL, "Ethnicity" },
    { "张三", NULL, NULL, NULL, NULL, NULL, NULL, "党员候选", "Political status" },
    { "   ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, "Name" },
    { "张三", NULL, "2023-02-30", NULL, NULL, NULL, NULL, NULL, "Date of birth" },
  };
  g_autoptr (TzDb) db = tz_test_open_db ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BadPerson *c = &cases[i];
      g_autoptr (TzPerson) p = person (c->name, c->id_number, c->phone);
      g_autoptr (GError) error = NULL;

      p->gender = g_strdup (c->gender);
      p->birth_date = g_strdup (c->birth);
      p->email = g_strdup (c->email);
      p->ethnicity = g_strdup (c->ethnicity);
      p->political = g_strdup (c->political);
      g_test_message ("case %u", i);
      g_assert_false (tz_person_save (db, p, &error));
      g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, c->field));
    }
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_long_name_counted_in_characters (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) ok = NULL;
  g_autoptr (TzPerson) too_long = NULL;

  for (int i = 0; i < TZ_PERSON_MAX_NAME; i++)
    g_string_append (name, "龍");
  ok = person (name->str, NULL, NULL);
  g_assert_true (tz_person_save (db, ok, &error));
  g_assert_no_error (error);
  g_string_append (name, "龍");
  too_long = person (name->str, NULL, NULL);
  g_assert_false (tz_person_save (db, too_long, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
}

static void
test_duplicate_id_number (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (TzPerson) a = person ("张三", "11010519491231002X", NULL);
  g_autoptr (TzPerson) b = person ("张叁", "11010519491231002x", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_person_save (db, a, &error));
  g_assert_false (tz_person_save (db, b, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "张三"));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 1);

  /* Saving the same person again is an update, not a duplicate. */
  g_clear_error (&error);
  g_free (a->position);
  a->position = g_strdup ("宣传委员");
  g_assert_true (tz_person_save (db, a, &error));
  g_assert_no_error (error);
}

static void
test_masks (void)
{
  struct
  {
    const char *in, *phone, *id;
  } cases[] = {
    { "13800138000", "138****8000", "138001*8000" },
    { "11010519491231002X", "110***********002X", "110105********002X" },
    { "1234", "****", "****" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *phone = tz_mask_phone (cases[i].in);
      g_autofree char *id = tz_mask_id_number (cases[i].in);
      g_assert_cmpstr (phone, ==, cases[i].phone);
      g_assert_cmpstr (id, ==, cases[i].id);
    }
  g_assert_null (tz_mask_phone (NULL));
  g_assert_null (tz_mask_id_number (""));
}

static void
test_unit_link (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (TzPerson) linked = person ("王子祺", NULL, NULL);
  g_autoptr (TzPerson) free_text = person ("周灿", NULL, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (
      tz_db_exec (db, "INSERT INTO unit (id, name) VALUES (3, '黑龙江省总工会')", &error));
  linked->unit_name = g_strdup ("黑龙江省总工会");
  free_text->unit_name = g_strdup ("某某中学");
  g_assert_true (tz_person_save (db, linked, &error));
  g_assert_true (tz_person_save (db, free_text, &error));
  g_assert_cmpint (linked->unit_id, ==, 3);
  g_assert_cmpint (free_text->unit_id, ==, 0);
  g_assert_cmpstr (free_text->employer, ==, "某某中学");
}

static void
test_delete_with_entries_refused (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_exec (
      db,
      "INSERT INTO campaign (id, title) VALUES (1, 'c');"
      "INSERT INTO track (id, campaign_id, seq, name) VALUES (1, 1, 1, 't');"
      "INSERT INTO person (id, name) VALUES (1, '甲');"
      "INSERT INTO entry (campaign_id, track_id, title, person_id) VALUES (1, 1, '作品', 1);",
      &error));
  g_assert_false (tz_person_delete (db, 1, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 1);
  g_clear_error (&error);
  g_assert_false (tz_person_delete (db, 42, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_entry_duplicates (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = tz_test_tmpdir ();
  g_autofree char *file_a = g_build_filename (dir, "a.mp4", NULL);
  g_autofree char *file_b = g_build_filename (dir, "renamed.mp4", NULL);
  g_autoptr (TzEntry) first = tz_entry_new ();
  g_autoptr (TzEntry) again = tz_entry_new ();
  g_autoptr (TzEntry) works = tz_entry_new ();
  g_autoptr (TzEntry) copy = tz_entry_new ();

  g_assert_true (tz_db_exec (db,
                             "INSERT INTO campaign (id, title) VALUES (1, 'c');"
                             "INSERT INTO track (id, campaign_id, seq, name, entry_kind) VALUES "
                             "(1, 1, 1, '推荐', 'nomination'),"
                             "  (2, 1, 2, '作品', 'work');"
                             "INSERT INTO requirement (track_id, seq, key, value) VALUES (1, 1, "
                             "'max_summary_chars', '200');"
                             "INSERT INTO person (id, name) VALUES (1, '甲');",
                             &error));
  /* The same person twice in a nomination track. */
  first->track_id = again->track_id = 1;
  first->person_id = again->person_id = 1;
  first->title = g_strdup ("甲的事迹");
  again->title = g_strdup ("甲的另一份事迹");
  g_assert_true (tz_entry_save (db, first, &error));
  g_assert_no_error (error);
  g_assert_false (tz_entry_save (db, again, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* The same file under another name, in a works track where a person may enter twice. */
  g_assert_true (g_file_set_contents (file_a, "same bytes", -1, NULL));
  g_assert_true (g_file_set_contents (file_b, "same bytes", -1, NULL));
  works->track_id = copy->track_id = 2;
  works->person_id = copy->person_id = 1;
  works->title = g_strdup ("作品一");
  copy->title = g_strdup ("作品二");
  works->file_sha256 = tz_file_sha256 (file_a, &error);
  copy->file_sha256 = tz_file_sha256 (file_b, &error);
  g_assert_cmpstr (works->file_sha256, ==, copy->file_sha256);
  g_assert_true (tz_entry_save (db, works, &error));
  g_assert_false (tz_entry_save (db, copy, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "作品一"));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (file_b, "other bytes", -1, NULL));
  g_free (copy->file_sha256);
  copy->file_sha256 = tz_file_sha256 (file_b, &error);
  g_assert_true (tz_entry_save (db, copy, &error));
  g_assert_no_error (error);
}

static void
test_entry_summary_limit (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzEntry) e = tz_entry_new ();
  g_autoptr (GString) summary = g_string_new (NULL);

  g_assert_true (tz_db_exec (db,
                             "INSERT INTO campaign (id, title) VALUES (1, 'c');"
                             "INSERT INTO track (id, campaign_id, seq, name, entry_kind) VALUES "
                             "(1, 1, 1, '推荐', 'nomination');"
                             "INSERT INTO requirement (track_id, seq, key, value) VALUES (1, 1, "
                             "'max_summary_chars', '200');"
                             "INSERT INTO person (id, name) VALUES (1, '甲');",
                             &error));
  for (int i = 0; i < 300; i++)
    g_string_append (summary, "事");
  e->track_id = 1;
  e->person_id = 1;
  e->title = g_strdup ("事迹");
  e->summary = g_strdup (summary->str);
  g_assert_false (tz_entry_save (db, e, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM entry"), ==, 0);
  g_clear_error (&error);
  g_string_truncate (summary, 200 * 3);
  g_free (e->summary);
  e->summary = g_strdup (summary->str);
  g_assert_true (tz_entry_save (db, e, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/person/normalize-from-id", test_normalize_from_id);
  g_test_add_func ("/person/refused-nothing-saved", test_refused_and_nothing_saved);
  g_test_add_func ("/person/long-name", test_long_name_counted_in_characters);
  g_test_add_func ("/person/duplicate-id-number", test_duplicate_id_number);
  g_test_add_func ("/person/masks", test_masks);
  g_test_add_func ("/person/unit-link", test_unit_link);
  g_test_add_func ("/person/delete-with-entries", test_delete_with_entries_refused);
  g_test_add_func ("/entry/duplicates", test_entry_duplicates);
  g_test_add_func ("/entry/summary-limit", test_entry_summary_limit);

  return g_test_run ();
}
