/* tz-table-columns.c — the columns of a track's fillable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-table-columns"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "tz-codes.h"
#include "tz-entry.h"
#include "tz-error.h"
#include "tz-person.h"
#include "tz-table-columns.h"
#include "tz-validate.h"

/* Every header a table may carry for a field: the first is the template's. */
typedef struct
{
  TzTableField field;
  const char *const names[10];
} FieldNames;

static const FieldNames field_names[] = {
  { TZ_TABLE_FIELD_SEQ, { "序号", "编号", "No.", NULL } },
  { TZ_TABLE_FIELD_NAME,
    { "姓名", "名字", "参赛者姓名", "作者姓名", "作者", "被推荐人姓名", NULL } },
  { TZ_TABLE_FIELD_GENDER, { "性别", NULL } },
  { TZ_TABLE_FIELD_BIRTH_DATE, { "出生年月", "出生日期", "出生年月日", "生日", NULL } },
  { TZ_TABLE_FIELD_ETHNICITY, { "民族", NULL } },
  { TZ_TABLE_FIELD_POLITICAL, { "政治面貌", NULL } },
  { TZ_TABLE_FIELD_ID_NUMBER,
    { "身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "居民身份证号码", NULL } },
  { TZ_TABLE_FIELD_PHONE,
    { "手机号", "手机", "手机号码", "联系电话", "联系方式", "电话", "移动电话", NULL } },
  { TZ_TABLE_FIELD_EMAIL, { "电子邮箱", "邮箱", "电子邮件", "Email", "E-mail", NULL } },
  { TZ_TABLE_FIELD_EMPLOYER,
    { "工作单位", "单位", "所在单位", "单位名称", "工作单位及职务", NULL } },
  { TZ_TABLE_FIELD_POSITION, { "职务", "岗位", NULL } },
  { TZ_TABLE_FIELD_TITLE, { "职称", "专业技术职称", NULL } },
  { TZ_TABLE_FIELD_TEAM_NAME, { "团队名称", "团队", "团队名", NULL } },
  { TZ_TABLE_FIELD_ENTRANT_UNIT, { "参赛单位", "申报单位", NULL } },
  { TZ_TABLE_FIELD_RECOMMENDING_UNIT, { "推荐单位", "报送单位", "推荐单位名称", NULL } },
  { TZ_TABLE_FIELD_ENTRY_TITLE, { "作品名称", "名称", "作品名", "作品标题", "标题", NULL } },
  { TZ_TABLE_FIELD_DESCRIPTION, { "作品简介", "简介", "作品介绍", "作品说明", NULL } },
  { TZ_TABLE_FIELD_SUMMARY, { "事迹简介", "主要事迹", "事迹", "个人事迹", NULL } },
  { TZ_TABLE_FIELD_PLATFORM, { "参赛平台", "平台", "发布平台", "账号平台", NULL } },
  { TZ_TABLE_FIELD_ACCOUNT_NICKNAME, { "账号昵称", "昵称", "账号名称", "账号", NULL } },
  { TZ_TABLE_FIELD_URL,
    { "作品链接", "账号链接", "链接", "网址", "链接地址", "作品网址", "URL", NULL } },
  { TZ_TABLE_FIELD_FOLLOWERS, { "粉丝数", "粉丝量", "粉丝数量", NULL } },
  { TZ_TABLE_FIELD_INSTRUCTOR, { "指导教师", "指导老师", NULL } },
  { TZ_TABLE_FIELD_NOTE, { "备注", "说明", NULL } },
};

static const FieldNames *
names_of (TzTableField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (field_names[i].field == field)
      return &field_names[i];
  return NULL;
}

const char *
tz_table_field_header (TzTableField field)
{
  const FieldNames *n = names_of (field);

  return n != NULL ? n->names[0] : "";
}

char *
tz_table_header_normalize (const char *header)
{
  g_autofree char *folded = header != NULL ? tz_fold_fullwidth (header) : NULL;
  GString *s = g_string_new (NULL);
  const char *p;

  if (folded == NULL)
    return g_string_free (s, FALSE);
  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '*' || c == 0x3000)
        continue;
      g_string_append_unichar (s, c);
    }
  /* (必填) (选填) marks */
  for (const char *const *mark = (const char *const[]){ "(必填)", "(选填)", "(必填项)", NULL };
       *mark != NULL; mark++)
    {
      char *at;

      while ((at = strstr (s->str, *mark)) != NULL)
        g_string_erase (s, at - s->str, strlen (*mark));
    }
  return g_string_free (s, FALSE);
}

