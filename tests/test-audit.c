/* test-audit.c — every change is logged: who, when, table, row, old → new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "tz-audit.h"
#include "tz-person.h"
#include "tz-test-common.h"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (json);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_insert_update_delete (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (JsonObject) old_values = NULL;
  g_autoptr (JsonObject) new_values = NULL;
  TzAuditEntry *e;

  tz_db_set_actor (db, "周灿");
  p->name = g_strdup ("张三");
  p->phone = g_strdup ("13800138000");
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);

  g_free (p->phone);
  p->phone = g_strdup ("13900139000");
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_true (tz_person_delete (db, p->id, &error));
  g_assert_no_error (error);

  log = tz_audit_list (db, "person", p->id, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);

  /* Newest first: delete, update, insert. */
  e = log->pdata[0];
  g_assert_cmpstr (e->action, ==, "delete");
  g_assert_cmpstr (e->actor, ==, "周灿");
  g_assert_null (e->new_values);
  old_values = parse_object (e->old_values);
  g_assert_cmpstr (json_object_get_string_member (old_values, "phone"), ==, "13900139000");
  g_clear_pointer (&old_values, json_object_unref);

  e = log->pdata[1];
  g_assert_cmpstr (e->action, ==, "update");
  old_values = parse_object (e->old_values);
  new_values = parse_object (e->new_values);
  g_assert_cmpstr (json_object_get_string_member (old_values, "phone"), ==, "13800138000");
  g_assert_cmpstr (json_object_get_string_member (new_values, "phone"), ==, "13900139000");
  g_assert_cmpstr (json_object_get_string_member (new_values, "name"), ==, "张三");

  e = log->pdata[2];
  g_assert_cmpstr (e->action, ==, "insert");
  g_assert_null (e->old_values);
  g_assert_true (g_str_has_suffix (e->at, "Z"));
  g_assert_cmpuint (strlen (e->at), ==, strlen ("2026-11-21T10:00:00.000Z"));
}

static void
test_no_op_update_not_logged (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 before;

  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('鸡西市总工会')", &error));
  before = tz_test_query_int (db, "SELECT count(*) FROM audit_log");
  g_assert_true (tz_db_exec (db, "UPDATE unit SET name = name", &error));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, before);
  g_assert_true (tz_db_exec (db, "UPDATE unit SET name = '鹤岗市总工会'", &error));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, before + 1);
}

static void
test_blob_logged_by_size (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) log = NULL;
  TzAuditEntry *e;

  g_assert_true (tz_db_exec (
      db,
      "INSERT INTO unit (id, name) VALUES (1, '样章单位');"
      "INSERT INTO seal (unit_id, mime_type, image) VALUES (1, 'image/png', zeroblob(1234))",
      &error));
  log = tz_audit_list (db, "seal", 0, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  e = log->pdata[0];
  g_assert_nonnull (strstr (e->new_values, "<1234 bytes>"));
}

static void
test_rolled_back_change_leaves_no_trace (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_begin (db, &error));
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('回滚单位')", &error));
  tz_db_rollback (db);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_record_export (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) log = NULL;

  g_assert_true (tz_audit_record (db, "person", 0, "export", "{\"unmasked\": true}", &error));
  g_assert_no_error (error);
  log = tz_audit_list (db, NULL, 0, "2000-01-01", 10, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((TzAuditEntry *) log->pdata[0])->action, ==, "export");
  g_clear_pointer (&log, g_ptr_array_unref);
  log = tz_audit_list (db, NULL, 0, "2999-01-01", 10, &error);
  g_assert_cmpuint (log->len, ==, 0);
}

/* Filters by person (their rows and the entries that name them) and by day;
 * the description of a change masks ID and phone numbers unless asked. */
static void
test_query_and_describe (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (TzPerson) a = tz_person_new ();
  g_autoptr (TzPerson) b = tz_person_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *full = NULL;
  g_autofree char *change = NULL;
  TzAuditFilter filter = { 0 };

  a->name = g_strdup ("张三");
  a->phone = g_strdup ("13800138000");
  a->id_number = g_strdup ("11010519491231002X");
  b->name = g_strdup ("李四");
  g_assert_true (tz_person_save (db, a, &error));
  g_assert_true (tz_person_save (db, b, &error));
  g_assert_true (
      tz_db_exec (db,
                  "INSERT INTO campaign (id, title) VALUES (1, '活动');"
                  "INSERT INTO track (id, campaign_id, seq, name) VALUES (1, 1, 1, '赛道');"
                  "INSERT INTO entry (campaign_id, track_id, title, person_id) VALUES"
                  "  (1, 1, '张三的作品', 1), (1, 1, '李四的作品', 2);",
                  &error));
  g_assert_no_error (error);
  g_free (a->name);
  a->name = g_strdup ("张三丰");
  g_assert_true (tz_person_save (db, a, &error));

  filter.person_id = a->id;
  log = tz_audit_query (db, &filter, &error);
  g_assert_no_error (error);
  /* Inserted, renamed, and one entry. */
  g_assert_cmpuint (log->len, ==, 3);
  change = tz_audit_describe (log->pdata[0], FALSE);
  g_assert_cmpstr (change, ==, "name: 张三 → 张三丰");
  masked = tz_audit_describe (log->pdata[2], FALSE);
  g_assert_nonnull (strstr (masked, "phone: 138****8000"));
  g_assert_null (strstr (masked, "13800138000"));
  g_assert_null (strstr (masked, "11010519491231002X"));
  g_assert_null (strstr (masked, "created_at"));
  full = tz_audit_describe (log->pdata[2], TRUE);
  g_assert_nonnull (strstr (full, "id_number: 11010519491231002X"));
  g_clear_pointer (&log, g_ptr_array_unref);

  /* By day: nothing before 2000, everything until 2999; pages. */
  filter = (TzAuditFilter){ .until = "1999-12-31" };
  log = tz_audit_query (db, &filter, &error);
  g_assert_cmpuint (log->len, ==, 0);
  g_clear_pointer (&log, g_ptr_array_unref);
  filter = (TzAuditFilter){ .since = "2000-01-01", .until = "2999-12-31", .table = "entry" };
  log = tz_audit_query (db, &filter, &error);
  g_assert_cmpuint (log->len, ==, 2);
  g_clear_pointer (&log, g_ptr_array_unref);
  filter.limit = 1;
  filter.offset = 1;
  log = tz_audit_query (db, &filter, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((TzAuditEntry *) log->pdata[0])->table, ==, "entry");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/insert-update-delete", test_insert_update_delete);
  g_test_add_func ("/audit/no-op-update", test_no_op_update_not_logged);
  g_test_add_func ("/audit/blob-by-size", test_blob_logged_by_size);
  g_test_add_func ("/audit/rollback", test_rolled_back_change_leaves_no_trace);
  g_test_add_func ("/audit/record-export", test_record_export);
  g_test_add_func ("/audit/query-and-describe", test_query_and_describe);

  return g_test_run ();
}
