/* test-models.c — the lazy list models of people and entries, and the core
 * functions behind the people and entries pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "tz-attachment.h"
#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-entry-model.h"
#include "tz-entry.h"
#include "tz-person-model.h"
#include "tz-person.h"
#include "tz-test-common.h"
#include "tz-unit.h"

/* What a list view hears. A reload signals only the rows added or removed at
 * the end; the items of the other rows notify their new content. */
typedef struct
{
  guint calls;
  guint position;       /* of the last call */
  guint removed, added; /* summed over the calls */
  guint n_items;        /* what the model held when the last call came */
} Changes;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Changes *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed += removed;
  changes->added += added;
  changes->n_items = g_list_model_get_n_items (model);
}

static void
changes_reset (Changes *changes)
{
  memset (changes, 0, sizeof *changes);
}

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* @n people named 人0000 … in one transaction; every seventh is a 张, in unit 1. */
static void
add_people (TzDb *db, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_true (tz_db_begin (db, &error));
  g_assert_true (tz_db_exec (
      db, "INSERT OR IGNORE INTO unit (id, name) VALUES (1, '哈尔滨市总工会')", &error));
  stmt = tz_db_prepare (db,
                        "INSERT INTO person (name, unit_id, employer, position, phone, id_number) "
                        "VALUES (?, ?, ?, '职工', ?, NULL)",
                        &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%04u", i % 7 == 0 ? "张" : "人", i);
      g_autofree char *phone = g_strdup_printf ("139%08u", i);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      if (i % 7 == 0)
        sqlite3_bind_int (stmt, 2, 1);
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_text (stmt, 3, i % 2 ? "电机厂" : "哈尔滨市总工会", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, phone, -1, SQLITE_TRANSIENT);
      g_assert_true (tz_db_step_done (db, stmt, &error));
      sqlite3_reset (stmt);
    }
  g_assert_true (tz_db_commit (db, &error));
  g_assert_no_error (error);
}

static char *
name_at (GListModel *model, guint position)
{
  g_autoptr (TzPersonItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  g_assert_cmpuint (tz_person_item_get_row (item), ==, position);
  return g_strdup (tz_person_item_get_name (item));
}

#define assert_name_at(model, position, expected)                                                  \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *name_ = name_at (G_LIST_MODEL (model), position);                             \
    g_assert_cmpstr (name_, ==, expected);                                                         \
  }                                                                                                \
  G_STMT_END

static void
test_person_model_pages (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (TzPersonModel) model = NULL;
  GListModel *list;

  add_people (db, 450);
  model = tz_person_model_new (db);
  list = G_LIST_MODEL (model);

  g_assert_true (g_list_model_get_item_type (list) == TZ_TYPE_PERSON_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 450);
  /* Counting reads no row. */
  g_assert_cmpuint (tz_person_model_get_pages_read (model), ==, 0);

  assert_name_at (list, 0, "张0000");
  g_assert_cmpuint (tz_person_model_get_pages_read (model), ==, 1);
  assert_name_at (list, 199, "人0199");
  g_assert_cmpuint (tz_person_model_get_pages_read (model), ==, 1);
  /* Across the page boundary, then the last, short page. */
  assert_name_at (list, 200, "人0200");
  g_assert_cmpuint (tz_person_model_get_pages_read (model), ==, 2);
  assert_name_at (list, 449, "人0449");
  g_assert_cmpuint (tz_person_model_get_pages_read (model), ==, 3);
  g_assert_null (g_list_model_get_item (list, 450));
  /* Cached: no new read, and the same object for the same row. */
  {
    g_autoptr (GObject) a = g_list_model_get_item (list, 10);
    g_autoptr (GObject) b = g_list_model_get_item (list, 10);
    g_assert_true (a == b);
  }
  g_assert_cmpuint (tz_person_model_get_pages_read (model), ==, 3);

  g_assert_cmpint (tz_person_model_find (model, 1), ==, 0);
  g_assert_cmpint (tz_person_model_find (model, 301), ==, 300);
  g_assert_cmpint (tz_person_model_find (model, 9999), ==, -1);
}

