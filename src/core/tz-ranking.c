/* tz-ranking.c — ranking a track's entries and allocating its award tiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is computed in memory from a few queries: a track has at most a
 * few thousand entries, and one pass over them keeps the rules (docs/ranking.md)
 * readable in one place instead of spread over SQL window functions.
 */
#define G_LOG_DOMAIN "tz-ranking"

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tz-ranking.h"

typedef enum
{
  METHOD_EXPERT,
  METHOD_METRIC,
  METHOD_COMPOSITE,
  METHOD_MANUAL,
} Method;

typedef struct
{
  Method method;
  TzRankingRules *rules;
  const char *metric;
  double expert_weight;
  double metric_weight;
  gboolean best_work_only;
  gboolean trimmed;
  gboolean normalize;
} Track;

typedef struct
{
  gint64 id;
  int seq;
  char *name;
  GPtrArray *filters; /* dimension, value, dimension, value, … */
} Division;

typedef struct
{
  TzRankRow *row;
  char *entrant_key;
  char *submitted_on;
  int division_seq;     /* G_MAXINT: no division, ranked last */
  char *attrs[6];       /* platform, entrant_kind, unit, unit_kind, region, school_level */
  gboolean manual_tier; /* holds a hand-assigned award of an ordinary tier */
  gint64 auto_tier;     /* the tier given by the allocation, 0 for none */
  char *auto_name;
  GString *kept;         /* names of the awards kept as they are */
  char *quota_kind;      /* kind of the entrant unit, else of the recommending unit */
  gint64 account_id;     /* the entry's account (entry.account_id), 0 for none */
  gint64 metric_account; /* the account whose snapshot gave the metric, 0 for the entry's own */
  double metric_max;     /* the largest counted metric of the division */
  double metric_scaled;  /* 100 × metric / metric_max */
} Item;

/* One score row of the track: the value a judge gave, or the marks. */
typedef struct
{
  gint64 entry_id;
  gint64 judge_id;
  gint64 criterion_id;
  double value;    /* -1: none */
  double adjusted; /* the value after normalisation */
  float z;         /* for the breakdown only: kept small, a track may have millions of scores */
  guint8 abstain;
  guint8 conflict;
  guint8 use; /* TzScoreUse */
} Score;

typedef struct
{
  gint64 id;
  double max;
  double weight;
  char *name;
} Criterion;

/* The entry whose breakdown is asked for, and where it goes. */
typedef struct
{
  gint64 entry_id;
  TzRankBreakdown *out;
} Detail;

typedef struct
{
  gint64 id;
  gint64 division_id;
  char *name;
  gint64 count;
  char *unit_kind; /* NULL: any entry; else only entries whose quota_kind is this */
} Tier;

static const char *const dimensions[] = { "platform",  "entrant_kind", "unit",
                                          "unit_kind", "region",       "school_level" };

/* Scores that differ by less than this are equal: 60/40 weights would
 * otherwise split ties on floating-point noise. */
#define EPSILON 1e-6

void
tz_rank_row_free (TzRankRow *row)
{
  if (row == NULL)
    return;
  g_free (row->title);
  g_free (row->entrant);
  g_free (row->division);
  g_free (row->award);
  g_free (row->metric_taken_on);
  g_free (row);
}

void
tz_ranking_rules_free (TzRankingRules *rules)
{
  if (rules == NULL)
    return;
  g_free (rules->method);
  g_free (rules->metric);
  g_free (rules->entry_kind);
  g_free (rules->note);
  g_free (rules);
}

static void
criterion_detail_free (TzCriterionDetail *c)
{
  g_free (c->name);
  g_free (c);
}

static void
judge_detail_free (TzJudgeDetail *j)
{
  g_free (j->name);
  g_free (j);
}

void
tz_rank_breakdown_free (TzRankBreakdown *breakdown)
{
  if (breakdown == NULL)
    return;
  tz_rank_row_free (breakdown->row);
  tz_ranking_rules_free (breakdown->rules);
  g_clear_pointer (&breakdown->criteria, g_ptr_array_unref);
  g_clear_pointer (&breakdown->judges, g_ptr_array_unref);
  g_clear_pointer (&breakdown->scores, g_array_unref);
  g_free (breakdown);
}

static void
division_free (Division *d)
{
  g_free (d->name);
  g_ptr_array_unref (d->filters);
  g_free (d);
}

static void
item_free (Item *item)
{
  tz_rank_row_free (item->row);
  g_free (item->entrant_key);
  g_free (item->submitted_on);
  for (guint i = 0; i < G_N_ELEMENTS (item->attrs); i++)
    g_free (item->attrs[i]);
  g_free (item->auto_name);
  g_free (item->quota_kind);
  g_string_free (item->kept, TRUE);
  g_free (item);
}

static void
tier_free (Tier *tier)
{
  g_free (tier->name);
  g_free (tier->unit_kind);
  g_free (tier);
}

TzRankingRules *
tz_ranking_get_rules (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  TzRankingRules *rules;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  stmt = tz_db_prepare (db,
                        "SELECT ranking_method, metric, expert_weight, metric_weight, "
                        "  best_work_only, score_aggregate, normalize_judges, entry_kind,"
                        "  ifnull(max_per_voter_per_day, 0), nullif(trim(ranking_note), '') "
                        "FROM track WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no track %" PRId64 "."),
                   track_id);
      return NULL;
    }
  rules = g_new0 (TzRankingRules, 1);
  rules->method = tz_db_column_dup (stmt, 0);
  rules->metric = tz_db_column_dup (stmt, 1);
  rules->expert_weight = sqlite3_column_double (stmt, 2);
  rules->metric_weight = sqlite3_column_double (stmt, 3);
  rules->best_work_only = sqlite3_column_int (stmt, 4);
  rules->trimmed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "trimmed_mean") == 0;
  rules->normalize = sqlite3_column_int (stmt, 6);
  rules->entry_kind = tz_db_column_dup (stmt, 7);
  rules->max_per_voter_per_day = sqlite3_column_int64 (stmt, 8);
  rules->note = tz_db_column_dup (stmt, 9);
  return rules;
}

