/* test-unit.c — the unit tree: get, check, create, update, move, delete, campaigns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tz-campaign-file.h"
#include "tz-test-common.h"
#include "tz-unit.h"

#define PROVINCE "黑龙江省总工会"
#define HARBIN   "哈尔滨市总工会"
#define QIQIHAR  "齐齐哈尔市总工会"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
} Fixture;

/* A database with the Heilongjiang notice imported: the province federation,
 * its office and 13 city federations. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);

  f->db = tz_test_open_db ();
  f->campaign_id = tz_campaign_import_file (f->db, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->campaign_id, >, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->db);
}

static gint64
unit_id (Fixture *f, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (tz_unit_resolve (f->db, 0, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
parent_of (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzUnitDetails) unit = tz_unit_get (f->db, id, &error);

  g_assert_no_error (error);
  return unit->parent_id;
}

static gint64
count (Fixture *f, const char *sql)
{
  return tz_test_query_int (f->db, sql);
}

static void
assert_message_has (const GError *error, const char *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

static void
test_get (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzUnitDetails) harbin = tz_unit_get (f->db, unit_id (f, HARBIN), &error);
  g_autoptr (TzUnitDetails) province = NULL;
  g_autoptr (TzUnitDetails) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (harbin->name, ==, HARBIN);
  g_assert_cmpstr (harbin->kind, ==, "federation");
  g_assert_cmpstr (harbin->parent_name, ==, PROVINCE);
  g_assert_cmpint (harbin->parent_id, ==, unit_id (f, PROVINCE));
  g_assert_null (harbin->short_name);
  g_assert_null (harbin->address);

  province = tz_unit_get (f->db, harbin->parent_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (province->short_name, ==, "省总工会");
  g_assert_cmpint (province->parent_id, ==, 0);
  g_assert_null (province->parent_name);

  missing = tz_unit_get (f->db, 999999, &error);
  g_assert_null (missing);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_labels (void)
{
  const char *const *kinds = tz_unit_kinds ();

  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 10);
  g_assert_cmpstr (kinds[0], ==, "federation");
  g_assert_cmpstr (tz_unit_kind_label ("federation"), ==, "Trade union federation");
  g_assert_cmpstr (tz_unit_kind_label ("industry_union"), ==, "Industry union");
  g_assert_cmpstr (tz_unit_kind_label (NULL), ==, "Other");
  g_assert_cmpstr (tz_unit_kind_label ("city_union"), ==, "city_union");
  g_assert_true (g_strv_contains (tz_unit_roles (), "issuer"));
  g_assert_cmpstr (tz_unit_role_label ("participant"), ==, "Participant");
}

static void
test_update (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzUnitDetails) unit = tz_unit_get (f->db, unit_id (f, HARBIN), &error);
  g_autoptr (TzUnitDetails) back = NULL;
  g_autofree char *long_name = NULL;
  gint64 audit_before = count (f, "SELECT count(*) FROM audit_log WHERE tbl = 'unit'");
  const char *field = NULL;

  g_assert_no_error (error);

  /* Every field is written, trimmed; an empty field is cleared. */
  g_free (unit->name);
  unit->name = g_strdup ("  哈尔滨市总工会（市总）  ");
  unit->short_name = g_strdup ("哈市总工会");
  unit->region = g_strdup ("哈尔滨市");
  unit->school_level = g_strdup ("  ");
  unit->address = g_strdup ("哈尔滨市道里区");
  unit->phone = g_strdup ("0451-12345678");
  unit->note = g_strdup ("13 个市（地）之一");
  g_free (unit->kind);
  unit->kind = g_strdup ("institution");
  unit->parent_id = 0; /* ignored: tz_unit_move changes the parent */
  g_assert_true (tz_unit_check (f->db, unit, &field, &error));
  g_assert_no_error (error);
  g_assert_null (field);
  g_assert_true (tz_unit_update (f->db, unit, &error));
  g_assert_no_error (error);

  back = tz_unit_get (f->db, unit->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "哈尔滨市总工会（市总）");
  g_assert_cmpstr (back->short_name, ==, "哈市总工会");
  g_assert_cmpstr (back->region, ==, "哈尔滨市");
  g_assert_null (back->school_level);
  g_assert_cmpstr (back->address, ==, "哈尔滨市道里区");
  g_assert_cmpstr (back->phone, ==, "0451-12345678");
  g_assert_cmpstr (back->note, ==, "13 个市（地）之一");
  g_assert_cmpstr (back->kind, ==, "institution");
  g_assert_cmpstr (back->parent_name, ==, PROVINCE);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE tbl = 'unit'"), ==,
                   audit_before + 1);

  /* The name is required … */
  g_free (back->name);
  back->name = g_strdup (" \t");
  g_assert_false (tz_unit_check (f->db, back, &field, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "name");
  g_clear_error (&error);
  g_assert_false (tz_unit_update (f->db, back, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);

  /* … at most 100 characters, counted as characters … */
  g_free (back->name);
  long_name = g_strnfill (100, 'x');
  back->name = g_strdup (long_name);
  g_assert_true (tz_unit_check (f->db, back, &field, &error));
  g_assert_no_error (error);
  g_free (back->name);
  back->name = g_strjoin (NULL, "工会", long_name, NULL); /* 102 characters */
  g_assert_false (tz_unit_update (f->db, back, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  assert_message_has (error, "100");
  g_clear_error (&error);
  g_free (back->name);
  back->name =
      g_strjoin (NULL, "工", "会会会会会会会会会会会会会会会会会会会会会会会会会会会会会会会",
                 NULL); /* 32 characters, 96 bytes */
  g_assert_true (tz_unit_check (f->db, back, NULL, &error));
  g_assert_no_error (error);

  /* … and unique under its parent: a friendly refusal, not a constraint error. */
  g_free (back->name);
  back->name = g_strdup (QIQIHAR);
  g_assert_false (tz_unit_check (f->db, back, &field, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_assert_cmpstr (field, ==, "name");
  assert_message_has (error, PROVINCE);
  assert_message_has (error, QIQIHAR);
  g_clear_error (&error);
  g_assert_false (tz_unit_update (f->db, back, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Other limits name their field. */
  g_free (back->name);
  back->name = g_strdup (HARBIN);
  g_free (back->address);
  back->address = g_strnfill (201, 'a');
  g_assert_false (tz_unit_check (f->db, back, &field, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "address");
  g_clear_error (&error);
  g_clear_pointer (&back->address, g_free);
  g_free (back->kind);
  back->kind = g_strdup ("DROP TABLE");
  g_assert_false (tz_unit_check (f->db, back, &field, &error));
  g_assert_cmpstr (field, ==, "kind");
  g_clear_error (&error);

  /* Nothing of the refused updates was written. */
  g_clear_pointer (&back, tz_unit_details_free);
  back = tz_unit_get (f->db, unit->id, &error);
  g_assert_cmpstr (back->name, ==, "哈尔滨市总工会（市总）");
  g_assert_cmpstr (back->kind, ==, "institution");
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE tbl = 'unit'"), ==,
                   audit_before + 1);
}

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzUnitDetails) unit = tz_unit_details_new ();
  g_autoptr (GPtrArray) list = NULL;
  gint64 harbin = unit_id (f, HARBIN);
  gint64 id = 0;
  gint64 other = 0;
  TzUnit *last;

  unit->parent_id = harbin;
  unit->name = g_strdup ("哈尔滨市第一中学工会");
  unit->kind = g_strdup ("school");
  unit->school_level = g_strdup ("高中");
  g_assert_true (tz_unit_create (f->db, unit, f->campaign_id, NULL, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* It is in the campaign, under Harbin, as a participant. */
  list = tz_unit_list (f->db, f->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 16);
  last = NULL;
  for (guint i = 0; i < list->len; i++)
    if (((TzUnit *) list->pdata[i])->id == id)
      last = list->pdata[i];
  g_assert_nonnull (last);
  g_assert_cmpint (last->parent_id, ==, harbin);
  g_assert_cmpuint (last->depth, ==, 2);
  g_assert_cmpstr (last->role, ==, "participant");
  g_assert_cmpstr (last->kind, ==, "school");

  /* The same name under the same parent is refused (tz_unit_add would find it). */
  g_assert_false (tz_unit_create (f->db, unit, 0, NULL, &other, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  assert_message_has (error, HARBIN);
  g_clear_error (&error);
  g_assert_cmpint (other, ==, 0);

  /* Under another parent it is another unit; a bad role is refused first. */
  unit->parent_id = unit_id (f, QIQIHAR);
  g_assert_false (tz_unit_create (f->db, unit, f->campaign_id, "boss", &other, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tz_unit_create (f->db, unit, 0, NULL, &other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (other, !=, id);
  g_assert_cmpint (count (f, "SELECT count(*) FROM unit"), ==, 17);

  /* A parent that does not exist. */
  unit->parent_id = 999999;
  g_assert_false (tz_unit_create (f->db, unit, 0, NULL, &other, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f, "SELECT count(*) FROM unit"), ==, 17);
}

static void
test_move (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzUnitDetails) unit = tz_unit_details_new ();
  gint64 province = unit_id (f, PROVINCE);
  gint64 harbin = unit_id (f, HARBIN);
  gint64 qiqihar = unit_id (f, QIQIHAR);
  gint64 school = 0;
  gint64 twin = 0;

  unit->parent_id = harbin;
  unit->name = g_strdup ("第一中学工会");
  g_assert_true (tz_unit_create (f->db, unit, 0, NULL, &school, &error));
  g_assert_no_error (error);

  /* Under itself, under its child, under its grandchild: refused, nothing moves. */
  g_assert_false (tz_unit_move (f->db, harbin, harbin, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  assert_message_has (error, HARBIN);
  g_clear_error (&error);
  g_assert_false (tz_unit_move (f->db, province, harbin, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  assert_message_has (error, PROVINCE);
  assert_message_has (error, HARBIN);
  g_clear_error (&error);
  g_assert_false (tz_unit_move (f->db, province, school, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (parent_of (f, province), ==, 0);
  g_assert_cmpint (parent_of (f, harbin), ==, province);

  /* Moving the school to Qiqihar, then to the top, and back. */
  g_assert_true (tz_unit_move (f->db, school, qiqihar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (parent_of (f, school), ==, qiqihar);
  g_assert_true (tz_unit_move (f->db, school, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (parent_of (f, school), ==, 0);
  g_assert_true (tz_unit_move (f->db, school, harbin, &error));
  g_assert_no_error (error);
  g_assert_true (tz_unit_move (f->db, school, harbin, &error)); /* already there */
  g_assert_no_error (error);

  /* A unit of the same name at the destination: a friendly refusal. */
  unit->parent_id = qiqihar;
  g_assert_true (tz_unit_create (f->db, unit, 0, NULL, &twin, &error));
  g_assert_no_error (error);
  g_assert_false (tz_unit_move (f->db, school, qiqihar, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  assert_message_has (error, QIQIHAR);
  g_clear_error (&error);
  g_assert_cmpint (parent_of (f, school), ==, harbin);

  /* Units that do not exist. */
  g_assert_false (tz_unit_move (f->db, school, 999999, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tz_unit_move (f->db, 999999, harbin, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 province = unit_id (f, PROVINCE);
  gint64 harbin = unit_id (f, HARBIN);
  gint64 units_before = count (f, "SELECT count(*) FROM unit");

  /* Units under it. */
  g_assert_false (tz_unit_delete (f->db, province, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  assert_message_has (error, "14");
  g_clear_error (&error);

  /* Records that use it: the message says which. Harbin has an activity quota. */
  sql = g_strdup_printf ("INSERT INTO activity (campaign_id, unit_id, title, held_on) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '走进企业', "
                         "'2022-08-01');"
                         "INSERT INTO person (name, unit_id) VALUES ('张三', %" G_GINT64_FORMAT ");"
                         "INSERT INTO seal (unit_id, mime_type, image) VALUES (%" G_GINT64_FORMAT
                         ", 'image/png', x'00');",
                         f->campaign_id, harbin, harbin, harbin);
  g_assert_true (tz_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  g_assert_false (tz_unit_delete (f->db, harbin, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  assert_message_has (error, HARBIN);
  assert_message_has (error, "1 activity");
  assert_message_has (error, "1 quota");
  assert_message_has (error, "1 person");
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM unit"), ==, units_before);

  /* Once they are gone, it goes with its seals and its place in the campaign. */
  g_assert_true (tz_db_exec (f->db,
                             "DELETE FROM activity; DELETE FROM person; "
                             "DELETE FROM quota WHERE unit_id IS NOT NULL",
                             &error));
  g_assert_true (tz_unit_delete (f->db, harbin, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM unit"), ==, units_before - 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM seal"), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM campaign_unit WHERE unit_id = %" G_GINT64_FORMAT,
                         harbin);
  g_assert_cmpint (count (f, sql), ==, 0);

  g_assert_false (tz_unit_delete (f->db, harbin, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_campaign_membership (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzUnitDetails) unit = tz_unit_details_new ();
  g_autoptr (GPtrArray) campaign_units = NULL;
  g_autoptr (GPtrArray) all_units = NULL;
  g_autofree char *sql = NULL;
  gint64 harbin = unit_id (f, HARBIN);
  gint64 outside = 0;
  gboolean found = FALSE;

  unit->name = g_strdup ("黑龙江日报社");
  unit->kind = g_strdup ("media");
  g_assert_true (tz_unit_create (f->db, unit, 0, NULL, &outside, &error));
  g_assert_no_error (error);

  /* Not in the campaign: listed with all units only, without a role. */
  campaign_units = tz_unit_list_tree (f->db, f->campaign_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaign_units->len, ==, 15);
  all_units = tz_unit_list_tree (f->db, f->campaign_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_units->len, ==, 16);
  for (guint i = 0; i < all_units->len; i++)
    {
      TzUnit *u = all_units->pdata[i];
      if (u->id == outside)
        {
          found = TRUE;
          g_assert_null (u->role);
          g_assert_cmpuint (u->depth, ==, 0);
        }
      else
        g_assert_nonnull (u->role);
    }
  g_assert_true (found);

  /* Added as organizer, then made a context unit. */
  g_assert_true (tz_unit_add_to_campaign (f->db, f->campaign_id, outside, "organizer", &error));
  g_assert_no_error (error);
  sql = g_strdup_printf (
      "SELECT role = 'organizer' FROM campaign_unit WHERE unit_id = %" G_GINT64_FORMAT, outside);
  g_assert_cmpint (count (f, sql), ==, 1);
  g_assert_true (tz_unit_add_to_campaign (f->db, f->campaign_id, outside, "context", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, sql), ==, 0);
  g_assert_false (tz_unit_add_to_campaign (f->db, f->campaign_id, outside, "boss", &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_unit_add_to_campaign (f->db, 999999, outside, NULL, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removed again; it stays in the database. */
  g_assert_true (tz_unit_remove_from_campaign (f->db, f->campaign_id, outside, &error));
  g_assert_no_error (error);
  g_assert_false (tz_unit_remove_from_campaign (f->db, f->campaign_id, outside, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM unit WHERE id = %" G_GINT64_FORMAT, outside);
  g_assert_cmpint (count (f, sql), ==, 1);

  /* Harbin has a quota in this campaign: it stays. */
  g_assert_false (tz_unit_remove_from_campaign (f->db, f->campaign_id, harbin, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  assert_message_has (error, "1 quota");
  g_clear_error (&error);
  g_clear_pointer (&campaign_units, g_ptr_array_unref);
  campaign_units = tz_unit_list (f->db, f->campaign_id, &error);
  g_assert_cmpuint (campaign_units->len, ==, 15);
}

static void
test_seal_counts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *sql = NULL;
  gint64 harbin = unit_id (f, HARBIN);

  sql = g_strdup_printf ("INSERT INTO seal (unit_id, mime_type, image, is_specimen, is_default) "
                         "VALUES (%1$" G_GINT64_FORMAT ", 'image/png', x'00', 1, 1),"
                         " (%1$" G_GINT64_FORMAT ", 'image/png', x'00', 0, 0)",
                         harbin);
  g_assert_true (tz_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  list = tz_unit_list (f->db, f->campaign_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      TzUnit *u = list->pdata[i];
      g_assert_cmpuint (u->n_seals, ==, u->id == harbin ? 2 : 0);
      g_assert_cmpuint (u->n_specimens, ==, u->id == harbin ? 1 : 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/unit/get", test_get);
  ADD ("/unit/update", test_update);
  ADD ("/unit/create", test_create);
  ADD ("/unit/move", test_move);
  ADD ("/unit/delete", test_delete);
  ADD ("/unit/campaign-membership", test_campaign_membership);
  ADD ("/unit/seal-counts", test_seal_counts);
#undef ADD
  g_test_add_func ("/unit/labels", test_labels);

  return g_test_run ();
}
