/* test-purge.c — removing the personal data of a finished campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tz-error.h"
#include "tz-person.h"
#include "tz-purge.h"
#include "tz-test-common.h"

/* Campaign 1 (finished): 张三 enters alone, 李四 and 王五 as a team; 王五 also
 * enters campaign 2, which still runs. */
static const char fixture[] =
    "INSERT INTO campaign (id, title, status) VALUES (1, '已结束的活动', 'finished'),"
    "  (2, '进行中的活动', 'active');"
    "INSERT INTO track (id, campaign_id, seq, name) VALUES (1, 1, 1, '微视频'), (2, 2, 1, '征文');"
    "INSERT INTO team (id, name) VALUES (1, '创作小组');"
    "INSERT INTO team_member (team_id, person_id) VALUES (1, 2), (1, 3);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id, team_id) VALUES"
    "  (1, 1, 1, '春天', 1, NULL), (2, 1, 1, '夏天', NULL, 1), (3, 2, 2, '秋天', 3, NULL);"
    "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES (1, 1, 1, '一等奖', 1);"
    "INSERT INTO award (award_tier_id, entry_id) VALUES (1, 1);";

static const char png_base64[] =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

static TzDb *
open_fixture (void)
{
  TzDb *db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  const char *const names[] = { "张三", "李四", "王五" };
  const char *const ids[] = { "11010519491231002X", "110101199003071233", "110101198001010010" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (TzPerson) p = tz_person_new ();

      p->name = g_strdup (names[i]);
      p->phone = g_strdup_printf ("1380013800%u", i);
      p->email = g_strdup_printf ("p%u@example.cn", i);
      p->id_number = g_strdup (ids[i]);
      g_assert_true (tz_person_save (db, p, &error));
      g_assert_no_error (error);
      g_assert_cmpint (p->id, ==, i + 1);
    }
  g_assert_true (tz_db_exec (db, fixture, &error));
  g_assert_no_error (error);
  {
    g_autofree char *photo = tz_test_tmpfile ("photo.png");
    gsize length = 0;
    g_autofree guchar *png = g_base64_decode (png_base64, &length);

    g_assert_true (g_file_set_contents (photo, (const char *) png, (gssize) length, &error));
    g_assert_true (tz_person_set_photo (db, 1, photo, &error));
    g_assert_no_error (error);
  }
  return db;
}

static void
test_refuses_running_campaign (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  TzPurgeSummary s;

  g_assert_false (tz_purge_preview (db, 2, &s, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_purge_personal_data (db, 2, &s, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_purge_preview (db, 99, &s, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person WHERE id_number IS NULL"),
                   ==, 0);
}

static void
test_purge (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *text = NULL;
  TzPurgeSummary s;

  photo = tz_person_get_photo (db, 1, &error);
  g_assert_nonnull (photo);
  g_assert_true (g_file_test (photo, G_FILE_TEST_EXISTS));

  g_assert_true (tz_purge_preview (db, 1, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.people, ==, 3);
  g_assert_cmpint (s.kept, ==, 1);
  g_assert_cmpint (s.id_numbers, ==, 2);
  g_assert_cmpint (s.phones, ==, 2);
  g_assert_cmpint (s.emails, ==, 2);
  g_assert_cmpint (s.photos, ==, 1);
  g_assert_cmpint (s.audit_rows, >=, 2);
  text = tz_purge_describe (&s);
  g_assert_nonnull (strstr (text, "3"));
  /* The preview removed nothing. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person WHERE id_number IS NULL"),
                   ==, 0);

  g_assert_true (tz_purge_personal_data (db, 1, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person WHERE id IN (1, 2) AND "
                                          "id_number IS NULL AND phone IS NULL AND email IS NULL"),
                   ==, 2);
  /* 王五 takes part in the running campaign: kept. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person WHERE id = 3 AND "
                                          "id_number = '110101198001010010'"),
                   ==, 1);
  /* The photo and its file are gone; names, entries and awards stay. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM attachment WHERE kind = 'photo'"),
                   ==, 0);
  g_assert_false (g_file_test (photo, G_FILE_TEST_EXISTS));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person WHERE name = '张三'"), ==,
                   1);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM entry"), ==, 3);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 1);
  /* No copy is left in the audit log, of the purged people. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM audit_log WHERE "
                                          "old_values LIKE '%11010519491231002X%' OR new_values "
                                          "LIKE '%11010519491231002X%' OR old_values LIKE "
                                          "'%13800138000%' OR new_values LIKE '%13800138000%'"),
                   ==, 0);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM audit_log WHERE "
                                          "new_values LIKE '%110101198001010010%'"),
                   >=, 1);
  /* Again: nothing left to remove. */
  g_assert_true (tz_purge_preview (db, 1, &s, &error));
  g_assert_cmpint (s.id_numbers + s.phones + s.emails + s.photos + s.audit_rows, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/purge/refuses-running-campaign", test_refuses_running_campaign);
  g_test_add_func ("/purge/purge", test_purge);
  return g_test_run ();
}