TzTableField
tz_table_field_from_header (const char *header)
{
  g_autofree char *h = tz_table_header_normalize (header);

  if (*h == '\0')
    return TZ_TABLE_FIELD_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    for (guint j = 0; field_names[i].names[j] != NULL; j++)
      if (g_ascii_strcasecmp (h, field_names[i].names[j]) == 0)
        return field_names[i].field;
  return TZ_TABLE_FIELD_NONE;
}

static void
column_free (TzTableColumn *column)
{
  g_strfreev (column->choices);
  g_free (column->hint);
  g_free (column);
}

void
tz_table_layout_free (TzTableLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->campaign_uuid);
  g_free (layout->campaign_title);
  g_free (layout->track_uuid);
  g_free (layout->track_name);
  g_free (layout->short_name);
  g_free (layout->entrant_kind);
  g_free (layout->entry_kind);
  g_free (layout->form);
  g_strfreev (layout->platforms);
  g_clear_pointer (&layout->columns, g_ptr_array_unref);
  g_free (layout);
}

static TzTableColumn *
add_column (TzTableLayout *layout, TzTableField field, gboolean required, TzTableKind kind,
            guint max_chars, char *hint)
{
  TzTableColumn *c = g_new0 (TzTableColumn, 1);
  const FieldNames *n = names_of (field);

  c->field = field;
  c->header = n->names[0];
  c->synonyms = &n->names[1];
  c->required = required;
  c->kind = kind;
  c->max_chars = max_chars;
  c->hint = hint;
  g_ptr_array_add (layout->columns, c);
  return c;
}

static GStrv
code_names (const TzCode *codes, guint n)
{
  GStrv v = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    v[i] = g_strdup (codes[i].name);
  return v;
}

/* Platforms of a track: its list, else its or the campaign's text split at 、 , ; / */
static GStrv
load_platforms (TzDb *db, gint64 track_id, const char *track_text, const char *campaign_text,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
      tz_db_prepare (db, "SELECT name FROM track_platform WHERE track_id = ?1 ORDER BY seq", error);
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  const char *text;
  int rc;
  guint n = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
      n++;
    }
  if (rc < 0)
    return NULL;
  text = track_text != NULL && *track_text != '\0' ? track_text : campaign_text;
  if (n == 0 && text != NULL)
    {
      g_autoptr (GRegex) re = g_regex_new ("[、,，;；/／]+", 0, 0, NULL);
      g_auto (GStrv) parts = g_regex_split (re, text, 0);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i] != '\0')
            g_strv_builder_add (b, parts[i]);
        }
    }
  return g_strv_builder_end (b);
}

static gboolean
takes (const char *entrant_kind, const char *const *kinds)
{
  return g_strv_contains (kinds, entrant_kind);
}