static gboolean
load_track (TzDb *db, gint64 track_id, Track *track, GError **error)
{
  TzRankingRules *rules = tz_ranking_get_rules (db, track_id, error);

  if (rules == NULL)
    return FALSE;
  track->rules = rules;
  if (g_strcmp0 (rules->method, "metric") == 0)
    track->method = METHOD_METRIC;
  else if (g_strcmp0 (rules->method, "composite") == 0)
    track->method = METHOD_COMPOSITE;
  else if (g_strcmp0 (rules->method, "manual") == 0)
    track->method = METHOD_MANUAL;
  else
    track->method = METHOD_EXPERT;
  track->metric = rules->metric;
  track->expert_weight = rules->expert_weight;
  track->metric_weight = rules->metric_weight;
  track->best_work_only = rules->best_work_only;
  track->trimmed = rules->trimmed;
  track->normalize = rules->normalize;
  return TRUE;
}

static GPtrArray *
load_divisions (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) division_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) filters = NULL;
  int rc;

  stmt = tz_db_prepare (
      db, "SELECT id, seq, name FROM division WHERE track_id = ?1 ORDER BY seq, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Division *d = g_new0 (Division, 1);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->seq = sqlite3_column_int (stmt, 1);
      d->name = tz_db_column_dup (stmt, 2);
      d->filters = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (list, d);
    }
  if (rc < 0)
    return NULL;

  filters = tz_db_prepare (db,
                           "SELECT f.division_id, f.dimension, f.value FROM division_filter f "
                           "JOIN division d ON d.id = f.division_id WHERE d.track_id = ?1",
                           error);
  if (filters == NULL)
    return NULL;
  sqlite3_bind_int64 (filters, 1, track_id);
  while ((rc = tz_db_step (db, filters, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (filters, 0);

      for (guint i = 0; i < list->len; i++)
        {
          Division *d = list->pdata[i];

          if (d->id != id)
            continue;
          g_ptr_array_add (d->filters, tz_db_column_dup (filters, 1));
          g_ptr_array_add (d->filters, tz_db_column_dup (filters, 2));
        }
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

/* A division matches when, for every dimension it filters on, the entry's
 * value is one of the division's values; a division without filters matches
 * nothing, so that it only holds entries placed there by hand. */
static gboolean
division_matches (const Division *d, const Item *item)
{
  if (d->filters->len == 0)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (dimensions); k++)
    {
      gboolean filtered = FALSE, found = FALSE;

      for (guint i = 0; i + 1 < d->filters->len; i += 2)
        {
          if (g_strcmp0 (d->filters->pdata[i], dimensions[k]) != 0)
            continue;
          filtered = TRUE;
          if (g_strcmp0 (d->filters->pdata[i + 1], item->attrs[k]) == 0)
            found = TRUE;
        }
      if (filtered && !found)
        return FALSE;
    }
  return TRUE;
}

static void
assign_division (GPtrArray *divisions, Item *item, gint64 division_id)
{
  const Division *match = NULL;

  for (guint i = 0; i < divisions->len; i++)
    {
      const Division *d = divisions->pdata[i];

      if (division_id != 0)
        {
          if (d->id == division_id)
            match = d;
        }
      else if (division_matches (d, item))
        {
          /* Two matching divisions: the entry must be placed by hand. */
          if (match != NULL)
            return;
          match = d;
        }
    }
  if (match == NULL)
    return;
  item->row->division_id = match->id;
  item->row->division = g_strdup (match->name);
  item->division_seq = match->seq;
}

static GPtrArray *
load_items (TzDb *db, gint64 track_id, const Track *track, GPtrArray *divisions, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (
      db,
      "SELECT e.id, e.title, coalesce(p.name, t.name, eu.name, ''), ifnull(e.division_id, 0),"
      "  e.platform,"
      "  CASE WHEN e.person_id IS NOT NULL THEN 'person'"
      "       WHEN e.team_id IS NOT NULL THEN 'team' ELSE 'unit' END,"
      "  u.name, u.kind, u.region, u.school_level,"
      "  CASE WHEN e.person_id IS NOT NULL THEN 'p' || e.person_id"
      "       WHEN e.team_id IS NOT NULL THEN 't' || e.team_id"
      "       ELSE 'u' || e.entrant_unit_id END,"
      "  e.submitted_on, ms.value,"
      "  (SELECT q.kind FROM unit q WHERE q.id = coalesce(e.entrant_unit_id,"
      "   e.recommending_unit_id)),"
      "  ms.taken_on, ifnull(e.account_id, 0) "
      "FROM entry e"
      /* The entry's own latest snapshot of the metric. */
      " LEFT JOIN metric_snapshot ms ON ms.id = (SELECT m.id FROM metric_snapshot m"
      "  WHERE m.entry_id = e.id AND m.metric = ?2 ORDER BY m.taken_on DESC, m.id DESC LIMIT 1)"
      " LEFT JOIN person p ON p.id = e.person_id"
      " LEFT JOIN team t ON t.id = e.team_id"
      " LEFT JOIN unit eu ON eu.id = e.entrant_unit_id"
      " LEFT JOIN unit u ON u.id = coalesce(e.entrant_unit_id, t.unit_id, p.unit_id) "
      "WHERE e.track_id = ?1 AND e.status <> 'withdrawn'"
      /* Rounds: only the entries that advanced from the last closed round. */
      " AND (NOT EXISTS (SELECT 1 FROM round r JOIN round_result x ON x.round_id = r.id"
      "   WHERE r.track_id = ?1 AND x.rank IS NOT NULL)"
      "  OR e.id IN (SELECT x.entry_id FROM round_result x WHERE x.advances = 1 AND x.round_id ="
      "   (SELECT r.id FROM round r WHERE r.track_id = ?1 AND EXISTS (SELECT 1 FROM round_result y"
      "    WHERE y.round_id = r.id AND y.rank IS NOT NULL) ORDER BY r.seq DESC LIMIT 1))) "
      "ORDER BY e.id",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  tz_db_bind_text (stmt, 2, track->metric);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Item *item = g_new0 (Item, 1);
      TzRankRow *row = g_new0 (TzRankRow, 1);

      item->row = row;
      item->kept = g_string_new (NULL);
      item->division_seq = G_MAXINT;
      row->entry_id = sqlite3_column_int64 (stmt, 0);
      row->title = tz_db_column_dup (stmt, 1);
      row->entrant = tz_db_column_dup (stmt, 2);
      for (guint i = 0; i < G_N_ELEMENTS (item->attrs); i++)
        item->attrs[i] = tz_db_column_dup (stmt, 4 + i);
      item->entrant_key = tz_db_column_dup (stmt, 10);
      item->submitted_on = tz_db_column_dup (stmt, 11);
      row->metric =
          sqlite3_column_type (stmt, 12) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 12);
      item->quota_kind = tz_db_column_dup (stmt, 13);
      row->metric_taken_on = tz_db_column_dup (stmt, 14);
      item->account_id = sqlite3_column_int64 (stmt, 15);
      row->expert = -1;
      row->counted = TRUE;
      assign_division (divisions, item, sqlite3_column_int64 (stmt, 3));
      g_ptr_array_add (list, item);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

typedef struct
{
  double value;
  char *taken_on;
  gint64 account_id;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->taken_on);
  g_free (snapshot);
}

/* An entry without a snapshot of its own takes the latest snapshot of its
 * account (on an account track that is the normal case): one pass over the
 * snapshots of the track's accounts, the latest of each kept. */
static gboolean
load_account_metrics (TzDb *db, gint64 track_id, const Track *track, GPtrArray *items,
                      GError **error)
{
  g_autoptr (GHashTable) latest =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) snapshot_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean wanted = FALSE;
  int rc;

  for (guint i = 0; i < items->len && !wanted; i++)
    {
      const Item *item = items->pdata[i];

      wanted = item->account_id != 0 && item->row->metric < 0;
    }
  if (!wanted || track->metric == NULL)
    return TRUE;

  stmt = tz_db_prepare (db,
                        "SELECT m.account_id, m.value, m.taken_on FROM metric_snapshot m "
                        "WHERE m.metric = ?2 AND m.account_id IN (SELECT e.account_id FROM entry e"
                        " WHERE e.track_id = ?1 AND e.account_id IS NOT NULL) "
                        "ORDER BY m.account_id, m.taken_on, m.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  tz_db_bind_text (stmt, 2, track->metric);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Snapshot *snapshot = g_new0 (Snapshot, 1);

      /* Ordered by date then id: each later row replaces the one before. */
      snapshot->account_id = sqlite3_column_int64 (stmt, 0);
      snapshot->value = sqlite3_column_double (stmt, 1);
      snapshot->taken_on = tz_db_column_dup (stmt, 2);
      g_hash_table_replace (latest, &snapshot->account_id, snapshot);
    }
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];
      const Snapshot *snapshot;

      if (item->account_id == 0 || item->row->metric >= 0)
        continue;
      snapshot = g_hash_table_lookup (latest, &item->account_id);
      if (snapshot == NULL)
        continue;
      item->row->metric = snapshot->value;
      g_free (item->row->metric_taken_on);
      item->row->metric_taken_on = g_strdup (snapshot->taken_on);
      item->row->metric_from_account = TRUE;
      item->metric_account = item->account_id;
    }
  return TRUE;
}

