/* tz-table-columns.h — the columns of a track's fillable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One definition of what a lower unit fills in for a track: the blank template
 * (tz-template.h) writes these columns and the import (tz-table-import.h) maps
 * a filled table back onto them. The columns depend on the track: who enters
 * (person, team, unit), what is entered (work, nomination, account), the
 * platforms and the requirements (max_summary_chars, max_description_chars).
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

/* The hidden sheet of a template, a two-column key / value table. */
#define TZ_TABLE_META_SHEET   "_taizhang"
#define TZ_TABLE_META_FORMAT  "taizhang-table"
#define TZ_TABLE_META_VERSION "1"
/* Keys of the hidden sheet. */
#define TZ_TABLE_META_KEY_FORMAT         "format"
#define TZ_TABLE_META_KEY_VERSION        "version"
#define TZ_TABLE_META_KEY_CAMPAIGN_UUID  "campaign_uuid"
#define TZ_TABLE_META_KEY_CAMPAIGN_TITLE "campaign_title"
#define TZ_TABLE_META_KEY_TRACK_UUID     "track_uuid"
#define TZ_TABLE_META_KEY_TRACK_NAME     "track_name"

typedef enum
{
  TZ_TABLE_FIELD_NONE = 0,
  TZ_TABLE_FIELD_SEQ,          /* 序号: written in the template, never imported */
  TZ_TABLE_FIELD_NAME,         /* 姓名 */
  TZ_TABLE_FIELD_GENDER,       /* 性别 */
  TZ_TABLE_FIELD_BIRTH_DATE,   /* 出生年月 */
  TZ_TABLE_FIELD_ETHNICITY,    /* 民族 */
  TZ_TABLE_FIELD_POLITICAL,    /* 政治面貌 */
  TZ_TABLE_FIELD_ID_NUMBER,    /* 身份证号 */
  TZ_TABLE_FIELD_PHONE,        /* 手机号 */
  TZ_TABLE_FIELD_EMAIL,        /* 电子邮箱 */
  TZ_TABLE_FIELD_EMPLOYER,     /* 工作单位 */
  TZ_TABLE_FIELD_POSITION,     /* 职务 */
  TZ_TABLE_FIELD_TITLE,        /* 职称 */
  TZ_TABLE_FIELD_TEAM_NAME,    /* 团队名称 */
  TZ_TABLE_FIELD_ENTRANT_UNIT, /* 参赛单位: the entrant of a unit track, a unit of the tree */
  TZ_TABLE_FIELD_RECOMMENDING_UNIT, /* 推荐单位: a unit of the tree */
  TZ_TABLE_FIELD_ENTRY_TITLE,       /* 作品名称 */
  TZ_TABLE_FIELD_DESCRIPTION,       /* 作品简介 */
  TZ_TABLE_FIELD_SUMMARY,           /* 事迹简介 */
  TZ_TABLE_FIELD_PLATFORM,          /* 参赛平台 */
  TZ_TABLE_FIELD_ACCOUNT_NICKNAME,  /* 账号昵称 */
  TZ_TABLE_FIELD_URL,               /* 作品链接 / 账号链接 */
  TZ_TABLE_FIELD_FOLLOWERS,         /* 粉丝数 */
  TZ_TABLE_FIELD_INSTRUCTOR,        /* 指导教师 */
  TZ_TABLE_FIELD_NOTE,              /* 备注 */
  TZ_TABLE_N_FIELDS
} TzTableField;

typedef enum
{
  TZ_TABLE_KIND_TEXT,
  TZ_TABLE_KIND_ID_NUMBER, /* an 18-character resident ID: text in Excel (@) */
  TZ_TABLE_KIND_PHONE,     /* a mobile number: text in Excel (@) */
  TZ_TABLE_KIND_EMAIL,
  TZ_TABLE_KIND_DATE,   /* YYYY-MM or YYYY-MM-DD */
  TZ_TABLE_KIND_CHOICE, /* one of @choices */
  TZ_TABLE_KIND_COUNT,  /* a whole number >= 0 */
} TzTableKind;

typedef struct
{
  TzTableField field;
  const char *header;          /* the Chinese header of the template (static) */
  const char *const *synonyms; /* other headers meaning the same (static, NULL-terminated) */
  gboolean required;
  TzTableKind kind;
  GStrv choices;   /* NULL, or the values a CHOICE column takes, in order */
  guint max_chars; /* 0: no limit beyond the kind's own */
  char *hint;      /* one line for the instructions sheet and the input message (translated) */
} TzTableColumn;

typedef struct
{
  gint64 campaign_id;
  gint64 track_id;
  char *campaign_uuid;
  char *campaign_title;
  char *track_uuid;
  char *track_name;
  char *short_name;         /* the track's short name, or NULL */
  char *entrant_kind;       /* person, team, unit, person_or_team, unit_or_team, any */
  char *entry_kind;         /* work, nomination, account */
  char *form;               /* none, personal, list */
  gboolean one_per_entrant; /* nomination / account tracks, or one_entry_per_entrant */
  GStrv platforms;          /* the track's platforms, else the campaign's (may be empty) */
  GPtrArray *columns;       /* of TzTableColumn, in the template's order */
} TzTableLayout;

void tz_table_layout_free (TzTableLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzTableLayout, tz_table_layout_free)

/* The columns of the fillable table of @track_id; TZ_ERROR_NOT_FOUND when there
 * is no such track. */
TzTableLayout *tz_table_layout_for_track (TzDb *db, gint64 track_id, GError **error);

/* The column of @field in @layout, or NULL; its index in *@index (may be NULL). */
const TzTableColumn *tz_table_layout_find (const TzTableLayout *layout, TzTableField field,
                                           guint *index);

/* The column of @layout a header written in a file means (its header or a
 * synonym; spaces, line breaks, a leading or trailing * and (必填) / （必填） are
 * ignored), or -1. */
int tz_table_layout_match_header (const TzTableLayout *layout, const char *header);

/* The field any known header or synonym means, whatever the track (序号 is
 * TZ_TABLE_FIELD_SEQ), or TZ_TABLE_FIELD_NONE. */
TzTableField tz_table_field_from_header (const char *header);

/* The template's Chinese header of @field (static). */
const char *tz_table_field_header (TzTableField field);

/* @header without spaces, line breaks, * and (必填) marks: the form headers are
 * compared in. */
char *tz_table_header_normalize (const char *header);

G_END_DECLS
