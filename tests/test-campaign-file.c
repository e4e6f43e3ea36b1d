/* test-campaign-file.c — the campaign file: shipped files, round trips, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <inttypes.h>
#include <string.h>

#include "tz-campaign-file.h"
#include "tz-test-common.h"
#include "tz-unit.h"

#define HLJ   "heilongjiang-2022-workers-netizens.json"
#define HUNAN "hunan-2023-workers-netizens.json"
#define MOE   "moe-2022-principals-micro-video.json"

static const char *const shipped[] = { HLJ, HUNAN, MOE };

/* The tables an import writes; a refused import must leave every count as it was. */
static const char *const counted_tables[] = {
  "unit",      "campaign", "campaign_unit",   "organizer",   "stage",
  "contact",   "track",    "track_platform",  "requirement", "opinion_level",
  "criterion", "division", "division_filter", "award_tier",  "round",
  "deadline",  "quota",    "audit_log",
};

static char *
read_shipped (const char *name)
{
  g_autofree char *path = tz_test_source_path ("data", "campaigns", name, NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static gint64
import_ok (TzDb *db, const char *data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = tz_campaign_import_data (db, data, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
export_ok (TzDb *db, gint64 id)
{
  g_autoptr (GError) error = NULL;
  char *data = tz_campaign_export_data (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static JsonNode *
parse (const char *data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_same_json (const char *a, const char *b)
{
  g_autoptr (JsonNode) x = parse (a);
  g_autoptr (JsonNode) y = parse (b);

  g_assert_true (json_node_equal (x, y));
}

static char *
table_counts (TzDb *db)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", counted_tables[i]);
      g_string_append_printf (s, "%s=%" PRId64 " ", counted_tables[i], tz_test_query_int (db, sql));
    }
  return g_string_free (s, FALSE);
}

static gint64
query_int_bound (TzDb *db, const char *sql, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text_bound (TzDb *db, const char *sql, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return tz_db_column_dup (stmt, 0);
}

/* ---- the shipped files ---- */

static void
check_shipped_round_trip (const char *name)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *original = read_shipped (name);
  g_autofree char *exported = NULL;
  gint64 id;

  id = import_ok (db, original);
  exported = export_ok (db, id);
  assert_same_json (original, exported);
  /* The shipped files are written in the canonical form, byte for byte. */
  g_assert_cmpstr (exported, ==, original);
}

static void
test_shipped_heilongjiang (void)
{
  check_shipped_round_trip (HLJ);
}

static void
test_shipped_hunan (void)
{
  check_shipped_round_trip (HUNAN);
}

static void
test_shipped_moe (void)
{
  check_shipped_round_trip (MOE);
}

/* import → export → import into another database → export: the same document. */
static void
test_second_database (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autoptr (TzDb) a = tz_test_open_db ();
      g_autoptr (TzDb) b = tz_test_open_db ();
      g_autofree char *original = read_shipped (shipped[i]);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      first = export_ok (a, import_ok (a, original));
      second = export_ok (b, import_ok (b, first));
      assert_same_json (first, second);
      g_assert_cmpstr (first, ==, second);
    }
}

/* All three in one database: they share nothing, and each exports unchanged. */
static void
test_all_in_one_database (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  gint64 ids[G_N_ELEMENTS (shipped)];

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autofree char *original = read_shipped (shipped[i]);
      ids[i] = import_ok (db, original);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autofree char *original = read_shipped (shipped[i]);
      g_autofree char *exported = export_ok (db, ids[i]);
      g_assert_cmpstr (exported, ==, original);
    }
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM campaign"), ==, 3);
}

static void
test_heilongjiang_content (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *data = read_shipped (HLJ);
  g_autofree char *doc_number = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *limits = NULL;
  gint64 id = import_ok (db, data);
  gint64 t3;

  doc_number = query_text_bound (db, "SELECT doc_number FROM campaign WHERE id = ?1", id);
  g_assert_cmpstr (doc_number, ==, "〔2022〕—83");
  issuer = query_text_bound (db,
                             "SELECT u.name FROM campaign c JOIN unit u ON u.id = c.issuer_unit_id "
                             "WHERE c.id = ?1",
                             id);
  g_assert_cmpstr (issuer, ==, "黑龙江省总工会办公室");
  g_assert_cmpint (query_int_bound (db, "SELECT count(*) FROM stage WHERE campaign_id = ?1", id),
                   ==, 3);

  /* 附件 1: thirteen city federations, 120 offline activities in all */
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM quota WHERE campaign_id = ?1 "
                                    "AND kind = 'activity' AND unit_id IS NOT NULL",
                                    id),
                   ==, 13);
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT sum(min_count) FROM quota WHERE campaign_id = ?1 "
                                    "AND kind = 'activity'",
                                    id),
                   ==, 120);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT q.min_count FROM quota q JOIN unit u ON u.id = q.unit_id "
                       "WHERE q.campaign_id = ?1 AND u.name = '大兴安岭市总工会'",
                       id),
      ==, 7);

  /* five sub-activities, with their counting rules */
  g_assert_cmpint (query_int_bound (db, "SELECT count(*) FROM track WHERE campaign_id = ?1", id),
                   ==, 5);
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM track WHERE campaign_id = ?1 "
                                    "AND best_work_only = 1",
                                    id),
                   ==, 3);
  limits = query_text_bound (db,
                             "SELECT group_concat(ifnull(max_per_voter_per_day, 0), ',') FROM "
                             "(SELECT max_per_voter_per_day FROM track WHERE campaign_id = ?1 "
                             "ORDER BY seq)",
                             id);
  g_assert_cmpstr (limits, ==, "3,3,5,5,3"); /* views, likes, votes, votes, views */
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM track WHERE campaign_id = ?1 "
                                    "AND metric IN ('浏览量', '点赞量', '得票数')",
                                    id),
                   ==, 5);

  /* 一等奖 10, 二等奖 15, 三等奖 25 in four tracks; 榜样典型 10 and 榜样提名 10 */
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM award_tier a JOIN track t ON t.id = a.track_id "
                       "WHERE t.campaign_id = ?1",
                       id),
      ==, 14);
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT sum(a.count) FROM award_tier a JOIN track t ON t.id = "
                                    "a.track_id WHERE t.campaign_id = ?1",
                                    id),
                   ==, 4 * 50 + 20);
  t3 = query_int_bound (db, "SELECT id FROM track WHERE campaign_id = ?1 AND seq = 3", id);
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM award_tier WHERE track_id = ?1 AND "
                                    "name IN ('榜样典型', '榜样提名') AND count = 10",
                                    t3),
                   ==, 2);

  /* the personal recommendation form: three opinion levels, a 200-character summary,
   * and 2 people per unit */
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM track WHERE id = ?1 AND form = 'personal' "
                       "AND entry_kind = 'nomination'",
                       t3),
      ==, 1);
  g_assert_cmpint (
      query_int_bound (db, "SELECT count(*) FROM opinion_level WHERE track_id = ?1", t3), ==, 3);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT CAST(value AS INTEGER) FROM requirement WHERE track_id = "
                       "?1 AND key = 'max_summary_chars'",
                       t3),
      ==, 200);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM quota WHERE track_id = ?1 AND kind = "
                       "'nominee' AND unit_id IS NULL AND min_count = 2 AND max_count = 2",
                       t3),
      ==, 1);

  /* 图片大小不得大于 2M, 视频时长在 1 分钟以内, 视频大小 100M 以下 */
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM requirement r JOIN track t ON t.id = "
                                    "r.track_id WHERE t.campaign_id = ?1 AND t.seq = 1 AND "
                                    "((r.key = 'max_image_bytes' AND r.value = '2097152') OR "
                                    "(r.key = 'max_duration_seconds' AND r.value = '60') OR "
                                    "(r.key = 'max_file_bytes' AND r.value = '104857600'))",
                                    id),
                   ==, 3);
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM deadline WHERE campaign_id = ?1 AND "
                                    "due_date = '2022-10-31' AND title LIKE '%活动总结%'",
                                    id),
                   ==, 1);
}

