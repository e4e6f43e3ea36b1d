/* test-campaign.c — the notice record, its lists, saving and the progress figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tz-activity.h"
#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-test-common.h"
#include "tz-unit.h"

#define HLJ_FILE   "heilongjiang-2022-workers-netizens.json"
#define HUNAN_FILE "hunan-2023-workers-netizens.json"
#define MOE_FILE   "moe-2022-principals-micro-video.json"

static gint64
import_shipped (TzDb *db, const char *basename)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_source_path ("data", "campaigns", basename, NULL);
  gint64 id = tz_campaign_import_file (db, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
unit_id (TzDb *db, gint64 campaign_id, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (tz_unit_resolve (db, campaign_id, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
add_activity (TzDb *db, gint64 campaign_id, const char *unit, const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzActivity) a = tz_activity_new ();

  a->campaign_id = campaign_id;
  a->unit_id = unit_id (db, campaign_id, unit);
  a->title = g_strdup ("走进企业宣讲网络文明");
  a->held_on = g_strdup (date);
  g_assert_true (tz_activity_save (db, a, &error));
  g_assert_no_error (error);
}

static void
count_changed_cb (TzDb *db, char **tables, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strjoinv (",", tables));
}

static void
assert_invalid (GError **error, const char *field_name)
{
  g_assert_error (*error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix ((*error)->message, field_name));
  g_clear_error (error);
}

static void
test_full_record (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 id = import_shipped (db, HLJ_FILE);
  g_autoptr (TzCampaign) c = tz_campaign_get (db, id, &error);
  g_autoptr (TzCampaign) copy = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->doc_number, ==, "〔2022〕—83");
  g_assert_cmpstr (c->issue_date, ==, "2022-07-19");
  g_assert_cmpstr (c->start_date, ==, "2022-07-21");
  g_assert_cmpstr (c->end_date, ==, "2022-10-31");
  g_assert_cmpstr (c->status, ==, "active");
  g_assert_cmpstr (c->short_title, ==, "“网聚职工正能量争做龙江好网民”线上主题活动");
  g_assert_cmpstr (c->theme, ==, "迎庆党的二十大“网聚职工正能量 争做龙江好网民”");
  g_assert_cmpstr (c->period_text, ==, "7月下旬至10月下旬");
  g_assert_cmpstr (c->platform, ==, "黑龙江工会微信公众号");
  g_assert_cmpstr (c->addressees, ==, "各市（地）总工会，各产业工会");
  g_assert_true (g_str_has_prefix (c->audience, "全省职工会员"));
  g_assert_true (g_str_has_prefix (c->summary, "按照全国总工会"));
  g_assert_nonnull (c->participation);
  g_assert_nonnull (c->requirements_text);
  g_assert_null (c->mailbox);
  g_assert_null (c->print_date);
  g_assert_cmpint (c->issuer_unit_id, ==, unit_id (db, id, "黑龙江省总工会办公室"));

  copy = tz_campaign_copy (c);
  g_assert_cmpstr (copy->summary, ==, c->summary);
  g_assert_cmpint (copy->issuer_unit_id, ==, c->issuer_unit_id);
  g_assert_true (copy->summary != c->summary);
}

static void
test_lists (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 hlj = import_shipped (db, HLJ_FILE);
  gint64 hunan = import_shipped (db, HUNAN_FILE);
  g_autoptr (GPtrArray) stages = tz_campaign_list_stages (db, hlj, &error);
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (GPtrArray) contacts = NULL;
  g_autoptr (GPtrArray) organizers = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  TzStage *stage;
  TzDeadline *deadline;
  TzTrack *track;

  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, 3);
  stage = stages->pdata[0];
  g_assert_cmpstr (stage->name, ==, "宣传发动阶段");
  g_assert_cmpstr (stage->start_date, ==, "2022-07-21");
  g_assert_cmpstr (stage->end_date, ==, "2022-07-31");
  g_assert_cmpstr (stage->period_text, ==, "7月下旬");
  g_assert_cmpstr (((TzStage *) stages->pdata[2])->name, ==, "总结评比阶段");

  deadlines = tz_campaign_list_deadlines (db, hlj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, ==, 1);
  deadline = deadlines->pdata[0];
  g_assert_cmpstr (deadline->title, ==, "上交活动总结");
  g_assert_cmpstr (deadline->due_date, ==, "2022-10-31");
  g_assert_cmpint (deadline->track_id, ==, 0);
  g_assert_null (deadline->track_name);

  contacts = tz_campaign_list_contacts (db, hlj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (((TzContact *) contacts->pdata[0])->name, ==, "王子祺");
  g_assert_cmpstr (((TzContact *) contacts->pdata[0])->phone, ==, "0451-53644283");

  organizers = tz_campaign_list_organizers (db, hlj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organizers->len, ==, 1);
  g_assert_cmpstr (((TzOrganizer *) organizers->pdata[0])->role, ==, "主办单位");
  g_assert_cmpstr (((TzOrganizer *) organizers->pdata[0])->name, ==, "省总工会");

  tracks = tz_campaign_list_tracks (db, hlj, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tracks->len, ==, 5);
  track = tracks->pdata[0];
  g_assert_cmpstr (track->short_name, ==, "龙江红色足迹打卡");
  g_assert_cmpstr (track->entrant_kind, ==, "unit_or_team");
  g_assert_cmpstr (track->entry_kind, ==, "work");
  g_assert_cmpstr (track->ranking_method, ==, "metric");
  g_assert_cmpstr (track->metric, ==, "浏览量");
  g_assert_cmpstr (track->form, ==, "none");
  track = tracks->pdata[2];
  g_assert_cmpstr (track->entry_kind, ==, "nomination");
  g_assert_cmpstr (track->form, ==, "personal");
  g_assert_cmpstr (((TzTrack *) tracks->pdata[4])->ranking_method, ==, "manual");
  g_assert_cmpstr (tz_track_ranking_label ("manual"), ==, "Chosen by the organizers");
  g_assert_cmpstr (tz_track_entrant_kind_label ("unit_or_team"), ==, "Units or teams");

  /* Deadlines by due date, with the name of their track. */
  g_clear_pointer (&deadlines, g_ptr_array_unref);
  deadlines = tz_campaign_list_deadlines (db, hunan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, ==, 4);
  deadline = deadlines->pdata[0];
  g_assert_cmpstr (deadline->due_date, ==, "2023-10-20");
  g_assert_cmpstr (deadline->track_name, ==, "正能量职工网络达人征集");
  g_assert_cmpint (deadline->track_id, >, 0);
  for (guint i = 1; i < deadlines->len; i++)
    g_assert_cmpstr (((TzDeadline *) deadlines->pdata[i - 1])->due_date, <=,
                     ((TzDeadline *) deadlines->pdata[i])->due_date);

  /* A campaign that does not exist has empty lists. */
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = tz_campaign_list_stages (db, 9999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, 0);
}