typedef struct
{
  double n, sum, sumsq;
} Acc;

static void
acc_add (GHashTable *table, char *key, double value)
{
  Acc *acc = g_hash_table_lookup (table, key);

  if (acc == NULL)
    {
      acc = g_new0 (Acc, 1);
      g_hash_table_insert (table, key, acc);
    }
  else
    g_free (key);
  acc->n += 1;
  acc->sum += value;
  acc->sumsq += value * value;
}

static void
acc_stats (const Acc *acc, double *mean, double *sd)
{
  double var;

  *mean = acc->sum / acc->n;
  var = acc->sumsq / acc->n - *mean * *mean;
  *sd = var > 0 ? sqrt (var) : 0;
}

static gboolean
score_counts (const Score *s)
{
  return !s->abstain && !s->conflict && s->value >= 0;
}

/* Moves each judge's scores of a criterion to the criterion's mean and spread
 * over all judges, so a strict judge and a lenient one weigh alike. Only the
 * values that count take part. */
static void
normalize_scores (GArray *scores)
{
  g_autoptr (GHashTable) per_judge =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) per_crit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < scores->len; i++)
    {
      Score *s = &g_array_index (scores, Score, i);

      if (!score_counts (s))
        continue;
      acc_add (per_judge, g_strdup_printf ("%" PRId64 ":%" PRId64, s->judge_id, s->criterion_id),
               s->value);
      acc_add (per_crit, g_strdup_printf ("%" PRId64, s->criterion_id), s->value);
    }
  for (guint i = 0; i < scores->len; i++)
    {
      Score *s = &g_array_index (scores, Score, i);
      g_autofree char *jk = NULL;
      g_autofree char *ck = NULL;
      double jmean, jsd, cmean, csd;

      if (!score_counts (s))
        continue;
      jk = g_strdup_printf ("%" PRId64 ":%" PRId64, s->judge_id, s->criterion_id);
      ck = g_strdup_printf ("%" PRId64, s->criterion_id);
      acc_stats (g_hash_table_lookup (per_judge, jk), &jmean, &jsd);
      acc_stats (g_hash_table_lookup (per_crit, ck), &cmean, &csd);
      /* A judge who gave one value throughout has no spread: shift only. */
      if (jsd > 0)
        {
          s->z = (float) ((s->value - jmean) / jsd);
          s->adjusted = cmean + csd * (s->value - jmean) / jsd;
        }
      else
        s->adjusted = cmean + (s->value - jmean);
      if (s->adjusted < 0)
        s->adjusted = 0;
    }
}

