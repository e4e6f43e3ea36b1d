/* tz-scores.h — judges, expert scores and online metric snapshots; their import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import columns are described in README.md, "Importing scores and
 * metrics". An import is all or nothing: with any bad row nothing is stored
 * and every problem is returned.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

/* The judge @name of the campaign of @track_id, created on first use, and
 * assigned to the track. */
gboolean tz_judge_ensure (TzDb *db, gint64 track_id, const char *name, gint64 *judge_id,
                          GError **error);

/* The criterion @name of @track_id and its maximum (0: none); TZ_ERROR_NOT_FOUND. */
gboolean tz_criterion_lookup (TzDb *db, gint64 track_id, const char *name, gint64 *criterion_id,
                              double *max_score, GError **error);

/* Saves one score (upsert by entry × judge × criterion); @value < 0 stores none.
 * *@changed (may be NULL) tells whether the stored row changed. */
gboolean tz_score_save (TzDb *db, gint64 entry_id, gint64 judge_id, gint64 criterion_id,
                        double value, gboolean abstain, gboolean conflict, gboolean *changed,
                        GError **error);

/* Saves one snapshot (upsert by entry × metric × date, date YYYY-MM-DD). */
gboolean tz_metric_save (TzDb *db, gint64 entry_id, const char *metric, double value,
                         const char *taken_on, const char *source, gboolean *changed,
                         GError **error);

/* Saves one snapshot of an account (a platform account of a person or unit),
 * likewise; the ranking uses it for entries linked to the account that have no
 * snapshot of their own. */
gboolean tz_account_metric_save (TzDb *db, gint64 account_id, const char *metric, double value,
                                 const char *taken_on, const char *source, gboolean *changed,
                                 GError **error);

typedef struct
{
  guint row;     /* 0: the file as a whole */
  char *column;  /* the column's header as written in the file, or "" */
  char *message; /* translated */
} TzImportProblem;

void tz_import_problem_free (TzImportProblem *problem);

typedef struct
{
  guint rows;          /* data rows read */
  guint changed;       /* stored rows added or changed */
  GPtrArray *problems; /* of TzImportProblem; empty when the import went through */
} TzImportResult;

void tz_import_result_clear (TzImportResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TzImportResult, tz_import_result_clear)

/* "row<TAB>column<TAB>message" per problem, one a line. */
char *tz_import_result_format_problems (const TzImportResult *result);

/* Imports expert scores of @track_id from @path (.csv or .xlsx). FALSE with
 * TZ_ERROR_INVALID when @result->problems is not empty (nothing stored), or with
 * another error when the file cannot be read. With @dry_run only checks. */
gboolean tz_scores_import (TzDb *db, gint64 track_id, const char *path, gboolean dry_run,
                           TzImportResult *result, GError **error);

/* Imports online metric snapshots of @track_id from @path, likewise. A row
 * names either an entry (作品: id or title) or an account (账号: nickname,
 * handle or address of an account of one of the track's entrants). Each
 * import that writes adds a line to the import history. */
gboolean tz_metrics_import (TzDb *db, gint64 track_id, const char *path, gboolean dry_run,
                            TzImportResult *result, GError **error);

/* Listing, for the score grid. */
typedef struct
{
  gint64 id;
  char *name;
} TzJudgeInfo;

void tz_judge_info_free (TzJudgeInfo *judge);

typedef struct
{
  gint64 id;
  char *name;
  double max_score; /* 0: none */
  double weight;
} TzCriterionInfo;

void tz_criterion_info_free (TzCriterionInfo *criterion);

typedef struct
{
  gint64 entry_id;
  gint64 criterion_id;
  double value; /* -1: none */
  gboolean abstain;
  gboolean conflict;
} TzScoreCell;

/* The judges assigned to @track_id, or who scored its entries, by name: of TzJudgeInfo. */
GPtrArray *tz_scores_list_judges (TzDb *db, gint64 track_id, GError **error);

/* The criteria of @track_id in order: of TzCriterionInfo. */
GPtrArray *tz_scores_list_criteria (TzDb *db, gint64 track_id, GError **error);

/* The stored scores of @judge_id for the entries of @track_id: a GArray of
 * TzScoreCell, by entry id then criterion order. Cells never stored are absent. */
GArray *tz_scores_get (TzDb *db, gint64 track_id, gint64 judge_id, GError **error);

/* Parses @text as a score between 0 and @max (0: no maximum); "" is no score
 * (*@value = -1). TZ_ERROR_INVALID with the import's message otherwise. */
gboolean tz_score_check (const char *text, double max, double *value, GError **error);

G_END_DECLS