static void
test_save_new (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzCampaign) c = tz_campaign_new ();
  g_autoptr (TzCampaign) read = NULL;
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (db, "changed", G_CALLBACK (count_changed_cb), seen);

  c->title = g_strdup ("  关于开展“书香工会”读书活动的通知\u3000");
  c->issuer = g_strdup ("某市总工会");
  c->doc_number = g_strdup ("〔2024〕12号");
  /* Full-width digits, as a Chinese input method types them. */
  c->issue_date = g_strdup ("２０２４-０３-０５");
  c->start_date = g_strdup ("2024-03-10");
  c->end_date = g_strdup ("2024-06-30");
  c->mailbox = g_strdup (" shuxiang@example.com ");
  c->theme = g_strdup ("   ");
  g_assert_true (tz_campaign_save (db, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);
  g_assert_nonnull (c->uuid);
  g_assert_cmpuint (strlen (c->uuid), ==, 36);

  /* One transaction, one "changed". */
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "campaign");

  read = tz_campaign_get (db, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->title, ==, "关于开展“书香工会”读书活动的通知");
  g_assert_cmpstr (read->issue_date, ==, "2024-03-05");
  g_assert_cmpstr (read->mailbox, ==, "shuxiang@example.com");
  g_assert_null (read->theme);
  g_assert_cmpstr (read->status, ==, "active");
  g_assert_cmpstr (read->uuid, ==, c->uuid);

  /* Written to the audit log like every change. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM audit_log WHERE tbl = 'campaign' "
                                          "AND action = 'insert'"),
                   ==, 1);
}

static void
test_save_edit (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 id = import_shipped (db, HLJ_FILE);
  g_autoptr (TzCampaign) c = tz_campaign_get (db, id, &error);
  g_autoptr (TzCampaign) read = NULL;
  g_autoptr (GPtrArray) stages = NULL;

  g_assert_no_error (error);
  g_free (c->period_text);
  c->period_text = g_strdup ("7月至10月");
  g_free (c->status);
  c->status = g_strdup ("finished");
  g_assert_true (tz_campaign_save (db, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, ==, id);

  read = tz_campaign_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->period_text, ==, "7月至10月");
  g_assert_cmpstr (read->status, ==, "finished");
  /* What the form does not touch stays as imported. */
  g_assert_cmpstr (read->requirements_text, ==, c->requirements_text);
  g_assert_cmpint (read->issuer_unit_id, ==, c->issuer_unit_id);
  stages = tz_campaign_list_stages (db, id, &error);
  g_assert_cmpuint (stages->len, ==, 3);

  /* Saving a campaign that is gone says so. */
  c->id = 9999;
  g_assert_false (tz_campaign_save (db, c, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_validation (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzCampaign) c = tz_campaign_new ();
  GString *long_title = g_string_new (NULL);

  for (int i = 0; i < TZ_CAMPAIGN_MAX_TITLE; i++)
    g_string_append (long_title, "通");

  /* No title. */
  g_assert_false (tz_campaign_save (db, c, &error));
  assert_invalid (&error, "Title");
  c->title = g_strdup ("\u3000 ");
  g_assert_false (tz_campaign_validate_field (c, TZ_CAMPAIGN_FIELD_TITLE, &error));
  assert_invalid (&error, "Title");

  /* 200 characters are fine (600 bytes), 201 are not. */
  g_free (c->title);
  c->title = g_strdup (long_title->str);
  g_assert_true (tz_campaign_validate (c, &error));
  g_assert_no_error (error);
  g_string_append (long_title, "知");
  g_free (c->title);
  c->title = g_string_free (long_title, FALSE);
  g_assert_false (tz_campaign_save (db, c, &error));
  assert_invalid (&error, "Title");
  g_free (c->title);
  c->title = g_strdup ("测试活动");

  c->doc_number = g_strdup ("〔2024〕第一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
                            "一二三四五六七八九十一二三号");
  g_assert_false (tz_campaign_validate_field (c, TZ_CAMPAIGN_FIELD_DOC_NUMBER, &error));
  assert_invalid (&error, "Document number");
  g_clear_pointer (&c->doc_number, g_free);

  c->issue_date = g_strdup ("2023-02-29");
  g_assert_false (tz_campaign_save (db, c, &error));
  assert_invalid (&error, "Issue date");
  g_clear_pointer (&c->issue_date, g_free);

  /* An invalid start is reported at the start, not again at the end. */
  c->start_date = g_strdup ("2024-13-01");
  c->end_date = g_strdup ("2024-06-30");
  g_assert_false (tz_campaign_validate_field (c, TZ_CAMPAIGN_FIELD_START_DATE, &error));
  assert_invalid (&error, "Start date");
  g_assert_true (tz_campaign_validate_field (c, TZ_CAMPAIGN_FIELD_END_DATE, &error));
  g_assert_no_error (error);

  /* The start after the end is reported at the end. */
  g_free (c->start_date);
  c->start_date = g_strdup ("2024-07-01");
  g_assert_true (tz_campaign_validate_field (c, TZ_CAMPAIGN_FIELD_START_DATE, &error));
  g_assert_false (tz_campaign_validate_field (c, TZ_CAMPAIGN_FIELD_END_DATE, &error));
  assert_invalid (&error, "Start date");
  g_clear_pointer (&c->start_date, g_free);

  c->mailbox = g_strdup ("hngxw@126");
  g_assert_false (tz_campaign_save (db, c, &error));
  assert_invalid (&error, "E-mail");
  g_clear_pointer (&c->mailbox, g_free);

  c->status = g_strdup ("closed");
  g_assert_false (tz_campaign_save (db, c, &error));
  assert_invalid (&error, "Status");
  g_clear_pointer (&c->status, g_free);

  /* Nothing of the refused saves was written. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM campaign"), ==, 0);
  g_assert_cmpint (c->id, ==, 0);

  g_assert_true (tz_campaign_save (db, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM campaign"), ==, 1);
}

static void
test_contents_and_delete (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 id = import_shipped (db, HLJ_FILE);
  TzCampaignContents contents = { 0 };
  g_autoptr (GPtrArray) stages = NULL;

  add_activity (db, id, "哈尔滨市总工会", "2022-08-02");
  g_assert_true (tz_campaign_count_contents (db, id, &contents, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contents.tracks, ==, 5);
  g_assert_cmpint (contents.stages, ==, 3);
  g_assert_cmpint (contents.quotas, ==, 14);
  g_assert_cmpint (contents.activities, ==, 1);
  g_assert_cmpint (contents.entries, ==, 0);

  g_assert_false (tz_campaign_count_contents (db, 9999, &contents, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tz_campaign_delete (db, id, &error));
  g_assert_no_error (error);
  stages = tz_campaign_list_stages (db, id, &error);
  g_assert_cmpuint (stages->len, ==, 0);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM activity"), ==, 0);
}

static void
test_days (void)
{
  int days = 0;
  char *text;

  g_assert_true (tz_days_between ("2022-10-19", "2022-10-31", &days));
  g_assert_cmpint (days, ==, 12);
  g_assert_true (tz_days_between ("2024-02-28", "2024-03-01", &days));
  g_assert_cmpint (days, ==, 2);
  g_assert_false (tz_days_between ("2022-02-30", "2022-10-31", &days));
  g_assert_false (tz_days_between (NULL, "2022-10-31", &days));

  text = tz_deadline_describe ("2022-10-31", "2022-10-19", &days);
  g_assert_cmpstr (text, ==, "12 days left");
  g_assert_cmpint (days, ==, 12);
  g_free (text);
  text = tz_deadline_describe ("2022-10-31", "2022-10-30", NULL);
  g_assert_cmpstr (text, ==, "1 day left");
  g_free (text);
  text = tz_deadline_describe ("2022-10-31", "2022-10-31", &days);
  g_assert_cmpstr (text, ==, "due today");
  g_assert_cmpint (days, ==, 0);
  g_free (text);
  text = tz_deadline_describe ("2022-10-31", "2022-11-01", NULL);
  g_assert_cmpstr (text, ==, "overdue by 1 day");
  g_free (text);
  text = tz_deadline_describe ("2022-10-31", "2022-11-03", &days);
  g_assert_cmpstr (text, ==, "overdue by 3 days");
  g_assert_cmpint (days, ==, -3);
  g_free (text);
  g_assert_null (tz_deadline_describe ("soon", "2022-11-03", NULL));
}

static void
test_today (void)
{
  g_autofree char *fixed = NULL;
  g_autofree char *real = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");

  g_setenv ("TAIZHANG_TODAY", "2022-10-19", TRUE);
  fixed = tz_today ();
  g_assert_cmpstr (fixed, ==, "2022-10-19");

  /* Not a date: the real today. */
  g_setenv ("TAIZHANG_TODAY", "2022-02-30", TRUE);
  real = tz_today ();
  g_assert_cmpstr (real, ==, expected);
  g_unsetenv ("TAIZHANG_TODAY");
}

static void
insert_entries (TzDb *db, gint64 campaign_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO entry (campaign_id, track_id, title, entrant_unit_id, recommending_unit_id, "
      "  status) "
      "SELECT %1$" G_GINT64_FORMAT ", t.id, v.title, u.id, u.id, v.status "
      "FROM track t, unit u, (SELECT '作品一' AS title, 'submitted' AS status "
      "  UNION ALL SELECT '作品二', 'awarded' UNION ALL SELECT '作品三', 'withdrawn' "
      "  UNION ALL SELECT '作品四', 'draft') v "
      "WHERE t.campaign_id = %1$" G_GINT64_FORMAT " AND t.seq = 1 AND u.name = '哈尔滨市总工会';"
      "INSERT INTO entry (campaign_id, track_id, title, entrant_unit_id, recommending_unit_id, "
      "  status) "
      "SELECT %1$" G_GINT64_FORMAT ", t.id, '奋进故事', u.id, u.id, 'submitted' "
      "FROM track t, unit u WHERE t.campaign_id = %1$" G_GINT64_FORMAT " AND t.entry_kind = "
      "  'nomination' AND u.name = '大庆市总工会';",
      campaign_id);

  g_assert_true (tz_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static TzUnitProgress *
find_progress (GPtrArray *rows, const char *unit)
{
  for (guint i = 0; i < rows->len; i++)
    {
      TzUnitProgress *p = rows->pdata[i];

      if (g_str_equal (p->quota->unit_name, unit))
        return p;
    }
  g_assert_not_reached ();
}

static void
test_figures (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gint64 id = import_shipped (db, HLJ_FILE);
  g_autoptr (TzCampaignFigures) before = NULL;
  g_autoptr (TzCampaignFigures) mid = NULL;
  g_autoptr (TzCampaignFigures) late = NULL;
  TzTrackFigures *track;
  TzUnitProgress *p;

  /* Before the campaign starts nobody is behind. */
  before = tz_campaign_figures (db, id, "2022-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (before->elapsed, ==, 0.0);
  g_assert_cmpint (before->activities_target, ==, 120);
  g_assert_cmpint (before->activities_held, ==, 0);
  g_assert_cmpuint (before->activity_units->len, ==, 13);
  g_assert_cmpuint (before->units_behind, ==, 0);
  g_assert_cmpuint (before->tracks->len, ==, 5);
  /* The rule "every city recommends 2" expands to the 13 participants. */
  g_assert_cmpuint (before->recommendations->len, ==, 13);
  g_assert_cmpuint (before->recommendations_behind, ==, 0);
  g_assert_cmpstr (((TzUnitProgress *) before->recommendations->pdata[0])->due_date, ==,
                   "2022-10-31");

  add_activity (db, id, "哈尔滨市总工会", "2022-08-02");
  add_activity (db, id, "哈尔滨市总工会", "2022-08-09");
  add_activity (db, id, "哈尔滨市总工会", "2022-08-16");
  add_activity (db, id, "哈尔滨市总工会", "2022-08-23");
  add_activity (db, id, "哈尔滨市总工会", "2022-08-30");
  add_activity (db, id, "大兴安岭市总工会", "2022-09-01");
  insert_entries (db, id);

  /* 15 September: 57 of the 103 days have passed. */
  mid = tz_campaign_figures (db, id, "2022-09-15", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (mid->elapsed, 57.0 / 103.0, 1e-9);
  g_assert_cmpint (mid->activities_held, ==, 6);
  p = find_progress (mid->activity_units, "哈尔滨市总工会");
  g_assert_cmpint (p->quota->held, ==, 5);
  g_assert_cmpint (p->quota->min_count, ==, 10);
  g_assert_cmpint (p->expected, ==, 5);
  g_assert_false (p->behind);
  p = find_progress (mid->activity_units, "大兴安岭市总工会");
  g_assert_cmpint (p->expected, ==, 3);
  g_assert_true (p->behind);
  p = find_progress (mid->activity_units, "齐齐哈尔市总工会");
  g_assert_true (p->behind);
  g_assert_cmpuint (mid->units_behind, ==, 12);

  track = mid->tracks->pdata[0];
  g_assert_cmpstr (track->short_name, ==, "龙江红色足迹打卡");
  /* The withdrawn entry is not counted in the total, but in its status. */
  g_assert_cmpint (track->total, ==, 3);
  g_assert_cmpint (track->by_status[0], ==, 1); /* draft */
  g_assert_cmpint (track->by_status[1], ==, 1); /* submitted */
  g_assert_cmpint (track->by_status[4], ==, 1); /* awarded */
  g_assert_cmpint (track->by_status[6], ==, 1); /* withdrawn */
  g_assert_cmpstr (tz_campaign_entry_statuses ()[4], ==, "awarded");
  g_assert_cmpstr (tz_campaign_entry_status_label ("not_selected"), ==, "Not selected");
  g_assert_cmpint (((TzTrackFigures *) mid->tracks->pdata[2])->total, ==, 1);

  p = find_progress (mid->recommendations, "大庆市总工会");
  g_assert_cmpint (p->quota->held, ==, 1);
  g_assert_cmpint (p->expected, ==, 2);
  g_assert_false (p->behind);
  g_assert_cmpuint (mid->recommendations_behind, ==, 0);

  /* Three days before the end every unit short of its two nominees is behind. */
  late = tz_campaign_figures (db, id, "2022-10-28", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (late->recommendations_behind, ==, 13);
  g_assert_true (find_progress (late->recommendations, "大庆市总工会")->behind);

  g_assert_null (tz_campaign_figures (db, 9999, NULL, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_figures_without_period (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzCampaign) c = tz_campaign_new ();
  g_autoptr (TzCampaignFigures) figures = NULL;

  c->title = g_strdup ("没有日期的活动");
  g_assert_true (tz_campaign_save (db, c, &error));
  figures = tz_campaign_figures (db, c->id, "2024-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (figures->elapsed, <, 0.0);
  g_assert_cmpint (figures->activities_target, ==, 0);
  g_assert_cmpuint (figures->tracks->len, ==, 0);
  g_assert_cmpuint (figures->recommendations->len, ==, 0);
  g_assert_cmpstr (figures->today, ==, "2024-01-01");
}

static char *
write_file (const char *name, const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = tz_test_tmpfile (name);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_peek_title (void)
{
  const char *files[] = { HLJ_FILE, HUNAN_FILE, MOE_FILE };
  const char *titles[] = {
    "黑龙江省总工会办公室关于开展迎庆党的二十大“网聚职工正能量争做龙江好网民”线上主题活动的通知",
    "关于开展2023年湖南省“网聚职工正能量 争做中国好网民”主题活动的通知",
    "教育部办公厅关于开展“中小学校长共话二十大”微视频征集展示活动的通知",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *broken = write_file ("broken.json", "{ \"campaign\": ");
  g_autofree char *untitled = write_file ("untitled.json", "{ \"campaign\": { \"title\": 3 } }");
  g_autofree char *odd = write_file ("odd.json", "{ \"campaign\": [ 1, 2 ] }");
  g_autofree char *list = write_file ("list.json", "[ 1, 2 ]");
  const char *bad[] = { broken, untitled, odd, list, "/nonexistent/campaign.json" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = tz_test_source_path ("data", "campaigns", files[i], NULL);
      g_autofree char *title = tz_campaign_file_peek_title (path, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (title, ==, titles[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *base = g_path_get_basename (bad[i]);

      g_assert_null (tz_campaign_file_peek_title (bad[i], &error));
      g_assert_error (error, TZ_ERROR, TZ_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, base));
      g_clear_error (&error);
    }
}

static void
test_list_order (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 id = 0;

  import_shipped (db, HLJ_FILE);
  import_shipped (db, HUNAN_FILE);
  import_shipped (db, MOE_FILE);
  list = tz_campaign_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* Newest first, by issue date or else by start (the Hunan notice gives no issue date). */
  for (guint i = 1; i < list->len; i++)
    {
      TzCampaign *a = list->pdata[i - 1];
      TzCampaign *b = list->pdata[i];

      g_assert_cmpstr (a->issue_date ? a->issue_date : a->start_date, >=,
                       b->issue_date ? b->issue_date : b->start_date);
    }
  g_assert_true (tz_campaign_resolve (db, ((TzCampaign *) list->pdata[1])->uuid, &id, &error));
  g_assert_cmpint (id, ==, ((TzCampaign *) list->pdata[1])->id);
  g_assert_cmpstr (tz_campaign_status_label ("archived"), ==, "Archived");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("TAIZHANG_TODAY");

  g_test_add_func ("/campaign/full-record", test_full_record);
  g_test_add_func ("/campaign/lists", test_lists);
  g_test_add_func ("/campaign/save-new", test_save_new);
  g_test_add_func ("/campaign/save-edit", test_save_edit);
  g_test_add_func ("/campaign/validation", test_validation);
  g_test_add_func ("/campaign/contents-and-delete", test_contents_and_delete);
  g_test_add_func ("/campaign/days", test_days);
  g_test_add_func ("/campaign/today", test_today);
  g_test_add_func ("/campaign/figures", test_figures);
  g_test_add_func ("/campaign/figures-without-period", test_figures_without_period);
  g_test_add_func ("/campaign/peek-title", test_peek_title);
  g_test_add_func ("/campaign/list-order", test_list_order);

  return g_test_run ();
}