static void
test_hunan_content (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *data = read_shipped (HUNAN);
  gint64 id = import_ok (db, data);
  gint64 daren;

  g_assert_cmpint (query_int_bound (db, "SELECT count(*) FROM track WHERE campaign_id = ?1", id),
                   ==, 3);
  /* 专家评审 60% + 网络 40% for the first two sub-projects */
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM track WHERE campaign_id = ?1 AND "
                                    "ranking_method = 'composite' AND expert_weight = 60 AND "
                                    "metric_weight = 40 AND seq IN (1, 2)",
                                    id),
                   ==, 2);
  /* money prizes: 3×5000 + 5×3000 + 10×1000 + 3×5000, then 3×3000 + 5×2000 + 10×1000 +
   * 10×1000, then 10×3000 */
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT sum(a.count * a.amount_yuan) FROM award_tier a JOIN "
                                    "track t ON t.id = a.track_id WHERE t.campaign_id = ?1",
                                    id),
                   ==, 55000 + 39000 + 30000);
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM award_tier a JOIN track t ON t.id = "
                                    "a.track_id WHERE t.campaign_id = ?1 AND a.special = 1",
                                    id),
                   ==, 5);
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM award_tier a JOIN track t ON t.id = "
                                    "a.track_id WHERE t.campaign_id = ?1 AND a.name = "
                                    "'诵读活动最佳人气作品' AND a.count = 5 AND a.special = 1",
                                    id),
                   ==, 1);

  /* 诵读: landscape, ≤ 5 min, MP4/AVI, 16:9, ≥ 1920×1080, ≤ 500M */
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM requirement r JOIN track t ON t.id = "
                       "r.track_id WHERE t.campaign_id = ?1 AND t.seq = 2 AND r.key IN "
                       "('orientation', 'max_duration_seconds', 'formats', "
                       "'aspect_ratio', 'min_width', 'min_height', 'max_file_bytes')",
                       id),
      ==, 7);

  daren = query_int_bound (db, "SELECT id FROM track WHERE campaign_id = ?1 AND seq = 3", id);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM track WHERE id = ?1 AND form = 'list' AND "
                       "entry_kind = 'account'",
                       daren),
      ==, 1);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT CAST(value AS INTEGER) FROM requirement WHERE track_id = "
                       "?1 AND key = 'min_followers'",
                       daren),
      ==, 10000);
  g_assert_cmpint (
      query_int_bound (db, "SELECT count(*) FROM track_platform WHERE track_id = ?1", daren), ==,
      7);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM award_tier WHERE track_id = ?1 AND count = "
                       "10 AND amount_yuan = 3000",
                       daren),
      ==, 1);

  /* the forwarder's deadlines and the provincial ones */
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM deadline WHERE campaign_id = ?1 AND due_date "
                       "IN ('2023-10-20', '2023-10-30', '2023-10-31', '2023-11-10')",
                       id),
      ==, 4);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM deadline WHERE track_id = ?1 AND due_date "
                       "IN ('2023-10-20', '2023-10-31')",
                       daren),
      ==, 2);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM campaign_unit cu JOIN unit u ON u.id = "
                       "cu.unit_id WHERE cu.campaign_id = ?1 AND cu.role = 'forwarder' "
                       "AND u.name = '湖南省教育工会'",
                       id),
      ==, 1);
}