static void
test_person_model_item (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (TzPersonModel) model = NULL;
  g_autoptr (TzPersonItem) item = NULL;

  g_assert_true (
      tz_db_exec (db, "INSERT INTO unit (id, name) VALUES (1, '哈尔滨市总工会')", &error));
  p->name = g_strdup ("张三");
  p->id_number = g_strdup ("11010519491231002X");
  p->phone = g_strdup ("13800138000");
  p->unit_id = 1;
  p->employer = g_strdup ("哈尔滨电机厂");
  p->position = g_strdup ("车间主任");
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);

  model = tz_person_model_new (db);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (tz_person_item_get_id (item), ==, p->id);
  g_assert_cmpstr (tz_person_item_get_name (item), ==, "张三");
  g_assert_cmpstr (tz_person_item_get_gender (item), ==, "女");
  /* The stored values: masking is the view's business. */
  g_assert_cmpstr (tz_person_item_get_id_number (item), ==, "11010519491231002X");
  g_assert_cmpstr (tz_person_item_get_phone (item), ==, "13800138000");
  g_assert_cmpstr (tz_person_item_get_position (item), ==, "车间主任");
  g_assert_nonnull (strstr (tz_person_item_get_workplace (item), "哈尔滨电机厂"));
  g_assert_nonnull (strstr (tz_person_item_get_workplace (item), "哈尔滨市总工会"));
  g_assert_cmpstr (tz_person_item_get_person (item)->birth_date, ==, "1949-12");
}

static void
test_person_model_query (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (TzPersonModel) model = NULL;
  Changes changes = { 0 };
  guint notified = 0;

  add_people (db, 450);
  model = tz_person_model_new (db);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (count_cb), &notified);

  /* One character: a LIKE scan. 0, 7, … 448: 65 people; rows 65 … 449 go. */
  tz_person_model_set_query (model, "张");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 65);
  g_assert_cmpuint (changes.removed, ==, 385);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (changes.n_items, ==, 65);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 65);
  assert_name_at (G_LIST_MODEL (model), 1, "张0007");
  assert_name_at (G_LIST_MODEL (model), 64, "张0448");
  g_assert_cmpint (tz_person_model_find (model, 8), ==, 1);
  g_assert_cmpint (tz_person_model_find (model, 2), ==, -1);

  /* Three characters: the trigram index. The unit's name counts too. */
  changes_reset (&changes);
  tz_person_model_set_query (model, "哈尔滨");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 65);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 225 + 32 - 65);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 225 + 32);

  /* The same query again changes nothing; a blank one shows everyone. */
  changes_reset (&changes);
  tz_person_model_set_query (model, "哈尔滨");
  g_assert_cmpuint (changes.calls, ==, 0);
  tz_person_model_set_query (model, "  ");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.added, ==, 450 - 257);
  g_assert_cmpstr (tz_person_model_get_query (model), ==, "  ");

  /* Nothing found: every row goes. */
  changes_reset (&changes);
  tz_person_model_set_query (model, "不存在的人");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 450);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));
}

