/* tz-ranking.h — ranking a track's entries and allocating its award tiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formula, the tie order and the allocation rule are written down in
 * docs/ranking.md; the tests reproduce its worked example.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 entry_id;
  char *title;
  char *entrant;      /* the person, team or unit that entered */
  gint64 division_id; /* 0: no division */
  char *division;     /* NULL: no division */
  double expert;      /* the expert total scaled to 0–100; -1 without any score */
  double metric;      /* the latest snapshot of the track's metric; -1 without one */
  double composite;   /* 0–100, what the rank is decided by */
  gint64 rank;        /* competition ranking (1, 2, 2, 4) within the division; 0 when not counted */
  gboolean tied;      /* another entry of the division has the same rank */
  gboolean counted;   /* FALSE: not the entrant's best work on a best-work-only track */
  char *award;        /* the award names joined by "、", NULL for none */
  char *metric_taken_on;        /* the date of the metric's snapshot, NULL without one */
  gboolean metric_from_account; /* the snapshot is of the entry's account, not of the entry */
} TzRankRow;

void tz_rank_row_free (TzRankRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzRankRow, tz_rank_row_free)

/* Ranks every entry of @track_id (withdrawn entries left out): by division
 * (in the track's order, entries without a division last), then by rank, the
 * entries that are not counted after the counted ones of their division.
 * The awards shown are the automatic allocation with the hand-assigned awards
 * kept, or the saved ones when the allocation is locked. With @save the
 * allocation replaces the saved automatic awards in one transaction, and the
 * status of the entries follows it (awarded; an entry that lost its award goes
 * back to reviewed), unless the allocation is locked. A GPtrArray of
 * TzRankRow, NULL with @error. */
GPtrArray *tz_ranking_compute (TzDb *db, gint64 track_id, gboolean save, GError **error);

/* Whether the saved allocation of @track_id is locked. */
gboolean tz_ranking_is_locked (TzDb *db, gint64 track_id, gboolean *locked, GError **error);

/* Locks or unlocks the saved allocation of @track_id; locking a track with no
 * saved award fails with TZ_ERROR_INVALID. */
gboolean tz_ranking_set_locked (TzDb *db, gint64 track_id, gboolean locked, GError **error);

/* How a track is ranked, as stored. */
typedef struct
{
  char *method;         /* expert, metric, composite, manual */
  char *metric;         /* 浏览量, 点赞量, 得票数 … or NULL */
  char *entry_kind;     /* work, nomination, account */
  double expert_weight; /* as the notice gives them: 60 and 40, or 0.6 and 0.4 */
  double metric_weight;
  gboolean best_work_only;      /* only an entrant's best work counts */
  gboolean trimmed;             /* trimmed mean of the judges' values, else the mean */
  gboolean normalize;           /* judges' values moved to a common scale first */
  gint64 max_per_voter_per_day; /* the platform's daily limit per person; 0: none given */
  char *note;                   /* the notice's sentence on the ranking, or NULL */
} TzRankingRules;

void tz_ranking_rules_free (TzRankingRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzRankingRules, tz_ranking_rules_free)

/* The rules of @track_id; NULL with TZ_ERROR_NOT_FOUND when there is none. */
TzRankingRules *tz_ranking_get_rules (TzDb *db, gint64 track_id, GError **error);

/* Why a judge's value does or does not enter the expert total. */
typedef enum
{
  TZ_SCORE_COUNTED,  /* in the aggregate of its criterion */
  TZ_SCORE_BLANK,    /* no value given */
  TZ_SCORE_ABSTAIN,  /* 弃权 */
  TZ_SCORE_CONFLICT, /* 回避: conflict of interest */
  TZ_SCORE_TRIMMED,  /* the single highest or lowest value of a trimmed mean */
} TzScoreUse;

typedef struct
{
  gint64 judge_id;
  gint64 criterion_id;
  double value;      /* as the judge gave it; -1 for none */
  double adjusted;   /* after normalisation (the value itself without); -1 when left out */
  double z;          /* with normalisation: (value − the judge's mean) / the judge's deviation
                      * on the criterion, 0 when the judge's values do not vary */
  gboolean abstain;  /* marked 弃权 */
  gboolean conflict; /* marked 回避 */
  TzScoreUse use;
} TzScoreDetail;

typedef struct
{
  gint64 id;
  char *name;
  double max; /* the maximum (100 when the criterion has none) */
  double weight;
  double aggregate; /* the mean (or trimmed mean) of the counted values; -1 when none */
  guint n_counted;
} TzCriterionDetail;

typedef struct
{
  gint64 id;
  char *name;
  double total; /* the sum of the values the judge gave (abstentions and conflicts left out);
                 * -1 when none */
} TzJudgeDetail;

/* Everything the composite of one entry is made of, from the computation
 * tz_ranking_compute() does (not a second one). */
typedef struct
{
  TzRankRow *row; /* the entry's row of the ranking (award included) */
  TzRankingRules *rules;
  GPtrArray *criteria;      /* TzCriterionDetail, in the track's order */
  GPtrArray *judges;        /* TzJudgeDetail of the judges with a score row, by name */
  GArray *scores;           /* TzScoreDetail, by judge (as in judges) then criterion order */
  double expert_max_total;  /* Σ weight × max over the criteria */
  gint64 metric_account_id; /* the account whose snapshot counts, 0 when the entry's own */
  double metric_max;        /* the largest metric among the counted entries of the division */
  double metric_scaled;     /* 100 × metric / metric_max; 0 without */
  double expert_share;      /* the proportions the composite uses (they add up to 1) */
  double metric_share;
  double expert_part; /* expert_share × expert (an entry without scores counts 0) */
  double metric_part; /* metric_share × metric_scaled */
} TzRankBreakdown;

void tz_rank_breakdown_free (TzRankBreakdown *breakdown);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzRankBreakdown, tz_rank_breakdown_free)

/* How the composite of @entry_id in @track_id is made up: each judge's value
 * per criterion, with its marks and whether it was left out, the per-judge
 * totals, the z-scores when the track normalises judges, the criterion
 * aggregates and the expert total, the metric and its snapshot, the scaled
 * parts, the weights and the composite. Nothing is saved. TZ_ERROR_NOT_FOUND
 * when the entry is not ranked in the track (withdrawn, another track, not
 * advanced from a round). */
TzRankBreakdown *tz_ranking_breakdown (TzDb *db, gint64 track_id, gint64 entry_id, GError **error);

/* Sets the status of @track_id's entries from its saved awards: an entry with
 * an award for the entry or its person (not an instructor's) becomes awarded
 * (from submitted, reviewed, shortlisted or not_selected), an awarded entry
 * without any goes back to reviewed; drafts and withdrawn entries are left
 * alone. Saving the allocation and giving or removing an award by hand call
 * it in their transaction. */
gboolean tz_ranking_sync_status (TzDb *db, gint64 track_id, GError **error);

G_END_DECLS