TzTableLayout *
tz_table_layout_for_track (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (TzTableLayout) l = g_new0 (TzTableLayout, 1);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (TzWorkRequirements) req = NULL;
  g_autofree char *track_platform = NULL, *campaign_platform = NULL;
  gboolean person, team, unit, work, nomination, account, form;
  const TzCode *codes;
  guint n_codes;
  int rc;

  stmt =
      tz_db_prepare (db,
                     "SELECT t.uuid, t.name, t.short_name, t.entrant_kind, t.entry_kind, t.form, "
                     "  t.one_entry_per_entrant, t.platform, c.id, c.uuid, c.title, c.platform "
                     "FROM track t JOIN campaign c ON c.id = t.campaign_id WHERE t.id = ?1",
                     error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("Track: there is no track %" PRId64 "."),
                   track_id);
      return NULL;
    }
  l->track_id = track_id;
  l->track_uuid = tz_db_column_dup (stmt, 0);
  l->track_name = tz_db_column_dup (stmt, 1);
  l->short_name = tz_db_column_dup (stmt, 2);
  l->entrant_kind = tz_db_column_dup (stmt, 3);
  l->entry_kind = tz_db_column_dup (stmt, 4);
  l->form = tz_db_column_dup (stmt, 5);
  track_platform = tz_db_column_dup (stmt, 7);
  l->campaign_id = sqlite3_column_int64 (stmt, 8);
  l->campaign_uuid = tz_db_column_dup (stmt, 9);
  l->campaign_title = tz_db_column_dup (stmt, 10);
  campaign_platform = tz_db_column_dup (stmt, 11);
  l->one_per_entrant = sqlite3_column_int (stmt, 6) || g_strcmp0 (l->entry_kind, "work") != 0;
  g_clear_pointer (&stmt, sqlite3_finalize);
  l->platforms = load_platforms (db, track_id, track_platform, campaign_platform, error);
  if (l->platforms == NULL)
    return NULL;
  req = tz_entry_load_requirements (db, track_id, error);
  if (req == NULL)
    return NULL;
  l->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);

  person =
      takes (l->entrant_kind, (const char *const[]){ "person", "person_or_team", "any", NULL });
  team = takes (l->entrant_kind,
                (const char *const[]){ "team", "person_or_team", "unit_or_team", "any", NULL });
  unit = takes (l->entrant_kind, (const char *const[]){ "unit", "unit_or_team", "any", NULL });
  work = g_strcmp0 (l->entry_kind, "work") == 0;
  nomination = g_strcmp0 (l->entry_kind, "nomination") == 0;
  account = g_strcmp0 (l->entry_kind, "account") == 0;
  form = g_strcmp0 (l->form, "none") != 0;

  add_column (l, TZ_TABLE_FIELD_SEQ, FALSE, TZ_TABLE_KIND_COUNT, 0,
              g_strdup (_ ("1, 2, 3 …; not imported.")));
  if (unit)
    add_column (l, TZ_TABLE_FIELD_ENTRANT_UNIT, g_str_equal (l->entrant_kind, "unit"),
                TZ_TABLE_KIND_TEXT, 100,
                g_strdup (_ ("The entering unit’s full name, as in the unit list.")));
  if (team)
    add_column (l, TZ_TABLE_FIELD_TEAM_NAME, g_str_equal (l->entrant_kind, "team"),
                TZ_TABLE_KIND_TEXT, 100,
                g_strdup (_ ("The team’s name; the person of the row is its leader.")));
  if (person || team)
    {
      TzTableColumn *c;

      add_column (l, TZ_TABLE_FIELD_NAME, person && !unit && !team, TZ_TABLE_KIND_TEXT,
                  TZ_PERSON_MAX_NAME, g_strdup (_ ("The name as on the ID card.")));
      c = add_column (l, TZ_TABLE_FIELD_GENDER, FALSE, TZ_TABLE_KIND_CHOICE, 0,
                      g_strdup (_ ("男 or 女; filled in from the ID number when left empty.")));
      c->choices = g_strdupv ((char **) (const char *const[]){ "男", "女", NULL });
      add_column (l, TZ_TABLE_FIELD_BIRTH_DATE, FALSE, TZ_TABLE_KIND_DATE, 0,
                  g_strdup (_ ("Year and month, 1990-05; filled in from the ID number when left "
                               "empty.")));
      codes = tz_codes_ethnicities (&n_codes);
      c = add_column (l, TZ_TABLE_FIELD_ETHNICITY, nomination || form, TZ_TABLE_KIND_CHOICE, 0,
                      g_strdup (_ ("One of the 56 nationalities, 汉族.")));
      c->choices = code_names (codes, n_codes);
      codes = tz_codes_political_statuses (&n_codes);
      c = add_column (l, TZ_TABLE_FIELD_POLITICAL, nomination || form, TZ_TABLE_KIND_CHOICE, 0,
                      g_strdup (_ ("中共党员, 共青团员, 群众 … as in the list.")));
      c->choices = code_names (codes, n_codes);
      add_column (l, TZ_TABLE_FIELD_ID_NUMBER, nomination || form, TZ_TABLE_KIND_ID_NUMBER, 18,
                  g_strdup (_ ("18 characters, the last may be X; a person is matched by it.")));
      add_column (l, TZ_TABLE_FIELD_PHONE, person && !unit && !team, TZ_TABLE_KIND_PHONE, 11,
                  g_strdup (_ ("A mobile number of 11 digits.")));
      add_column (l, TZ_TABLE_FIELD_EMAIL, FALSE, TZ_TABLE_KIND_EMAIL, 100,
                  g_strdup (_ ("An e-mail address, name@example.cn.")));
      add_column (l, TZ_TABLE_FIELD_EMPLOYER, nomination || form, TZ_TABLE_KIND_TEXT,
                  TZ_PERSON_MAX_EMPLOYER, g_strdup (_ ("The full name of the employer.")));
      add_column (l, TZ_TABLE_FIELD_POSITION, FALSE, TZ_TABLE_KIND_TEXT, TZ_PERSON_MAX_POSITION,
                  g_strdup (_ ("The position held (职务).")));
      add_column (l, TZ_TABLE_FIELD_TITLE, FALSE, TZ_TABLE_KIND_TEXT, TZ_PERSON_MAX_TITLE,
                  g_strdup (_ ("The professional title (职称), if any.")));
    }
  add_column (l, TZ_TABLE_FIELD_RECOMMENDING_UNIT, TRUE, TZ_TABLE_KIND_TEXT, 100,
              g_strdup (_ ("The recommending unit’s full name, as in the unit list.")));
  if (work)
    {
      add_column (l, TZ_TABLE_FIELD_ENTRY_TITLE, TRUE, TZ_TABLE_KIND_TEXT, TZ_ENTRY_MAX_TITLE,
                  g_strdup (_ ("The title of the work.")));
      add_column (
          l, TZ_TABLE_FIELD_DESCRIPTION, FALSE, TZ_TABLE_KIND_TEXT,
          req->max_description_chars > 0 ? (guint) req->max_description_chars
                                         : TZ_ENTRY_MAX_DESCRIPTION,
          req->max_description_chars > 0
              ? g_strdup_printf (_ ("At most %" PRId64 " characters."), req->max_description_chars)
              : g_strdup (_ ("A short description of the work.")));
    }
  if (nomination || (form && !account))
    add_column (l, TZ_TABLE_FIELD_SUMMARY, nomination, TZ_TABLE_KIND_TEXT,
                req->max_summary_chars > 0 ? (guint) req->max_summary_chars : TZ_ENTRY_MAX_SUMMARY,
                req->max_summary_chars > 0 ? g_strdup_printf (_ ("At most %" PRId64 " characters."),
                                                              req->max_summary_chars)
                                           : g_strdup (_ ("The main deeds, in brief.")));
  if (account || l->platforms[0] != NULL)
    {
      TzTableColumn *c =
          add_column (l, TZ_TABLE_FIELD_PLATFORM, account && l->platforms[0] != NULL,
                      l->platforms[0] != NULL ? TZ_TABLE_KIND_CHOICE : TZ_TABLE_KIND_TEXT, 50,
                      g_strdup (_ ("The platform, chosen from the list.")));

      if (l->platforms[0] != NULL)
        c->choices = g_strdupv (l->platforms);
    }
  if (account)
    {
      add_column (l, TZ_TABLE_FIELD_ACCOUNT_NICKNAME, TRUE, TZ_TABLE_KIND_TEXT, 100,
                  g_strdup (_ ("The account’s nickname as the platform shows it.")));
      add_column (l, TZ_TABLE_FIELD_URL, FALSE, TZ_TABLE_KIND_TEXT, 500,
                  g_strdup (_ ("The link to the account’s home page.")))
          ->header = "账号链接";
      add_column (
          l, TZ_TABLE_FIELD_FOLLOWERS, req->min_followers > 0, TZ_TABLE_KIND_COUNT, 0,
          req->min_followers > 0
              ? g_strdup_printf (_ ("A whole number, at least %" PRId64 "."), req->min_followers)
              : g_strdup (_ ("A whole number.")));
    }
  else if (work)
    {
      add_column (l, TZ_TABLE_FIELD_URL, FALSE, TZ_TABLE_KIND_TEXT, 500,
                  g_strdup (_ ("The link to the published work, if any.")));
      if (person)
        add_column (l, TZ_TABLE_FIELD_INSTRUCTOR, FALSE, TZ_TABLE_KIND_TEXT, 50,
                    g_strdup (_ ("The instructing teacher, if any.")));
    }
  add_column (l, TZ_TABLE_FIELD_NOTE, FALSE, TZ_TABLE_KIND_TEXT, 500,
              g_strdup (_ ("Anything else.")));
  return g_steal_pointer (&l);
}

const TzTableColumn *
tz_table_layout_find (const TzTableLayout *layout, TzTableField field, guint *index)
{
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const TzTableColumn *c = layout->columns->pdata[i];

      if (c->field == field)
        {
          if (index != NULL)
            *index = i;
          return c;
        }
    }
  return NULL;
}

int
tz_table_layout_match_header (const TzTableLayout *layout, const char *header)
{
  TzTableField field = tz_table_field_from_header (header);
  guint index;

  if (field == TZ_TABLE_FIELD_NONE || tz_table_layout_find (layout, field, &index) == NULL)
    return -1;
  return (int) index;
}