static void
test_moe_content (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *data = read_shipped (MOE);
  g_autofree char *doc_number = NULL;
  gint64 id = import_ok (db, data);

  doc_number = query_text_bound (db, "SELECT doc_number FROM campaign WHERE id = ?1", id);
  g_assert_cmpstr (doc_number, ==, "教师厅函〔2022〕27号");
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM campaign WHERE id = ?1 AND issue_date = "
                                    "'2022-11-23'",
                                    id),
                   ==, 1);
  /* each region recommends 1–2 works: one rule for every unit */
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM quota WHERE campaign_id = ?1 AND kind = "
                       "'work' AND unit_id IS NULL AND min_count = 1 AND max_count = 2",
                       id),
      ==, 1);
  g_assert_cmpint (query_int_bound (db, "SELECT count(*) FROM track WHERE campaign_id = ?1", id),
                   ==, 1);
  g_assert_cmpint (
      query_int_bound (db, "SELECT count(*) FROM organizer WHERE campaign_id = ?1", id), ==, 8);
  g_assert_cmpint (
      query_int_bound (db,
                       "SELECT count(*) FROM organizer WHERE campaign_id = ?1 AND role = "
                       "'主办单位' AND name = '教育部教师工作司'",
                       id),
      ==, 1);
  g_assert_cmpint (query_int_bound (db, "SELECT count(*) FROM contact WHERE campaign_id = ?1", id),
                   ==, 4);
  g_assert_cmpint (query_int_bound (db,
                                    "SELECT count(*) FROM deadline WHERE campaign_id = ?1 AND "
                                    "due_date = '2022-12-31'",
                                    id),
                   ==, 2);
}

/* ---- every key of the format survives a round trip ---- */

