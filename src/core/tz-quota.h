/* tz-quota.h — quotas (任务分配) and progress against them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef enum
{
  TZ_QUOTA_ACTIVITY, /* offline activities a unit must hold */
  TZ_QUOTA_NOMINEE,  /* people a unit may recommend */
  TZ_QUOTA_WORK,     /* works a unit may recommend */
} TzQuotaKind;

const char *tz_quota_kind_to_string (TzQuotaKind kind);
gboolean tz_quota_kind_from_string (const char *text, TzQuotaKind *kind, GError **error);

typedef struct
{
  gint64 unit_id;
  char *unit_name;
  gint64 track_id; /* 0: every track of the kind */
  char *track_name;
  gint64 min_count;   /* the target for activities */
  gint64 max_count;   /* -1: no upper bound */
  gint64 held;        /* activities held, or nominees / works recommended, sub-units included */
  gboolean from_rule; /* expanded from the campaign's rule for every participant */
} TzQuotaRow;

void tz_quota_row_free (TzQuotaRow *row);

/* One row per unit (and track), in the order of the notice's table; a rule for
 * every participant unit is expanded unless a unit has a row of its own. */
GPtrArray *tz_quota_list (TzDb *db, gint64 campaign_id, TzQuotaKind kind, GError **error);

/* Sets (or with @min_count < 0 removes) a unit's quota; @max_count -1 for none. */
gboolean tz_quota_set (TzDb *db, gint64 campaign_id, TzQuotaKind kind, gint64 track_id,
                       gint64 unit_id, gint64 min_count, gint64 max_count, GError **error);

/* The completion of a row as a fraction (held / target), 1 when the target is 0. */
double tz_quota_row_progress (const TzQuotaRow *row);

/* Whether a row's unit has held (or recommended) fewer than its target. */
gboolean tz_quota_row_is_behind (const TzQuotaRow *row);

/* A target as the notice writes it: "10", or "1–2" for a range; newly allocated. */
char *tz_quota_format_target (gint64 min_count, gint64 max_count);

/* Reads a target as typed: @min_text a whole number, 0 or more; @max_text empty
 * or NULL for no upper bound (*max_count = -1), else a whole number not below
 * the target. Full-width digits and surrounding spaces are accepted. */
gboolean tz_quota_parse_target (const char *min_text, const char *max_text, gint64 *min_count,
                                gint64 *max_count, GError **error);

typedef struct
{
  gint64 target;  /* the sum of the targets */
  gint64 held;    /* the sum of what was held */
  guint n_rows;   /* rows counted */
  guint n_behind; /* rows below their target */
} TzQuotaTotals;

/* Sums the rows of tz_quota_list(): 120 activities in all for the 13 cities. */
void tz_quota_totals (GPtrArray *rows, TzQuotaTotals *totals);

/* held / target of the totals, 1 when the target is 0. */
double tz_quota_totals_progress (const TzQuotaTotals *totals);

G_END_DECLS