/* Lower adjusted value first, then the judge: the trimmed value of equal
 * ones is always the same judge's. */
static int
cmp_counted (gconstpointer pa, gconstpointer pb)
{
  const Score *a = *(Score *const *) pa, *b = *(Score *const *) pb;

  if (a->adjusted != b->adjusted)
    return a->adjusted < b->adjusted ? -1 : 1;
  return (a->judge_id > b->judge_id) - (a->judge_id < b->judge_id);
}

/* The mean, or the trimmed mean, of the counted scores of one criterion; the
 * single highest and lowest of a trimmed mean are marked TZ_SCORE_TRIMMED. */
static double
aggregate (GPtrArray *counted, gboolean trimmed)
{
  double sum = 0;
  guint from = 0, to = counted->len;

  g_ptr_array_sort (counted, cmp_counted);
  /* The trimmed mean needs a middle: with fewer than three scores it is the mean. */
  if (trimmed && counted->len >= 3)
    {
      from = 1;
      to = counted->len - 1;
      ((Score *) counted->pdata[0])->use = TZ_SCORE_TRIMMED;
      ((Score *) counted->pdata[counted->len - 1])->use = TZ_SCORE_TRIMMED;
    }
  for (guint i = from; i < to; i++)
    sum += ((Score *) counted->pdata[i])->adjusted;
  return sum / (to - from);
}

static int
cmp_scores (gconstpointer pa, gconstpointer pb)
{
  const Score *a = pa, *b = pb;

  return (a->entry_id > b->entry_id) - (a->entry_id < b->entry_id);
}

static gboolean
load_criteria (TzDb *db, gint64 track_id, GArray *criteria, double *max_total, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT id, ifnull(max_score, 100), weight, name FROM criterion "
                        "WHERE track_id = ?1 ORDER BY seq, id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  *max_total = 0;
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Criterion c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1),
                      sqlite3_column_double (stmt, 2), tz_db_column_dup (stmt, 3) };

      g_array_append_val (criteria, c);
      *max_total += c.max * c.weight;
    }
  return rc >= 0;
}

static void
criterion_clear (Criterion *c)
{
  g_free (c->name);
}

/* The breakdown's view of one entry's scores: the criteria with their
 * aggregates, the judges with their totals (names read here), each score. */
static gboolean
fill_detail (TzDb *db, Detail *detail, GArray *criteria, const double *aggregates,
             const guint *n_counted, double max_total, GArray *scores, guint first, guint last,
             GError **error)
{
  TzRankBreakdown *out = detail->out;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  out->expert_max_total = max_total;
  for (guint c = 0; c < criteria->len; c++)
    {
      const Criterion *crit = &g_array_index (criteria, Criterion, c);
      TzCriterionDetail *cd = g_new0 (TzCriterionDetail, 1);

      cd->id = crit->id;
      cd->name = g_strdup (crit->name);
      cd->max = crit->max;
      cd->weight = crit->weight;
      cd->aggregate = aggregates[c];
      cd->n_counted = n_counted[c];
      g_ptr_array_add (out->criteria, cd);
    }

  /* The judges who have a row for the entry, by name. */
  stmt =
      tz_db_prepare (db,
                     "SELECT DISTINCT j.id, j.name FROM score s JOIN judge j ON j.id = s.judge_id"
                     " JOIN criterion c ON c.id = s.criterion_id JOIN entry e ON e.id = s.entry_id"
                     " WHERE s.entry_id = ?1 AND c.track_id = e.track_id ORDER BY j.name, j.id",
                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->entry_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzJudgeDetail *jd = g_new0 (TzJudgeDetail, 1);

      jd->id = sqlite3_column_int64 (stmt, 0);
      jd->name = tz_db_column_dup (stmt, 1);
      jd->total = -1;
      g_ptr_array_add (out->judges, jd);
    }
  if (rc < 0)
    return FALSE;

  for (guint j = 0; j < out->judges->len; j++)
    {
      TzJudgeDetail *jd = out->judges->pdata[j];

      for (guint c = 0; c < criteria->len; c++)
        {
          const Criterion *crit = &g_array_index (criteria, Criterion, c);

          for (guint k = first; k < last; k++)
            {
              const Score *sc = &g_array_index (scores, Score, k);
              TzScoreDetail sd;

              if (sc->judge_id != jd->id || sc->criterion_id != crit->id)
                continue;
              sd.judge_id = sc->judge_id;
              sd.criterion_id = sc->criterion_id;
              sd.value = sc->value;
              sd.adjusted =
                  sc->use == TZ_SCORE_COUNTED || sc->use == TZ_SCORE_TRIMMED ? sc->adjusted : -1;
              sd.z = sc->z;
              sd.abstain = sc->abstain;
              sd.conflict = sc->conflict;
              sd.use = sc->use;
              g_array_append_val (out->scores, sd);
              if (score_counts (sc))
                jd->total = MAX (jd->total, 0) + sc->value;
            }
        }
    }
  return TRUE;
}