static const char full_document[] =
    "{\"format\": \"taizhang-campaign\", \"version\": 1,"
    " \"campaign\": {\"uuid\": \"0c7f5a52-8d0e-4b7e-9a51-2f9c4b7f1d20\", \"title\": \"全部字段\","
    "  \"short_title\": \"短\", \"theme\": \"主题\", \"issuer\": \"发文机关\", \"issuer_unit\": "
    "\"甲市总工会\","
    "  \"doc_number\": \"〔2024〕1号\", \"issue_date\": \"2024-02-29\", \"print_date\": "
    "\"2024-03-01\","
    "  \"addressees\": \"各单位\", \"forwarded_by\": \"乙\", \"forward_doc_number\": "
    "\"乙〔2024〕2号\","
    "  \"forward_note\": \"转发\\n说明\", \"start_date\": \"2024-03-01\", \"end_date\": "
    "\"2024-12-31\","
    "  \"period_text\": \"3月至12月\", \"audience\": \"职工\", \"platform\": \"公众号\","
    "  \"participation\": \"报名\", \"mailbox\": \"a@example.org\", \"summary\": \"概要\","
    "  \"requirements_text\": \"要求\", \"status\": \"draft\"},"
    " \"organizers\": [{\"role\": \"主办单位\", \"name\": \"甲市总工会\"}],"
    " \"units\": [{\"name\": \"甲市总工会\", \"short_name\": \"市总\", \"kind\": \"federation\","
    "   \"region\": \"甲市\", \"role\": \"issuer\", \"children\": ["
    "     {\"name\": \"甲市第一中学\", \"kind\": \"school\", \"school_level\": \"高中\", \"role\": "
    "\"participant\"},"
    "     {\"name\": \"甲市实验小学\", \"kind\": \"school\", \"school_level\": \"小学\", \"role\": "
    "\"participant\"}]},"
    "  {\"name\": \"丙报社\", \"kind\": \"media\", \"role\": \"context\"}],"
    " \"stages\": [{\"name\": \"启动\", \"start_date\": \"2024-03-01\", \"end_date\": "
    "\"2024-03-10\","
    "   \"period_text\": \"3月上旬\", \"description\": \"说明\"}],"
    " \"deadlines\": [{\"title\": \"报送\", \"due_date\": \"2024-10-20\", \"period_text\": "
    "\"10月20日前\","
    "   \"track\": \"征文\", \"deliverable\": \"推荐表\", \"recipient\": \"甲市总工会\","
    "   \"mailbox\": \"b@example.org\", \"set_by\": \"甲市总工会\", \"note\": \"盖章\"}],"
    " \"contacts\": [{\"organization\": \"甲市总工会\", \"department\": \"宣教部\", \"name\": "
    "\"张三\","
    "   \"phone\": \"010-12345678\", \"email\": \"c@example.org\", \"note\": \"上午\"}],"
    " \"tracks\": [{\"uuid\": \"6f0e3c1a-2b4d-4e5f-8a9b-0c1d2e3f4a5b\", \"name\": \"征文\","
    "   \"short_name\": \"文\", \"theme\": \"题\", \"description\": \"述\", \"entrant\": "
    "\"unit_or_team\","
    "   \"entry_kind\": \"nomination\", \"form\": \"list\","
    "   \"ranking\": {\"method\": \"composite\", \"metric\": \"得票数\", \"expert_weight\": 62.5,"
    "     \"metric_weight\": 37.5, \"best_work_only\": true, \"one_entry_per_entrant\": true,"
    "     \"max_per_voter_per_day\": 5, \"score_aggregate\": \"trimmed_mean\","
    "     \"normalize_judges\": true, \"note\": \"规则\"},"
    "   \"platform\": \"小程序\", \"platforms\": [\"抖音\", \"快手\"], \"submission\": \"上传\","
    "   \"start_date\": \"2024-04-01\", \"end_date\": \"2024-09-30\", \"period_text\": "
    "\"4月至9月\","
    "   \"audience\": \"教师\","
    "   \"requirements\": [{\"key\": \"max_description_chars\", \"value\": \"50\", \"note\": \"50 "
    "字\"},"
    "     {\"key\": \"custom_key\", \"value\": \"kept\"}],"
    "   \"opinion_levels\": [{\"name\": \"推荐单位意见\", \"unit_kind\": \"school\"}],"
    "   \"criteria\": [{\"name\": \"内容\", \"description\": \"切题\", \"max\": 40, \"weight\": 2},"
    "     {\"name\": \"形式\", \"max\": 12.5, \"weight\": 0}],"
    "   \"divisions\": [{\"name\": \"抖音中学榜\", \"filters\": [{\"dimension\": \"platform\", "
    "\"value\": \"抖音\"},"
    "       {\"dimension\": \"school_level\", \"value\": \"高中\"}]},"
    "     {\"name\": \"快手榜\", \"filters\": [{\"dimension\": \"platform\", \"value\": "
    "\"快手\"}]}],"
    "   \"award_tiers\": [{\"name\": \"一等奖\", \"count\": 3, \"prize\": \"证书+500 元\","
    "       \"amount_yuan\": 500, \"certificate\": true, \"division\": \"抖音中学榜\"},"
    "     {\"name\": \"优秀组织奖\", \"count\": 0, \"special\": true, \"recipient\": "
    "\"organization\","
    "       \"unit_kind\": \"school\", \"note\": \"手选\"}],"
    "   \"rounds\": [{\"name\": \"初赛\", \"held_by\": \"各校\", \"advance_count\": 0,"
    "     \"start_date\": \"2024-04-01\", \"end_date\": \"2024-04-30\", \"period_text\": \"4月\"},"
    "     {\"name\": \"决赛\"}]},"
    "  {\"uuid\": \"7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d\", \"name\": \"摄影\", \"entrant\": "
    "\"person\","
    "   \"entry_kind\": \"work\", \"form\": \"none\", \"ranking\": {\"method\": \"expert\"}}],"
    " \"quotas\": [{\"kind\": \"activity\", \"unit\": \"甲市第一中学\", \"min\": 3, \"note\": "
    "\"至少\"},"
    "  {\"kind\": \"nominee\", \"track\": \"征文\", \"min\": 0, \"max\": 4},"
    "  {\"kind\": \"work\", \"track\": \"征文\", \"unit\": \"甲市实验小学\", \"min\": 1, \"max\": "
    "1}]}";

