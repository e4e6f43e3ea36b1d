/* tz-report-list.h — the list recommendation form (名单式推荐表) and the entry
 * catalogue (作品目录 / 汇总表)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-report.h"

G_BEGIN_DECLS

/* Who fills in the list form, and for which unit. */
typedef struct
{
  gint64 unit_id;           /* the recommending unit; 0: every unit, one form each */
  const char *filler_name;  /* 填表人姓名 (NULL: blank) */
  const char *filler_title; /* 职务 */
  const char *filler_phone; /* 联系方式 */
} TzListFormOptions;

/* The list recommendation form of a track (Hunan's “正能量职工网络达人征集”推荐表):
 * 推荐单位（盖章）with the unit's default seal on its name, the table 序号 / 姓名 /
 * 单位 / 参赛平台 / 账号昵称 / 手机号 / 备注 over as many pages as it takes, the
 * filler's lines and the notice's notes (mailbox and deadline from the campaign).
 * Phones are masked unless @options->unmasked (then recorded in the audit log).
 * Refuses a track with no entries for the unit(s) and writes nothing then. */
gboolean tz_report_list_form (TzDb *db, gint64 campaign_id, gint64 track_id,
                              const TzListFormOptions *list, const TzReportOptions *options,
                              const char *path, GError **error);

/* The catalogue of entries (作品目录) of a track, or of the whole campaign when
 * @track_id is 0: 序号, 子活动, 推荐单位, 作者/参评对象, 作品名称, 作品说明,
 * 要求符合情况, 状态. The xlsx is written row by row in constant memory. */
gboolean tz_report_catalogue (TzDb *db, gint64 campaign_id, gint64 track_id,
                              const TzReportOptions *options, const char *path, GError **error);

/* The status of an entry as the Chinese forms print it (草稿, 已报送 …). */
const char *tz_report_status_text (const char *status);

G_END_DECLS