static gboolean
compute_expert (TzDb *db, gint64 track_id, const Track *track, GPtrArray *items, Detail *detail,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) criteria = g_array_new (FALSE, FALSE, sizeof (Criterion));
  g_autoptr (GArray) scores = g_array_new (FALSE, FALSE, sizeof (Score));
  g_autoptr (GPtrArray) counted = g_ptr_array_new ();
  g_autofree double *aggregates = NULL;
  g_autofree guint *n_counted = NULL;
  double max_total = 0;
  int rc;

  g_array_set_clear_func (criteria, (GDestroyNotify) criterion_clear);
  if (!load_criteria (db, track_id, criteria, &max_total, error))
    return FALSE;
  aggregates = g_new0 (double, MAX (criteria->len, 1));
  n_counted = g_new0 (guint, MAX (criteria->len, 1));

  /* Every row, marks included: abstentions, conflicts of interest and blank
   * values leave the judge out of the criterion. */
  stmt = tz_db_prepare (db,
                        "SELECT s.entry_id, s.judge_id, s.criterion_id, ifnull(s.value, -1),"
                        "  s.abstain, s.conflict FROM score s"
                        " JOIN entry e ON e.id = s.entry_id"
                        " JOIN criterion c ON c.id = s.criterion_id "
                        "WHERE e.track_id = ?1 AND c.track_id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Score s = { 0 };

      s.entry_id = sqlite3_column_int64 (stmt, 0);
      s.judge_id = sqlite3_column_int64 (stmt, 1);
      s.criterion_id = sqlite3_column_int64 (stmt, 2);
      s.value = sqlite3_column_double (stmt, 3);
      s.abstain = sqlite3_column_int (stmt, 4);
      s.conflict = sqlite3_column_int (stmt, 5);
      s.adjusted = s.value;
      s.use = s.conflict    ? TZ_SCORE_CONFLICT
              : s.abstain   ? TZ_SCORE_ABSTAIN
              : s.value < 0 ? TZ_SCORE_BLANK
                            : TZ_SCORE_COUNTED;
      g_array_append_val (scores, s);
    }
  if (rc < 0)
    return FALSE;
  if (track->normalize)
    normalize_scores (scores);

  /* Sorted by entry, each entry's scores are one run: one pass over them. */
  g_array_sort (scores, cmp_scores);
  for (guint i = 0, k = 0; i < items->len; i++)
    {
      TzRankRow *row = ((Item *) items->pdata[i])->row;
      double total = 0;
      gboolean any = FALSE;
      guint first, last;

      while (k < scores->len && g_array_index (scores, Score, k).entry_id < row->entry_id)
        k++;
      first = last = k;
      while (last < scores->len && g_array_index (scores, Score, last).entry_id == row->entry_id)
        last++;
      for (guint c = 0; c < criteria->len; c++)
        {
          const Criterion *crit = &g_array_index (criteria, Criterion, c);

          g_ptr_array_set_size (counted, 0);
          for (guint j = first; j < last; j++)
            {
              Score *sc = &g_array_index (scores, Score, j);

              if (sc->criterion_id == crit->id && score_counts (sc))
                g_ptr_array_add (counted, sc);
            }
          aggregates[c] = -1;
          n_counted[c] = counted->len;
          if (counted->len == 0)
            continue;
          any = TRUE;
          aggregates[c] = aggregate (counted, track->trimmed);
          total += crit->weight * aggregates[c];
        }
      if (any && max_total > 0)
        row->expert = round (100.0 * total / max_total / EPSILON) * EPSILON;
      if (detail != NULL && detail->entry_id == row->entry_id &&
          !fill_detail (db, detail, criteria, aggregates, n_counted, max_total, scores, first, last,
                        error))
        return FALSE;
    }
  return TRUE;
}

/* The proportions of the expert total and the scaled metric in the
 * composite: the weights are read as proportions, so 60/40 and 0.6/0.4
 * agree; both 0 count as equal. */
static void
composite_shares (const Track *track, double *expert_share, double *metric_share)
{
  double ew = track->expert_weight, mw = track->metric_weight;

  switch (track->method)
    {
      case METHOD_METRIC:
        *expert_share = 0;
        *metric_share = 1;
        break;
      case METHOD_COMPOSITE:
        if (ew + mw <= 0)
          ew = mw = 1;
        *expert_share = ew / (ew + mw);
        *metric_share = mw / (ew + mw);
        break;
      case METHOD_EXPERT:
      case METHOD_MANUAL:
      default:
        *expert_share = 1;
        *metric_share = 0;
        break;
    }
}

/* The composite of every counted entry; the metric is scaled to the largest
 * value among the counted entries of the same division. */
static void
compute_composite (const Track *track, GPtrArray *items)
{
  g_autoptr (GHashTable) maxima = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  /* The largest counted metric of each division, in one pass. */
  for (guint i = 0; i < items->len; i++)
    {
      TzRankRow *row = ((Item *) items->pdata[i])->row;
      double *max = g_hash_table_lookup (maxima, &row->division_id);

      if (!row->counted)
        continue;
      if (max == NULL)
        {
          max = g_new0 (double, 1);
          g_hash_table_insert (maxima, &row->division_id, max);
        }
      if (row->metric > *max)
        *max = row->metric;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];
      TzRankRow *row = item->row;
      double *division_max = g_hash_table_lookup (maxima, &row->division_id);
      double max = division_max != NULL ? *division_max : 0, metric = 0,
             expert = MAX (row->expert, 0);
      double ew = track->expert_weight, mw = track->metric_weight, composite;

      if (max > 0 && row->metric > 0)
        metric = 100.0 * row->metric / max;
      item->metric_max = max;
      item->metric_scaled = metric;
      switch (track->method)
        {
          case METHOD_METRIC:
            composite = metric;
            break;
          case METHOD_COMPOSITE:
            /* As composite_shares () reads the weights. */
            if (ew + mw <= 0)
              ew = mw = 1;
            composite = (ew * expert + mw * metric) / (ew + mw);
            break;
          case METHOD_EXPERT:
          case METHOD_MANUAL:
          default:
            composite = expert;
            break;
        }
      row->composite = round (composite / EPSILON) * EPSILON;
    }
}