static void
test_every_key (void)
{
  g_autoptr (TzDb) a = tz_test_open_db ();
  g_autoptr (TzDb) b = tz_test_open_db ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = export_ok (a, import_ok (a, full_document));
  assert_same_json (full_document, first);
  second = export_ok (b, import_ok (b, first));
  g_assert_cmpstr (first, ==, second);

  /* the canonical form: two-space indent, characters not escapes, 62.5 and 40 as numbers */
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"taizhang-campaign\",\n"));
  g_assert_true (g_str_has_suffix (first, "}\n"));
  g_assert_nonnull (strstr (first, "\"expert_weight\": 62.5,"));
  g_assert_nonnull (strstr (first, "\"max\": 40,"));
  g_assert_nonnull (strstr (first, "\"forward_note\": \"转发\\n说明\""));
  g_assert_null (strstr (first, "\\u"));
  g_assert_null (strstr (first, "null"));
  g_assert_null (strstr (first, "false"));
}

static void
test_defaults_omitted (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  const char *minimal =
      "{\"format\": \"taizhang-campaign\", \"version\": 1,"
      " \"campaign\": {\"title\": \"最小\", \"short_title\": \"\"},"
      " \"tracks\": [{\"name\": \"甲\", \"ranking\": {\"best_work_only\": false}},"
      "   {\"name\": \"乙\", \"criteria\": [{\"name\": \"c\"}]}]}";
  g_autofree char *out = export_ok (db, import_ok (db, minimal));
  g_autoptr (JsonNode) root = parse (out);
  JsonObject *campaign = json_object_get_object_member (json_node_get_object (root), "campaign");
  JsonArray *tracks = json_object_get_array_member (json_node_get_object (root), "tracks");
  JsonObject *track = json_array_get_object_element (tracks, 0);
  JsonObject *ranking = json_object_get_object_member (track, "ranking");
  JsonObject *criterion = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (tracks, 1), "criteria"), 0);

  /* a uuid is made when the file has none */
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (campaign, "uuid")));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (track, "uuid")));
  g_assert_false (json_object_has_member (campaign, "short_title"));
  g_assert_cmpstr (json_object_get_string_member (campaign, "status"), ==, "active");
  g_assert_cmpstr (json_object_get_string_member (track, "entrant"), ==, "person");
  g_assert_cmpstr (json_object_get_string_member (ranking, "method"), ==, "expert");
  g_assert_false (json_object_has_member (ranking, "best_work_only"));
  g_assert_false (json_object_has_member (ranking, "score_aggregate"));
  g_assert_false (json_object_has_member (ranking, "expert_weight"));
  g_assert_false (json_object_has_member (criterion, "weight"));
  g_assert_false (json_object_has_member (json_node_get_object (root), "units"));
  g_assert_false (json_object_has_member (json_node_get_object (root), "quotas"));
  g_assert_cmpfloat (tz_test_query_int (db, "SELECT weight FROM criterion"), ==, 1);
}

/* The unit tree is shared: a second campaign naming the same units reuses them. */
static void
test_units_shared (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *data = read_shipped (HLJ);
  g_autoptr (JsonNode) root = parse (data);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autofree char *copy = NULL;
  g_autofree char *uuid1 = NULL;
  g_autofree char *uuid2 = NULL;
  JsonArray *tracks;
  gint64 id1, id2, n_units;

  id1 = import_ok (db, data);
  n_units = tz_test_query_int (db, "SELECT count(*) FROM unit");
  g_assert_cmpint (n_units, ==, 15);

  /* the same campaign without its uuids: a new campaign over the same units */
  json_object_remove_member (
      json_object_get_object_member (json_node_get_object (root), "campaign"), "uuid");
  tracks = json_object_get_array_member (json_node_get_object (root), "tracks");
  for (guint i = 0; i < json_array_get_length (tracks); i++)
    json_object_remove_member (json_array_get_object_element (tracks, i), "uuid");
  json_generator_set_root (gen, root);
  copy = json_generator_to_data (gen, NULL);
  id2 = import_ok (db, copy);

  g_assert_cmpint (id2, !=, id1);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM unit"), ==, n_units);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM campaign_unit"), ==, 2 * 15);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM quota"), ==, 2 * 14);
  uuid1 = query_text_bound (db, "SELECT uuid FROM campaign WHERE id = ?1", id1);
  uuid2 = query_text_bound (db, "SELECT uuid FROM campaign WHERE id = ?1", id2);
  g_assert_cmpstr (uuid1, !=, uuid2);
  g_assert_true (g_uuid_string_is_valid (uuid2));
}

/* A linked unit whose parent is not linked is exported under it, as context. */
static void
test_export_ancestors (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *data = read_shipped (HLJ);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *top;
  gint64 id = import_ok (db, data);

  g_assert_true (tz_db_exec (db,
                             "DELETE FROM campaign_unit WHERE unit_id = "
                             "(SELECT id FROM unit WHERE name = '黑龙江省总工会')",
                             &error));
  g_assert_no_error (error);
  out = export_ok (db, id);
  root = parse (out);
  top = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (root), "units"), 0);
  g_assert_cmpstr (json_object_get_string_member (top, "name"), ==, "黑龙江省总工会");
  g_assert_cmpstr (json_object_get_string_member (top, "role"), ==, "context");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (top, "children")), ==, 14);
}