static void
test_person_model_follows_db (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPersonModel) model = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();
  Changes changes = { 0 };

  add_people (db, 5);
  model = tz_person_model_new (db);
  tz_person_model_set_query (model, "李");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  p->name = g_strdup ("李四");
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  assert_name_at (G_LIST_MODEL (model), 0, "李四");

  /* An edit shows at once, in the item a view holds: the same object, told
   * its new content, and no row removed or added. */
  {
    g_autoptr (TzPersonItem) held = g_list_model_get_item (G_LIST_MODEL (model), 0);
    guint notified = 0;

    g_assert_cmpstr (tz_person_item_get_name (held), ==, "李四");
    g_signal_connect (held, "notify::person", G_CALLBACK (count_cb), &notified);
    changes_reset (&changes);
    g_free (p->name);
    p->name = g_strdup ("李思");
    g_assert_true (tz_person_save (db, p, &error));
    g_assert_cmpuint (changes.calls, ==, 0);
    g_assert_cmpuint (notified, ==, 1);
    g_assert_cmpstr (tz_person_item_get_name (held), ==, "李思");
    {
      g_autoptr (TzPersonItem) again = g_list_model_get_item (G_LIST_MODEL (model), 0);
      g_assert_true (again == held);
    }
  }
  assert_name_at (G_LIST_MODEL (model), 0, "李思");

  /* A unit renamed changes what people are found by. */
  tz_person_model_set_query (model, "冰城");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (tz_db_exec (db, "UPDATE unit SET name = '冰城市总工会' WHERE id = 1", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Other tables leave the model alone. */
  changes_reset (&changes);
  g_assert_true (tz_db_exec (db, "INSERT INTO campaign (title) VALUES ('c')", &error));
  g_assert_cmpuint (changes.calls, ==, 0);

  /* Deleted: gone from the list. */
  tz_person_model_set_query (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 6);
  g_assert_true (tz_person_delete (db, p->id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);

  /* An explicit refresh tells the held items; an item whose row went keeps
   * what it showed, outside the model. */
  {
    g_autoptr (TzPersonItem) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr (TzPersonItem) last = g_list_model_get_item (G_LIST_MODEL (model), 4);
    guint notified = 0;

    g_assert_cmpstr (tz_person_item_get_name (last), ==, "人0004");
    g_signal_connect (first, "notify::person", G_CALLBACK (count_cb), &notified);
    changes_reset (&changes);
    tz_person_model_refresh (model);
    g_assert_cmpuint (changes.calls, ==, 0);
    g_assert_cmpuint (notified, ==, 1);

    tz_person_model_set_query (model, "张");
    g_assert_cmpuint (changes.calls, ==, 1);
    g_assert_cmpuint (changes.position, ==, 1);
    g_assert_cmpuint (changes.removed, ==, 4);
    g_assert_cmpuint (notified, ==, 2);
    g_assert_cmpstr (tz_person_item_get_name (first), ==, "张0000");
    g_assert_cmpstr (tz_person_item_get_name (last), ==, "人0004");
    g_clear_object (&model); /* held items outlive their model */
    g_assert_cmpstr (tz_person_item_get_name (first), ==, "张0000");
  }
}

static void
test_person_model_finalized (void)
{
  TzDb *db = tz_test_open_db ();
  TzPersonModel *model = tz_person_model_new (db);
  g_autoptr (GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &db);
  g_assert_finalize_object (model);
  /* The model let go of the database and of its "changed" handler. */
  g_assert_true (tz_db_exec (db, "INSERT INTO person (name) VALUES ('甲')", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);
}

static void
test_person_get_many (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GArray) ids = NULL;
  const gint64 wanted[] = { 5, 2, 999, 3 };

  add_people (db, 10);
  people = tz_person_get_many (db, wanted, G_N_ELEMENTS (wanted), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_cmpint (((TzPerson *) people->pdata[0])->id, ==, 5);
  g_assert_cmpint (((TzPerson *) people->pdata[1])->id, ==, 2);
  g_assert_cmpint (((TzPerson *) people->pdata[2])->id, ==, 3);
  g_assert_cmpstr (((TzPerson *) people->pdata[2])->unit_name, ==, NULL);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = tz_person_get_many (db, NULL, 0, &error);
  g_assert_cmpuint (people->len, ==, 0);

  ids = tz_person_search_ids (db, "张", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2); /* 张0000, 张0007 */
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 8);
  g_assert_cmpint (tz_person_count (db, "张", &error), ==, ids->len);
}

typedef struct
{
  TzPersonField field;
  const char *name, *gender, *birth, *id_number, *phone, *email, *note;
  gboolean ok;
  const char *message; /* what the message must hold */
} FieldCase;

static void
test_person_check_field (void)
{
  static const FieldCase cases[] = {
    { TZ_PERSON_FIELD_NAME, "张三", NULL, NULL, NULL, NULL, NULL, NULL, TRUE, NULL },
    { TZ_PERSON_FIELD_NAME, "  ", NULL, NULL, NULL, NULL, NULL, NULL, FALSE, "Name" },
    { TZ_PERSON_FIELD_PHONE, NULL, NULL, NULL, NULL, "+86 138-0013-8000", NULL, NULL, TRUE, NULL },
    { TZ_PERSON_FIELD_PHONE, NULL, NULL, NULL, NULL, "12800138000", NULL, NULL, FALSE, "Mobile" },
    { TZ_PERSON_FIELD_PHONE, NULL, NULL, NULL, NULL, "", NULL, NULL, TRUE, NULL },
    { TZ_PERSON_FIELD_EMAIL, NULL, NULL, NULL, NULL, NULL, "a@b", NULL, FALSE, "E-mail" },
    { TZ_PERSON_FIELD_ID_NUMBER, NULL, NULL, NULL, "11010519491231002x", NULL, NULL, NULL, TRUE,
      NULL },
    { TZ_PERSON_FIELD_ID_NUMBER, NULL, "男", NULL, "11010519491231002X", NULL, NULL, NULL, FALSE,
      "ID number" },
    /* A gender that is wrong itself is its own field's problem, not the number's. */
    { TZ_PERSON_FIELD_ID_NUMBER, NULL, "未知", NULL, "11010519491231002X", NULL, NULL, NULL, TRUE,
      NULL },
    { TZ_PERSON_FIELD_ID_NUMBER, NULL, NULL, "1950-01", "11010519491231002X", NULL, NULL, NULL,
      FALSE, "ID number" },
    { TZ_PERSON_FIELD_ID_NUMBER, NULL, NULL, NULL, "110105194912310021", NULL, NULL, NULL, FALSE,
      "ID number" },
    { TZ_PERSON_FIELD_BIRTH_DATE, NULL, NULL, "2023-02-30", NULL, NULL, NULL, NULL, FALSE,
      "Date of birth" },
    { TZ_PERSON_FIELD_GENDER, NULL, "未知", NULL, NULL, NULL, NULL, NULL, FALSE, "Gender" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FieldCase *c = &cases[i];
      g_autoptr (TzPerson) p = tz_person_new ();
      g_autoptr (GError) error = NULL;
      gboolean ok;

      p->name = g_strdup (c->name);
      p->gender = g_strdup (c->gender);
      p->birth_date = g_strdup (c->birth);
      p->id_number = g_strdup (c->id_number);
      p->phone = g_strdup (c->phone);
      p->email = g_strdup (c->email);
      g_test_message ("case %u", i);
      ok = tz_person_check_field (p, c->field, &error);
      g_assert_cmpint (ok, ==, c->ok);
      if (c->ok)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, c->message));
        }
    }

  /* The length limits, counted in characters. */
  {
    g_autoptr (TzPerson) p = tz_person_new ();
    g_autoptr (GString) note = g_string_new (NULL);
    g_autoptr (GError) error = NULL;

    for (int i = 0; i < TZ_PERSON_MAX_NOTE; i++)
      g_string_append (note, "注");
    p->note = g_strdup (note->str);
    g_assert_true (tz_person_check_field (p, TZ_PERSON_FIELD_NOTE, &error));
    g_free (p->note);
    p->note = g_strconcat (note->str, "注", NULL);
    g_assert_false (tz_person_check_field (p, TZ_PERSON_FIELD_NOTE, &error));
    g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  }
}