static int
cmp_values (const Item *a, const Item *b)
{
  const TzRankRow *x = a->row, *y = b->row;

  if (fabs (x->composite - y->composite) >= EPSILON)
    return x->composite > y->composite ? -1 : 1;
  if (fabs (x->expert - y->expert) >= EPSILON)
    return x->expert > y->expert ? -1 : 1;
  if (fabs (x->metric - y->metric) >= EPSILON)
    return x->metric > y->metric ? -1 : 1;
  /* Earlier submission first; an unknown date after every known one. */
  if (g_strcmp0 (a->submitted_on, b->submitted_on) != 0)
    {
      if (a->submitted_on == NULL)
        return 1;
      if (b->submitted_on == NULL)
        return -1;
      return strcmp (a->submitted_on, b->submitted_on);
    }
  return 0;
}

static int
cmp_items (gconstpointer pa, gconstpointer pb)
{
  const Item *a = *(Item *const *) pa, *b = *(Item *const *) pb;
  int c;

  if (a->division_seq != b->division_seq)
    return a->division_seq < b->division_seq ? -1 : 1;
  if (a->row->division_id != b->row->division_id)
    return a->row->division_id < b->row->division_id ? -1 : 1;
  if (a->row->counted != b->row->counted)
    return a->row->counted ? -1 : 1;
  c = cmp_values (a, b);
  if (c != 0)
    return c;
  return (a->row->entry_id > b->row->entry_id) - (a->row->entry_id < b->row->entry_id);
}

/* Only the entrant's best work counts: best by the metric on a metric track,
 * else by the composite, then by the tie order. */
/* Whether @a is a better work than @b for the best-work rule. */
static gboolean
better_work (const Track *track, const Item *a, const Item *b)
{
  int c;

  if (track->method == METHOD_METRIC && fabs (a->row->metric - b->row->metric) >= EPSILON)
    c = a->row->metric > b->row->metric ? -1 : 1;
  else
    c = cmp_values (a, b);
  if (c == 0)
    c = a->row->entry_id < b->row->entry_id ? -1 : 1;
  return c < 0;
}

static void
mark_best_work (const Track *track, GPtrArray *items)
{
  g_autoptr (GHashTable) best = g_hash_table_new (g_str_hash, g_str_equal);

  /* One pass finds each entrant's best work, a second marks the others. */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];
      Item *current;

      if (item->entrant_key == NULL)
        continue;
      current = g_hash_table_lookup (best, item->entrant_key);
      if (current == NULL || better_work (track, item, current))
        g_hash_table_insert (best, item->entrant_key, item);
    }
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];

      if (item->entrant_key != NULL && g_hash_table_lookup (best, item->entrant_key) != item)
        item->row->counted = FALSE;
    }
}

static void
assign_ranks (GPtrArray *items)
{
  gint64 position = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];
      Item *prev = i > 0 ? items->pdata[i - 1] : NULL;

      if (prev == NULL || prev->row->division_id != item->row->division_id)
        position = 0;
      if (!item->row->counted)
        continue;
      position++;
      if (prev != NULL && prev->row->counted && prev->row->division_id == item->row->division_id &&
          cmp_values (prev, item) == 0)
        {
          item->row->rank = prev->row->rank;
          item->row->tied = prev->row->tied = TRUE;
        }
      else
        item->row->rank = position;
    }
}

static Item *
find_item (GPtrArray *items, gint64 entry_id)
{
  for (guint i = 0; i < items->len; i++)
    if (((Item *) items->pdata[i])->row->entry_id == entry_id)
      return items->pdata[i];
  return NULL;
}

static void
append_name (GString *names, const char *name)
{
  if (names->len > 0)
    g_string_append (names, "、");
  g_string_append (names, name);
}

/* The tiers the allocation fills by rank: those for the entry or for its
 * person (榜样典型 on a nomination track). Instructor and organisation awards
 * are given by hand (tz_award_assign, tz_award_assign_recipient), like the
 * special tiers. */
#define ALLOCATED_RECIPIENT "(t.recipient IN ('entry', 'person'))"

/* Reads the saved awards: all of them when locked, else the ones a
 * recomputation keeps (special tiers and hand-assigned awards). */
static gboolean
load_awards (TzDb *db, gint64 track_id, GPtrArray *items, gboolean *locked, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (!tz_ranking_is_locked (db, track_id, locked, error))
    return FALSE;
  stmt = tz_db_prepare (db,
                        "SELECT a.entry_id, t.name, t.special OR NOT " ALLOCATED_RECIPIENT
                        ", a.manual FROM award a JOIN award_tier t ON t.id = a.award_tier_id "
                        "WHERE t.track_id = ?1 AND a.entry_id IS NOT NULL ORDER BY t.seq, a.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Item *item = find_item (items, sqlite3_column_int64 (stmt, 0));
      gboolean special = sqlite3_column_int (stmt, 2);
      gboolean manual = sqlite3_column_int (stmt, 3);

      if (item == NULL || (!*locked && !special && !manual))
        continue;
      append_name (item->kept, (const char *) sqlite3_column_text (stmt, 1));
      if (!special)
        item->manual_tier = TRUE;
    }
  return rc >= 0;
}