static void
test_files (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *path = tz_test_source_path ("data", "campaigns", MOE, NULL);
  g_autofree char *out_path = tz_test_tmpfile ("out.json");
  g_autofree char *original = read_shipped (MOE);
  g_autofree char *written = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = tz_campaign_import_file (db, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (tz_campaign_export_file (db, id, out_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (out_path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, original);

  g_assert_cmpint (tz_campaign_import_file (db, "/nonexistent/campaign.json", &error), ==, 0);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_assert_null (tz_campaign_export_data (db, 9999, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

/* ---- refusals: a message naming the JSON path, and nothing written ---- */

typedef void (*Mutation) (JsonObject *root);

static char *
mutate (const char *name, Mutation fn)
{
  g_autofree char *data = read_shipped (name);
  g_autoptr (JsonNode) root = parse (data);
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  fn (json_node_get_object (root));
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* Imports @data into a database that already holds a campaign and checks the
 * refusal: @code, a message containing @expected, and every table unchanged. */
static void
assert_refused (const char *data, gssize length, GQuark domain, int code, const char *expected)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *moe = read_shipped (MOE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autoptr (GError) error = NULL;

  import_ok (db, moe);
  before = table_counts (db);
  g_assert_cmpint (tz_campaign_import_data (db, data, length, &error), ==, 0);
  g_assert_error (error, domain, code);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("message “%s” does not contain “%s”", error->message, expected);
  after = table_counts (db);
  g_assert_cmpstr (before, ==, after);

  /* the transaction was closed: the database takes the next import */
  again = read_shipped (HUNAN);
  import_ok (db, again);
}

static void
test_refuse_not_json (void)
{
  assert_refused ("this is not a campaign file", -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$: the file is not valid JSON");
  assert_refused ("", -1, TZ_ERROR, TZ_ERROR_PARSE, "$: the file is empty.");
  assert_refused ("[1, 2]", -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$: expected an object in curly braces, found “[…]”.");
  assert_refused ("{\"format\": \"taizhang-campaign\", \"title\": \"\xff\"}", -1, TZ_ERROR,
                  TZ_ERROR_PARSE, "$: the file is not UTF-8 text");
}

static void
test_refuse_truncated (void)
{
  g_autofree char *data = read_shipped (HLJ);
  /* cut between two characters, as an interrupted copy of a UTF-8 file would be */
  const char *half = g_utf8_offset_to_pointer (data, g_utf8_strlen (data, -1) / 2);

  assert_refused (data, half - data, TZ_ERROR, TZ_ERROR_PARSE, "$: the file is not valid JSON");
}

static void
wrong_format (JsonObject *root)
{
  json_object_set_string_member (root, "format", "taizhang-persons");
}

static void
newer_version (JsonObject *root)
{
  json_object_set_int_member (root, "version", 2);
  json_object_set_string_member (root, "something_new", "x");
}

static void
test_refuse_header (void)
{
  g_autofree char *a = mutate (HLJ, wrong_format);
  g_autofree char *b = mutate (HLJ, newer_version);

  assert_refused (a, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.format: this is not a Taizhang campaign file");
  assert_refused (b, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.version: this file was written by a newer version of Taizhang");
}

static JsonObject *
nth (JsonObject *obj, const char *key, guint index)
{
  return json_array_get_object_element (json_object_get_array_member (obj, key), index);
}

static void
misspelt_key (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (nth (root, "tracks", 0), "ranking"),
                                 "metirc", "浏览量");
}

static void
test_refuse_unknown_key (void)
{
  g_autofree char *data = mutate (HLJ, misspelt_key);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_PARSE, "$.tracks[0].ranking.metirc: unknown key");
}

static void
negative_quota (JsonObject *root)
{
  json_object_set_int_member (nth (root, "quotas", 0), "min", -1);
}

static void
test_refuse_negative_quota (void)
{
  g_autofree char *data = mutate (HLJ, negative_quota);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.quotas[0].min: expected a non-negative whole number, found “-1”.");
}

static void
max_below_min (JsonObject *root)
{
  json_object_set_int_member (nth (root, "quotas", 13), "max", 1);
}

static void
test_refuse_max_below_min (void)
{
  g_autofree char *data = mutate (HLJ, max_below_min);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.quotas[13].max: the maximum 1 is less than the minimum 2.");
}

static void
unknown_unit (JsonObject *root)
{
  json_object_set_string_member (nth (root, "quotas", 3), "unit", "佳木斯市总公会");
}

static void
test_refuse_unknown_unit (void)
{
  g_autofree char *data = mutate (HLJ, unknown_unit);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.quotas[3].unit: no unit named “佳木斯市总公会” in $.units.");
}

static void
bad_date (JsonObject *root)
{
  json_object_set_string_member (nth (root, "deadlines", 0), "due_date", "2023-02-30");
}

static void
test_refuse_bad_date (void)
{
  g_autofree char *data = mutate (HUNAN, bad_date);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.deadlines[0].due_date: “2023-02-30” is not a date");
}

static void
end_before_start (JsonObject *root)
{
  json_object_set_string_member (nth (root, "stages", 1), "end_date", "2022-07-01");
}

static void
test_refuse_end_before_start (void)
{
  g_autofree char *data = mutate (HLJ, end_before_start);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.stages[1].end_date: 2022-07-01 is before the start date 2022-08-01.");
}

static void
duplicate_unit (JsonObject *root)
{
  json_object_set_string_member (nth (nth (root, "units", 0), "children", 13), "name",
                                 "哈尔滨市总工会");
}

static void
test_refuse_duplicate_unit (void)
{
  g_autofree char *data = mutate (HLJ, duplicate_unit);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.units[0].children[13].name: a unit named “哈尔滨市总工会” is already at "
                  "$.units[0].children[1]");
}

static void
wrong_type (JsonObject *root)
{
  json_object_set_string_member (nth (nth (root, "tracks", 1), "award_tiers", 0), "count", "十");
}

static void
test_refuse_wrong_type (void)
{
  g_autofree char *data = mutate (HLJ, wrong_type);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.tracks[1].award_tiers[0].count: expected a non-negative whole number, "
                  "found “十”.");
}

static void
unknown_track (JsonObject *root)
{
  json_object_set_string_member (nth (root, "deadlines", 2), "track", "网络达人征集");
}

static void
bad_requirement (JsonObject *root)
{
  json_object_set_string_member (nth (nth (root, "tracks", 1), "requirements", 2), "value",
                                 "5 分钟");
}

static void
duplicate_track (JsonObject *root)
{
  json_object_set_string_member (nth (root, "tracks", 2), "name", "网络正能量微视频征集");
}

static void
test_refuse_references (void)
{
  g_autofree char *a = mutate (HUNAN, unknown_track);
  g_autofree char *b = mutate (HUNAN, bad_requirement);
  g_autofree char *c = mutate (HUNAN, duplicate_track);
  const char *d = "{\"format\": \"taizhang-campaign\", \"version\": 1, \"campaign\": {\"title\": "
                  "\"x\"}, \"tracks\": [{\"name\": \"t\", \"award_tiers\": [{\"name\": \"一等奖\", "
                  "\"count\": 1, \"division\": \"抖音榜\"}]}]}";
  const char *e = "{\"format\": \"taizhang-campaign\", \"version\": 1, \"campaign\": {}}";

  assert_refused (a, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.deadlines[2].track: no track named “网络达人征集” in $.tracks.");
  assert_refused (b, -1, TZ_ERROR, TZ_ERROR_PARSE, "$.tracks[1].requirements[2].value:");
  assert_refused (c, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.tracks[2].name: “网络正能量微视频征集” is already used by $.tracks[0]");
  assert_refused (d, -1, TZ_ERROR, TZ_ERROR_PARSE,
                  "$.tracks[0].award_tiers[0].division: no division named “抖音榜” in "
                  "$.tracks[0].divisions.");
  assert_refused (e, -1, TZ_ERROR, TZ_ERROR_PARSE, "$.campaign.title: missing");
}

static void
test_refuse_duplicate_campaign (void)
{
  g_autofree char *data = read_shipped (MOE);

  /* assert_refused has imported the MOE file first, as campaign 1 */
  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_DUPLICATE, "already in the database as campaign 1 ");
}

static void
new_campaign_uuid (JsonObject *root)
{
  json_object_remove_member (json_object_get_object_member (root, "campaign"), "uuid");
}

static void
test_refuse_duplicate_track_uuid (void)
{
  g_autofree char *data = mutate (MOE, new_campaign_uuid);

  assert_refused (data, -1, TZ_ERROR, TZ_ERROR_DUPLICATE, "$.tracks[0].uuid: a track with this");
}

/* A city passes the province's campaign down to its districts: the file holds
 * the city's branch (with districts the campaign did not link yet), the
 * province's issuing and organising units, and only the city's quotas; it
 * imports into the district's empty database under the same campaign uuid. */
static void
test_export_for_unit (void)
{
  g_autoptr (TzDb) city = tz_test_open_db ();
  g_autoptr (TzDb) district = tz_test_open_db ();
  g_autofree char *data = read_shipped (HLJ);
  g_autofree char *down = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  gint64 id, harbin = 0, district_id = 0, imported;
  JsonArray *quotas;

  id = import_ok (city, data);
  g_assert_true (tz_unit_resolve (city, id, "哈尔滨市总工会", &harbin, &error));
  g_assert_true (
      tz_unit_add (city, harbin, "道里区总工会", "federation", 0, NULL, &district_id, &error));
  g_assert_true (
      tz_unit_add (city, harbin, "南岗区总工会", "federation", 0, NULL, &district_id, &error));
  g_assert_no_error (error);
  g_assert_true (tz_db_exec (city,
                             "INSERT INTO quota (campaign_id, kind, unit_id, min_count) "
                             "SELECT campaign_id, 'activity', unit.id, 4 FROM campaign_unit, unit "
                             "WHERE unit.name = '南岗区总工会' AND campaign_unit.unit_id = "
                             "(SELECT id FROM unit WHERE name = '哈尔滨市总工会')",
                             &error));
  g_assert_no_error (error);

  down = tz_campaign_export_for_unit_data (city, id, harbin, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (down, "哈尔滨市总工会"));
  g_assert_nonnull (strstr (down, "道里区总工会"));
  g_assert_nonnull (strstr (down, "南岗区总工会"));
  g_assert_nonnull (strstr (down, "黑龙江省总工会办公室"));
  g_assert_null (strstr (down, "齐齐哈尔市总工会"));
  g_assert_null (strstr (down, "大庆市总工会"));

  root = json_from_string (down, &error);
  g_assert_no_error (error);
  quotas = json_object_get_array_member (json_node_get_object (root), "quotas");
  /* 哈尔滨's, 南岗区's, and the rule for every unit (two nominees each). */
  g_assert_cmpuint (json_array_get_length (quotas), ==, 3);
  for (guint i = 0; i < json_array_get_length (quotas); i++)
    {
      JsonObject *quota = json_array_get_object_element (quotas, i);
      const char *unit = json_object_get_string_member_with_default (quota, "unit", NULL);

      g_assert_true (unit == NULL || g_str_equal (unit, "哈尔滨市总工会") ||
                     g_str_equal (unit, "南岗区总工会"));
    }

  imported = import_ok (district, down);
  g_assert_cmpint (tz_test_query_int (district, "SELECT count(*) FROM quota"), ==, 3);
  g_assert_cmpint (tz_test_query_int (district, "SELECT min_count FROM quota q JOIN unit u ON "
                                                "u.id = q.unit_id WHERE u.name = '南岗区总工会'"),
                   ==, 4);
  g_assert_cmpint (tz_test_query_int (district,
                                      "SELECT count(*) FROM campaign_unit cu JOIN unit u "
                                      "ON u.id = cu.unit_id WHERE u.name = '道里区总工会' "
                                      "AND cu.role = 'participant'"),
                   ==, 1);
  text = tz_test_query_text (city, "SELECT uuid FROM campaign");
  {
    g_autofree char *other = tz_test_query_text (district, "SELECT uuid FROM campaign");
    g_assert_cmpstr (text, ==, other);
  }
  (void) imported;

  /* Without a unit the whole file, as before; an unknown unit is refused. */
  g_free (down);
  down = tz_campaign_export_for_unit_data (city, id, 0, &error);
  g_assert_nonnull (strstr (down, "齐齐哈尔市总工会"));
  g_assert_null (tz_campaign_export_for_unit_data (city, id, 99999, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign-file/shipped/heilongjiang", test_shipped_heilongjiang);
  g_test_add_func ("/campaign-file/shipped/hunan", test_shipped_hunan);
  g_test_add_func ("/campaign-file/shipped/moe", test_shipped_moe);
  g_test_add_func ("/campaign-file/shipped/second-database", test_second_database);
  g_test_add_func ("/campaign-file/shipped/one-database", test_all_in_one_database);
  g_test_add_func ("/campaign-file/content/heilongjiang", test_heilongjiang_content);
  g_test_add_func ("/campaign-file/content/hunan", test_hunan_content);
  g_test_add_func ("/campaign-file/content/moe", test_moe_content);
  g_test_add_func ("/campaign-file/format/every-key", test_every_key);
  g_test_add_func ("/campaign-file/format/defaults-omitted", test_defaults_omitted);
  g_test_add_func ("/campaign-file/units/shared", test_units_shared);
  g_test_add_func ("/campaign-file/units/export-ancestors", test_export_ancestors);
  g_test_add_func ("/campaign-file/files", test_files);
  g_test_add_func ("/campaign-file/refuse/not-json", test_refuse_not_json);
  g_test_add_func ("/campaign-file/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/campaign-file/export-for-unit", test_export_for_unit);
  g_test_add_func ("/campaign-file/refuse/header", test_refuse_header);
  g_test_add_func ("/campaign-file/refuse/unknown-key", test_refuse_unknown_key);
  g_test_add_func ("/campaign-file/refuse/negative-quota", test_refuse_negative_quota);
  g_test_add_func ("/campaign-file/refuse/max-below-min", test_refuse_max_below_min);
  g_test_add_func ("/campaign-file/refuse/unknown-unit", test_refuse_unknown_unit);
  g_test_add_func ("/campaign-file/refuse/bad-date", test_refuse_bad_date);
  g_test_add_func ("/campaign-file/refuse/end-before-start", test_refuse_end_before_start);
  g_test_add_func ("/campaign-file/refuse/duplicate-unit", test_refuse_duplicate_unit);
  g_test_add_func ("/campaign-file/refuse/wrong-type", test_refuse_wrong_type);
  g_test_add_func ("/campaign-file/refuse/references", test_refuse_references);
  g_test_add_func ("/campaign-file/refuse/duplicate-campaign", test_refuse_duplicate_campaign);
  g_test_add_func ("/campaign-file/refuse/duplicate-track-uuid", test_refuse_duplicate_track_uuid);

  return g_test_run ();
}