static char *
write_png (const char *name, guint8 shade)
{
  /* A 1×1 PNG; the shade changes one byte of the data, so contents differ. */
  static const guint8 png[] = { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00,
                                0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
                                0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
                                0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41,
                                0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03,
                                0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00,
                                0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82, 0x00 };
  g_autoptr (GError) error = NULL;
  char *path = tz_test_tmpfile (name);
  g_autofree guint8 *data = g_memdup2 (png, sizeof png);

  data[sizeof png - 1] = shade; /* a trailing byte after IEND: still a PNG */
  g_assert_true (g_file_set_contents (path, (const char *) data, sizeof png, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_person_photo (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (TzPerson) bad = tz_person_new ();
  g_autofree char *first = write_png ("first.png", 1);
  g_autofree char *second = write_png ("second.png", 2);
  g_autofree char *text = tz_test_tmpfile ("photo.png");
  g_autofree char *stored = NULL;
  g_autofree char *stored2 = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (text, "not a picture", -1, NULL));
  g_assert_false (tz_person_check_photo (text, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tz_person_check_photo (first, &error));

  /* Saved with the person, in one transaction. */
  p->name = g_strdup ("张三");
  g_assert_true (tz_person_save_with_photo (db, p, first, &error));
  g_assert_no_error (error);
  stored = tz_person_get_photo (db, p->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (g_file_get_contents (stored, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 70);
  g_assert_cmpint (contents[69], ==, 1);

  /* Replaced: one photo, the new one, and the old file is gone. */
  g_assert_true (tz_person_set_photo (db, p->id, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM attachment WHERE kind = 'photo'"),
                   ==, 1);
  stored2 = tz_person_get_photo (db, p->id, &error);
  g_assert_cmpstr (stored2, !=, stored);
  g_assert_true (g_file_test (stored2, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));

  /* An invalid person with a photo: nothing written, and no id taken. */
  bad->name = g_strdup ("李四");
  bad->phone = g_strdup ("123");
  g_assert_false (tz_person_save_with_photo (db, bad, first, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bad->id, ==, 0);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM attachment"), ==, 1);

  /* A person without a photo. */
  {
    g_autoptr (TzPerson) other = tz_person_new ();
    g_autofree char *none = NULL;

    other->name = g_strdup ("王五");
    g_assert_true (tz_person_save_with_photo (db, other, NULL, &error));
    none = tz_person_get_photo (db, other->id, &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }
}

/* The Heilongjiang campaign as shipped; returns its id. */
static gint64
import_hlj (TzDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  gint64 id = tz_campaign_import_file (db, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static TzEntryTrack *
track_named (GPtrArray *tracks, const char *part)
{
  for (guint i = 0; i < tracks->len; i++)
    if (strstr (((TzEntryTrack *) tracks->pdata[i])->name, part) != NULL)
      return tracks->pdata[i];
  g_assert_not_reached ();
}

static void
test_entry_tracks (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 campaign_id = import_hlj (db);
  g_autoptr (GPtrArray) tracks = tz_entry_list_tracks (db, campaign_id, &error);
  g_autoptr (TzEntryTrack) one = NULL;
  TzEntryTrack *story, *footprints, *saving;

  g_assert_no_error (error);
  g_assert_cmpuint (tracks->len, ==, 5);
  footprints = tracks->pdata[0];
  g_assert_nonnull (strstr (footprints->name, "龙江红色足迹打卡"));
  g_assert_cmpstr (footprints->entrant_kind, ==, "unit_or_team");
  g_assert_true (tz_entry_track_takes_unit (footprints));
  g_assert_false (tz_entry_track_takes_person (footprints));
  g_assert_cmpint (footprints->requirements->max_duration_seconds, ==, 60);
  g_assert_cmpuint (g_strv_length (footprints->opinion_levels), ==, 0);

  story = track_named (tracks, "讲述奋进故事");
  g_assert_cmpstr (story->entry_kind, ==, "nomination");
  g_assert_cmpstr (story->form, ==, "personal");
  g_assert_cmpint (story->requirements->max_summary_chars, ==, 200);
  g_assert_cmpuint (g_strv_length (story->opinion_levels), ==, 3);
  g_assert_cmpstr (story->opinion_levels[0], ==, "推荐单位意见");
  g_assert_cmpstr (story->opinion_levels[2], ==, "省总工会主管部门意见");

  saving = track_named (tracks, "光盘");
  g_assert_true (tz_entry_track_takes_person (saving) && tz_entry_track_takes_unit (saving));

  one = tz_entry_get_track (db, story->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (one->name, ==, story->name);
  g_assert_null (tz_entry_get_track (db, 9999, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

/* A person of the story track's form. */
static gint64
add_person (TzDb *db, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();

  p->name = g_strdup (name);
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
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

static TzOpinion *
opinion (int level, const char *level_name, const char *text, const char *date)
{
  TzOpinion *o = tz_opinion_new ();

  o->level = level;
  o->level_name = g_strdup (level_name);
  o->text = g_strdup (text);
  o->signed_on = g_strdup (date);
  return o;
}

static void
test_entry_opinions (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 campaign_id = import_hlj (db);
  g_autoptr (GPtrArray) tracks = tz_entry_list_tracks (db, campaign_id, &error);
  TzEntryTrack *story = track_named (tracks, "讲述奋进故事");
  g_autoptr (TzEntry) e = tz_entry_new ();
  g_autoptr (TzEntry) back = NULL;
  g_autoptr (GPtrArray) opinions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
  g_autoptr (GPtrArray) read = NULL;
  gint64 harbin = unit_id (db, "哈尔滨市总工会");

  e->track_id = story->id;
  e->title = g_strdup ("王师傅的创新故事");
  e->person_id = add_person (db, "王师傅");
  e->recommending_unit_id = harbin;
  e->summary = g_strdup ("三十年扎根一线。");
  g_ptr_array_add (opinions, opinion (1, story->opinion_levels[0], "同意推荐。", "2022-10-15"));
  ((TzOpinion *) opinions->pdata[0])->unit_id = harbin;
  ((TzOpinion *) opinions->pdata[0])->signer = g_strdup ("李主席");
  g_ptr_array_add (opinions, opinion (2, story->opinion_levels[1], NULL, NULL)); /* empty */
  g_assert_true (tz_entry_save_with_opinions (db, e, opinions, &error));
  g_assert_no_error (error);
  g_assert_cmpint (e->id, >, 0);

  read = tz_entry_get_opinions (db, e->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);
  g_assert_cmpstr (((TzOpinion *) read->pdata[0])->text, ==, "同意推荐。");
  g_assert_cmpstr (((TzOpinion *) read->pdata[0])->signed_on, ==, "2022-10-15");
  g_assert_cmpstr (((TzOpinion *) read->pdata[0])->signer, ==, "李主席");
  g_assert_cmpstr (((TzOpinion *) read->pdata[0])->unit_name, ==, "哈尔滨市总工会");
  g_assert_cmpstr (((TzOpinion *) read->pdata[0])->level_name, ==, "推荐单位意见");
  g_clear_pointer (&read, g_ptr_array_unref);

  back = tz_entry_get (db, e->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->title, ==, "王师傅的创新故事");
  g_assert_cmpstr (back->entrant_name, ==, "王师傅");
  g_assert_cmpstr (back->recommending_unit_name, ==, "哈尔滨市总工会");
  g_assert_cmpstr (back->status, ==, "draft");

  /* A bad date in the second level: nothing written, not even the title change. */
  g_free (e->title);
  e->title = g_strdup ("改过的标题");
  g_free (((TzOpinion *) opinions->pdata[1])->signed_on);
  ((TzOpinion *) opinions->pdata[1])->signed_on = g_strdup ("2022-02-30");
  g_assert_false (tz_entry_save_with_opinions (db, e, opinions, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "市(地)总工会主管部门意见"));
  g_clear_error (&error);
  g_clear_pointer (&back, tz_entry_free);
  back = tz_entry_get (db, e->id, &error);
  g_assert_cmpstr (back->title, ==, "王师傅的创新故事");

  /* Emptied: the first level's opinion goes, the second is written. */
  g_free (((TzOpinion *) opinions->pdata[0])->text);
  ((TzOpinion *) opinions->pdata[0])->text = NULL;
  g_clear_pointer (&((TzOpinion *) opinions->pdata[0])->signed_on, g_free);
  g_clear_pointer (&((TzOpinion *) opinions->pdata[0])->signer, g_free);
  ((TzOpinion *) opinions->pdata[0])->unit_id = 0;
  g_free (((TzOpinion *) opinions->pdata[1])->signed_on);
  ((TzOpinion *) opinions->pdata[1])->signed_on = g_strdup ("2022-10-18");
  g_assert_true (tz_entry_save_with_opinions (db, e, opinions, &error));
  g_assert_no_error (error);
  read = tz_entry_get_opinions (db, e->id, &error);
  g_assert_cmpuint (read->len, ==, 1);
  g_assert_cmpint (((TzOpinion *) read->pdata[0])->level, ==, 2);

  /* A new entry whose opinion fails takes no id and leaves no row. */
  {
    g_autoptr (TzEntry) fresh = tz_entry_new ();
    g_autoptr (GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
    gint64 before = tz_test_query_int (db, "SELECT count(*) FROM entry");

    fresh->track_id = story->id;
    fresh->title = g_strdup ("另一个故事");
    fresh->person_id = add_person (db, "赵师傅");
    g_ptr_array_add (bad, opinion (1, story->opinion_levels[0], "同意", "not a date"));
    g_assert_false (tz_entry_save_with_opinions (db, fresh, bad, &error));
    g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (fresh->id, ==, 0);
    g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM entry"), ==, before);
  }
}

static void
test_entry_status_and_file (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 campaign_id = import_hlj (db);
  g_autoptr (GPtrArray) tracks = tz_entry_list_tracks (db, campaign_id, &error);
  TzEntryTrack *story = track_named (tracks, "讲述奋进故事");
  g_autoptr (TzEntry) a = tz_entry_new ();
  g_autoptr (TzEntry) b = tz_entry_new ();
  g_autoptr (TzEntry) back = NULL;
  g_autofree char *video = tz_test_tmpfile ("作品.mp4");
  gint64 person = add_person (db, "王师傅");

  g_assert_true (g_file_set_contents (video, "0123456789", 10, NULL));
  g_assert_true (tz_entry_set_work_file (a, video, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->file_size, ==, 10);
  g_assert_cmpstr (a->file_format, ==, "MP4");
  g_assert_cmpuint (strlen (a->file_sha256), ==, 64);
  g_assert_false (tz_entry_set_work_file (b, "/nonexistent/file.mp4", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  a->track_id = b->track_id = story->id;
  a->person_id = b->person_id = person;
  a->title = g_strdup ("甲");
  b->title = g_strdup ("乙");
  g_assert_true (tz_entry_save (db, a, &error));
  /* The same person twice in a nomination track … */
  g_assert_false (tz_entry_save (db, b, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* … unless the first is withdrawn; and it cannot come back while the second stands. */
  g_assert_true (tz_entry_set_status (db, a->id, "withdrawn", &error));
  g_assert_no_error (error);
  g_assert_true (tz_entry_save (db, b, &error));
  g_assert_false (tz_entry_set_status (db, a->id, "submitted", &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (tz_entry_set_status (db, a->id, "lost", &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  back = tz_entry_get (db, a->id, &error);
  g_assert_cmpstr (back->status, ==, "withdrawn");
  g_assert_null (tz_entry_get (db, 9999, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);

  g_assert_cmpstr (tz_entry_status_label ("not_selected"), ==, "Not selected");
  g_assert_cmpstr (tz_entry_status_label ("odd"), ==, "odd");
  g_assert_cmpuint (g_strv_length ((char **) tz_entry_statuses ()), ==, 7);
}

static void
test_entry_model (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 campaign_id = import_hlj (db);
  g_autoptr (GPtrArray) tracks = tz_entry_list_tracks (db, campaign_id, &error);
  TzEntryTrack *talent = track_named (tracks, "网络达人");
  TzEntryTrack *footprints = tracks->pdata[0];
  g_autoptr (TzEntryModel) model = NULL;
  g_autoptr (TzEntryItem) item = NULL;
  g_autoptr (TzEntryItem) long_item = NULL;
  gint64 harbin = unit_id (db, "哈尔滨市总工会");
  Changes changes = { 0 };

  /* 250 works in the talent track; the 100th is three minutes long (the limit is two). */
  for (guint i = 0; i < 250; i++)
    {
      g_autoptr (TzEntry) e = tz_entry_new ();
      g_autofree char *name = g_strdup_printf ("作者%03u", i);

      e->track_id = talent->id;
      e->title = g_strdup_printf ("%s才艺展示", i % 10 == 0 ? "红歌" : "舞蹈");
      e->person_id = add_person (db, name);
      e->recommending_unit_id = harbin;
      e->duration_seconds = i == 100 ? 180 : 90;
      g_assert_true (tz_entry_save (db, e, &error));
      g_assert_no_error (error);
    }

  model = tz_entry_model_new (db, campaign_id, talent->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 250);
  g_assert_cmpuint (tz_entry_model_get_pages_read (model), ==, 0);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (tz_entry_item_get_title (item), ==, "红歌才艺展示");
  g_assert_cmpstr (tz_entry_item_get_entrant (item), ==, "作者000");
  g_assert_cmpstr (tz_entry_item_get_recommending_unit (item), ==, "哈尔滨市总工会");
  g_assert_cmpstr (tz_entry_item_get_status (item), ==, "draft");
  g_assert_cmpstr (tz_entry_item_get_status_label (item), ==, "Draft");
  g_assert_cmpuint (tz_entry_item_get_failures (item)->len, ==, 0);
  long_item = g_list_model_get_item (G_LIST_MODEL (model), 100);
  g_assert_cmpuint (tz_entry_item_get_failures (long_item)->len, ==, 1);
  g_assert_cmpuint (tz_entry_model_get_pages_read (model), ==, 1);
  {
    g_autoptr (TzEntryItem) last = g_list_model_get_item (G_LIST_MODEL (model), 249);
    g_assert_cmpstr (tz_entry_item_get_entrant (last), ==, "作者249");
    g_assert_cmpuint (tz_entry_model_get_pages_read (model), ==, 2);
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 250));
  g_assert_cmpint (tz_entry_model_find (model, tz_entry_item_get_id (long_item)), ==, 100);

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  /* Two characters, then three; then another track. */
  tz_entry_model_set_query (model, "红歌");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 25);
  g_assert_cmpuint (changes.removed, ==, 225);
  g_assert_cmpuint (changes.added, ==, 0);
  tz_entry_model_set_query (model, "作者24");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  tz_entry_model_set_query (model, NULL);
  tz_entry_model_set_track_id (model, footprints->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpint (tz_entry_model_get_track_id (model), ==, footprints->id);

  /* A unit's entry in the footprints track appears as it is saved. */
  {
    g_autoptr (TzEntry) e = tz_entry_new ();

    e->track_id = footprints->id;
    e->title = g_strdup ("红色足迹");
    e->entrant_unit_id = harbin;
    e->recommending_unit_id = harbin;
    changes_reset (&changes);
    g_assert_true (tz_entry_save (db, e, &error));
    g_assert_cmpuint (changes.calls, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  }

  /* All tracks of the campaign. */
  tz_entry_model_set_track_id (model, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 251);
  g_assert_cmpint (tz_entry_count (db, campaign_id, 0, NULL, &error), ==, 251);
  g_assert_cmpint (tz_entry_count (db, campaign_id + 1, talent->id, NULL, &error), ==, 0);
  g_assert_cmpint (tz_entry_count (db, 0, talent->id, "红歌", &error), ==, 25);

  /* A requirement changed is seen at the next reload. */
  g_assert_true (
      tz_db_exec (db, "DELETE FROM requirement WHERE key = 'max_duration_seconds'", &error));
  g_clear_object (&long_item);
  long_item = g_list_model_get_item (G_LIST_MODEL (model), 100);
  g_assert_cmpuint (tz_entry_item_get_failures (long_item)->len, ==, 0);
}

static void
test_entry_check_field (void)
{
  g_autoptr (TzEntry) e = tz_entry_new ();
  g_autoptr (TzWorkRequirements) req = tz_work_requirements_new ();
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_work_requirements_set (req, "max_summary_chars", "200", &error));

  /* Title: required, 100 characters. */
  g_assert_false (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_TITLE, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);
  e->title = g_strdup ("  ");
  g_assert_false (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_TITLE, NULL));
  g_free (e->title);
  e->title = g_strdup ("诵读《红岩》");
  g_assert_true (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_TITLE, &error));

  /* Exactly one entrant. */
  g_assert_false (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_ENTRANT, &error));
  g_assert_nonnull (strstr (error->message, "Entrant"));
  g_clear_error (&error);
  e->person_id = 3;
  g_assert_true (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_ENTRANT, NULL));
  e->entrant_unit_id = 4;
  g_assert_false (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_ENTRANT, NULL));

  /* The track's summary limit, in characters; without the track, only the general one. */
  for (int i = 0; i < 201; i++)
    g_string_append (summary, "事");
  e->summary = g_strdup (summary->str);
  g_assert_false (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_SUMMARY, &error));
  g_assert_nonnull (strstr (error->message, "200"));
  g_clear_error (&error);
  g_assert_true (tz_entry_check_field (e, NULL, TZ_ENTRY_FIELD_SUMMARY, NULL));
  g_string_truncate (summary, 200 * 3);
  g_free (e->summary);
  e->summary = g_strdup (summary->str);
  g_assert_true (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_SUMMARY, NULL));

  e->status = g_strdup ("lost");
  g_assert_false (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_STATUS, NULL));
  e->submitted_on = g_strdup ("2022-02-30");
  g_assert_false (tz_entry_check_field (e, req, TZ_ENTRY_FIELD_SUBMITTED_ON, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/person/pages", test_person_model_pages);
  g_test_add_func ("/models/person/item", test_person_model_item);
  g_test_add_func ("/models/person/query", test_person_model_query);
  g_test_add_func ("/models/person/follows-db", test_person_model_follows_db);
  g_test_add_func ("/models/person/finalized", test_person_model_finalized);
  g_test_add_func ("/person/get-many", test_person_get_many);
  g_test_add_func ("/person/check-field", test_person_check_field);
  g_test_add_func ("/person/photo", test_person_photo);
  g_test_add_func ("/entry/check-field", test_entry_check_field);
  g_test_add_func ("/entry/tracks", test_entry_tracks);
  g_test_add_func ("/entry/opinions", test_entry_opinions);
  g_test_add_func ("/entry/status-and-file", test_entry_status_and_file);
  g_test_add_func ("/models/entry", test_entry_model);

  return g_test_run ();
}