static GPtrArray *
load_tiers (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tier_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT t.id, ifnull(t.division_id, 0), t.name, t.count,"
                        "  nullif(t.unit_kind, '') FROM award_tier t "
                        "WHERE t.track_id = ?1 AND t.special = 0 AND " ALLOCATED_RECIPIENT
                        " ORDER BY t.seq, t.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Tier *tier = g_new0 (Tier, 1);

      tier->id = sqlite3_column_int64 (stmt, 0);
      tier->division_id = sqlite3_column_int64 (stmt, 1);
      tier->name = tz_db_column_dup (stmt, 2);
      tier->count = sqlite3_column_int64 (stmt, 3);
      tier->unit_kind = tz_db_column_dup (stmt, 4);
      g_ptr_array_add (list, tier);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

/* Hand-assigned awards of a tier take its places in their entry's division;
 * one given to a person who is not an entry takes a place in every division,
 * so that the published count is never exceeded. */
static gint64
manual_in_division (TzDb *db, const Tier *tier, GPtrArray *items, gint64 division_id,
                    GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 n = 0;
  int rc;

  stmt = tz_db_prepare (
      db, "SELECT ifnull(entry_id, 0) FROM award WHERE award_tier_id = ?1 AND manual = 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, tier->id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 entry_id = sqlite3_column_int64 (stmt, 0);
      Item *item = entry_id != 0 ? find_item (items, entry_id) : NULL;

      if (entry_id == 0 || (item != NULL && item->row->division_id == division_id))
        n++;
    }
  return rc < 0 ? -1 : n;
}

/* Whether every entry of a group that the allocation places may take a tier
 * limited to one unit kind. */
static gboolean
group_accepts (const Tier *tier, GPtrArray *items, guint from, guint to)
{
  if (tier->unit_kind == NULL)
    return TRUE;
  for (guint k = from; k < to; k++)
    {
      const Item *item = items->pdata[k];

      if (!item->manual_tier && g_strcmp0 (item->quota_kind, tier->unit_kind) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Fills the tiers of each division in order. A group of tied entries takes a
 * tier only when all of them fit in its remaining places; otherwise those
 * places stay empty (the tier is closed) and the group moves on to the next
 * tier. A tier limited to a unit kind is passed over, and stays open, for a
 * group with an entry of another kind. */
static gboolean
allocate (TzDb *db, GPtrArray *tiers, GPtrArray *items, GError **error)
{
  guint start = 0;

  while (start < items->len)
    {
      gint64 division_id = ((Item *) items->pdata[start])->row->division_id;
      g_autoptr (GPtrArray) applicable = g_ptr_array_new ();
      g_autoptr (GArray) room = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr (GArray) closed = g_array_new (FALSE, TRUE, sizeof (gboolean));
      guint end = start, pos, i;

      while (end < items->len && ((Item *) items->pdata[end])->row->division_id == division_id)
        end++;
      for (guint t = 0; t < tiers->len; t++)
        {
          Tier *tier = tiers->pdata[t];
          gint64 left;

          if (tier->division_id != 0 && tier->division_id != division_id)
            continue;
          left = manual_in_division (db, tier, items, division_id, error);
          if (left < 0)
            return FALSE;
          left = tier->count - left;
          g_ptr_array_add (applicable, tier);
          g_array_append_val (room, left);
        }
      g_array_set_size (closed, applicable->len);

      i = start;
      while (i < end)
        {
          Item *first = items->pdata[i];
          guint group_end = i, g = 0;

          /* An entry with neither an expert score nor an online figure has
           * nothing to be placed by: no award by rank (docs/ranking.md). */
          if (!first->row->counted || first->row->rank == 0 ||
              (first->row->expert < 0 && first->row->metric < 0))
            break;
          while (group_end < end &&
                 ((Item *) items->pdata[group_end])->row->rank == first->row->rank)
            {
              if (!((Item *) items->pdata[group_end])->manual_tier)
                g++;
              group_end++;
            }
          for (pos = 0; pos < applicable->len; pos++)
            {
              if (g_array_index (closed, gboolean, pos) ||
                  !group_accepts (applicable->pdata[pos], items, i, group_end))
                continue;
              if (g_array_index (room, gint64, pos) >= (gint64) g)
                break;
              g_array_index (closed, gboolean, pos) = TRUE;
            }
          if (pos >= applicable->len)
            {
              gboolean open = FALSE;

              for (guint t = 0; t < applicable->len; t++)
                open = open || !g_array_index (closed, gboolean, t);
              if (!open)
                break;
              i = group_end;
              continue;
            }
          for (guint k = i; k < group_end; k++)
            {
              Item *item = items->pdata[k];
              Tier *tier = applicable->pdata[pos];

              if (item->manual_tier)
                continue;
              item->auto_tier = tier->id;
              item->auto_name = g_strdup (tier->name);
            }
          g_array_index (room, gint64, pos) -= g;
          i = group_end;
        }
      start = end;
    }
  return TRUE;
}

/* The status of the entries follows the saved awards: an entry of the track
 * with an award for the entry or its person (automatic, by hand or special;
 * not an instructor's) becomes awarded, an awarded one without any goes back
 * to reviewed. Drafts and withdrawn entries
 * are left alone; not_selected is the clerk's to set. */
gboolean
tz_ranking_sync_status (TzDb *db, gint64 track_id, GError **error)
{
  static const char *const sql[] = {
    "UPDATE entry SET status = 'awarded', updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE track_id = ?1 AND status IN ('submitted', 'reviewed', 'shortlisted', 'not_selected')"
    " AND id IN (SELECT a.entry_id FROM award a JOIN award_tier t ON t.id = a.award_tier_id"
    "  WHERE t.track_id = ?1 AND a.entry_id IS NOT NULL AND " ALLOCATED_RECIPIENT ")",
    "UPDATE entry SET status = 'reviewed', updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE track_id = ?1 AND status = 'awarded'"
    " AND id NOT IN (SELECT a.entry_id FROM award a JOIN award_tier t ON t.id = a.award_tier_id"
    "  WHERE t.track_id = ?1 AND a.entry_id IS NOT NULL AND " ALLOCATED_RECIPIENT ")",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, track_id);
      if (!tz_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_allocation (TzDb *db, gint64 track_id, GPtrArray *items, GError **error)
{
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autoptr (sqlite3_stmt) ins = NULL;

  if (!tz_db_begin (db, error))
    return FALSE;
  del = tz_db_prepare (db,
                       "DELETE FROM award WHERE manual = 0 AND award_tier_id IN "
                       "(SELECT id FROM award_tier WHERE track_id = ?1 AND special = 0)",
                       error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, track_id);
  if (!tz_db_step_done (db, del, error))
    goto fail;
  ins = tz_db_prepare (db, "INSERT INTO award (award_tier_id, entry_id, rank) VALUES (?1, ?2, ?3)",
                       error);
  if (ins == NULL)
    goto fail;
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = items->pdata[i];

      if (item->auto_tier == 0)
        continue;
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, item->auto_tier);
      sqlite3_bind_int64 (ins, 2, item->row->entry_id);
      sqlite3_bind_int64 (ins, 3, item->row->rank);
      if (!tz_db_step_done (db, ins, error))
        goto fail;
    }
  if (!tz_ranking_sync_status (db, track_id, error) || !tz_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tz_db_rollback (db);
  return FALSE;
}

/* One computation of a track's ranking, shared by tz_ranking_compute() and
 * tz_ranking_breakdown(). */
typedef struct
{
  Track track;
  GPtrArray *divisions;
  GPtrArray *items;
  GPtrArray *tiers;
  gboolean locked;
} Ranking;

static void
ranking_clear (Ranking *r)
{
  tz_ranking_rules_free (r->track.rules);
  g_clear_pointer (&r->divisions, g_ptr_array_unref);
  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_clear_pointer (&r->tiers, g_ptr_array_unref);
}

/* Loads, scores, ranks and allocates; with @save writes the allocation.
 * With @detail, the scores of its entry are recorded as they are used. The
 * items end in the order of the ranking with their award names set. */
static gboolean
rank_track (TzDb *db, gint64 track_id, gboolean save, Detail *detail, Ranking *r, GError **error)
{
  Track *track = &r->track;
  gboolean ok;

  if (!load_track (db, track_id, track, error))
    return FALSE;
  ok = (r->divisions = load_divisions (db, track_id, error)) != NULL &&
       (r->items = load_items (db, track_id, track, r->divisions, error)) != NULL &&
       load_account_metrics (db, track_id, track, r->items, error) &&
       compute_expert (db, track_id, track, r->items, detail, error);
  if (ok)
    {
      compute_composite (track, r->items);
      if (track->best_work_only)
        {
          mark_best_work (track, r->items);
          compute_composite (track, r->items);
        }
      g_ptr_array_sort (r->items, cmp_items);
      assign_ranks (r->items);
      ok = load_awards (db, track_id, r->items, &r->locked, error);
    }
  /* A manual track's awards are all given by hand. */
  if (ok && !r->locked && track->method != METHOD_MANUAL)
    ok = (r->tiers = load_tiers (db, track_id, error)) != NULL &&
         allocate (db, r->tiers, r->items, error);
  if (ok && save && !r->locked)
    ok = save_allocation (db, track_id, r->items, error);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < r->items->len; i++)
    {
      Item *item = r->items->pdata[i];
      g_autoptr (GString) names = g_string_new (item->auto_name);

      if (item->kept->len > 0)
        append_name (names, item->kept->str);
      if (names->len > 0)
        item->row->award = g_strdup (names->str);
    }
  return TRUE;
}

GPtrArray *
tz_ranking_compute (TzDb *db, gint64 track_id, gboolean save, GError **error)
{
  Ranking r = { 0 };
  GPtrArray *rows;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  if (!rank_track (db, track_id, save, NULL, &r, error))
    {
      ranking_clear (&r);
      return NULL;
    }
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_rank_row_free);
  for (guint i = 0; i < r.items->len; i++)
    g_ptr_array_add (rows, g_steal_pointer (&((Item *) r.items->pdata[i])->row));
  ranking_clear (&r);
  return rows;
}

TzRankBreakdown *
tz_ranking_breakdown (TzDb *db, gint64 track_id, gint64 entry_id, GError **error)
{
  g_autoptr (TzRankBreakdown) out = g_new0 (TzRankBreakdown, 1);
  Detail detail = { entry_id, out };
  Ranking r = { 0 };
  Item *item;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  out->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_detail_free);
  out->judges = g_ptr_array_new_with_free_func ((GDestroyNotify) judge_detail_free);
  out->scores = g_array_new (FALSE, FALSE, sizeof (TzScoreDetail));
  if (!rank_track (db, track_id, FALSE, &detail, &r, error))
    {
      ranking_clear (&r);
      return NULL;
    }
  item = find_item (r.items, entry_id);
  if (item == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("Entry %" PRId64 " is not ranked in track %" PRId64
                      " (withdrawn, of another track, or not advanced from a round)."),
                   entry_id, track_id);
      ranking_clear (&r);
      return NULL;
    }
  out->metric_account_id = item->metric_account;
  out->metric_max = item->metric_max;
  out->metric_scaled = item->metric_scaled;
  composite_shares (&r.track, &out->expert_share, &out->metric_share);
  out->expert_part = out->expert_share * MAX (item->row->expert, 0);
  out->metric_part = out->metric_share * item->metric_scaled;
  out->row = g_steal_pointer (&item->row);
  out->rules = g_steal_pointer (&r.track.rules);
  ranking_clear (&r);
  return g_steal_pointer (&out);
}

gboolean
tz_ranking_is_locked (TzDb *db, gint64 track_id, gboolean *locked, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT EXISTS (SELECT 1 FROM award a JOIN award_tier t"
                        " ON t.id = a.award_tier_id WHERE t.track_id = ?1 AND a.locked = 1)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  rc = tz_db_step (db, stmt, error);
  if (rc != SQLITE_ROW)
    return FALSE;
  *locked = sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
tz_ranking_set_locked (TzDb *db, gint64 track_id, gboolean locked, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tz_db_prepare (db,
                        "UPDATE award SET locked = ?2 WHERE award_tier_id IN "
                        "(SELECT id FROM award_tier WHERE track_id = ?1)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  sqlite3_bind_int (stmt, 2, locked ? 1 : 0);
  if (!tz_db_step_done (db, stmt, error))
    return FALSE;
  /* The lock lives on the saved rows: with none there is nothing to keep. */
  if (locked && tz_db_changes (db) == 0)
    {
      g_set_error (
          error, TZ_ERROR, TZ_ERROR_INVALID,
          _ ("Track %" PRId64 " has no saved awards to lock; recompute its ranking first."),
          track_id);
      return FALSE;
    }
  return TRUE;
}
