/* tz-campaign-file.c — the campaign file: import and export (docs/campaign-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file mirrors the schema: each JSON object is one row and each key one
 * column, so one description of the columns (Column, List below) drives the
 * reading, the checks, the INSERT and the export of every table. Rows refer to
 * one another by name (a quota's unit, a deadline's track, an award tier's
 * division); ids and unit uuids never appear in the file, so a file moves
 * between databases.
 *
 * Import checks and writes as it walks the document, inside one transaction:
 * the first problem rolls everything back, so a bad file changes nothing, and
 * the message names the JSON path of the problem.
 *
 * Export writes a canonical form (fixed key order, empty and default values
 * left out, two-space indent, Chinese as characters), with its own small
 * writer: json-glib's generator writes `"key" : value` and may escape, and the
 * shipped files must come back byte for byte.
 */
#define G_LOG_DOMAIN "tz-campaign-file"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tz-backup.h"
#include "tz-campaign-file.h"
#include "tz-import-log.h"

typedef enum
{
  COL_TEXT,       /* optional text; omitted when empty */
  COL_TEXT_REQ,   /* required, not blank */
  COL_DATE,       /* optional YYYY-MM-DD */
  COL_DATE_REQ,   /* required YYYY-MM-DD */
  COL_UUID,       /* kept from the file, generated when absent; always written */
  COL_ENUM,       /* one of values, values[0] when absent; always written */
  COL_ENUM_REQ,   /* one of values, required */
  COL_ENUM_OPT,   /* one of values, values[0] when absent; omitted at values[0] */
  COL_INT,        /* optional whole number >= min */
  COL_INT_REQ,    /* required whole number >= min */
  COL_NUMBER,     /* number >= 0, NOT NULL with a default; omitted at the default */
  COL_NUMBER_OPT, /* optional number > 0 */
  COL_BOOL,       /* omitted when false */
  COL_UNIT,       /* the name of a unit of $.units */
  COL_TRACK,      /* the name of a track of $.tracks */
  COL_DIVISION,   /* the name of a division of the same track */
} ColumnType;

typedef struct
{
  const char *key;
  const char *column; /* NULL: the same as key */
  ColumnType type;
  const char *const *values; /* COL_ENUM*: the allowed values, the default first */
  gint64 min;                /* COL_INT*: the smallest allowed */
  double def;                /* COL_NUMBER: the default */
} Column;

typedef struct
{
  gboolean set;
  const char *text; /* borrowed from the parsed document or Import.strings */
  gint64 integer;
  double number;
} Value;

typedef struct
{
  gint64 unit_id;
  const char *role;
  int seq;
} Link;

typedef struct
{
  TzDb *db;
  GHashTable *units;       /* name → gint64 *id */
  GHashTable *unit_paths;  /* name → the path where the name was first seen */
  GHashTable *tracks;      /* name → gint64 *id */
  GHashTable *track_uuids; /* uuid → path */
  GHashTable *divisions;   /* name → gint64 *id, of the track being read */
  char *divisions_path;
  GHashTable *filters;     /* "dimension\nvalue" → path, of the division being read */
  GHashTable *quota_rules; /* "kind\ntrack\nunit" → path */
  GPtrArray *strings;      /* generated uuids */
  GArray *links;           /* campaign_unit rows, written once the campaign exists */
  int unit_seq;
} Import;

typedef struct _List List;

/* Extra checks of one row, after its columns are read and before it is written. */
typedef gboolean (*RowCheck) (Import *imp, const char *path, const List *list, Value *values,
                              GError **error);
/* What a row owns (a track's sub-lists), once the row exists. */
typedef gboolean (*RowAfter) (Import *imp, JsonObject *obj, const char *path, const List *list,
                              Value *values, gint64 row_id, GError **error);
typedef gboolean (*RowExport) (TzDb *db, gint64 row_id, JsonObject *obj, GError **error);

/* One array of the file stored as rows of one table under a parent row. */
struct _List
{
  const char *key; /* the member of the parent object that holds the array */
  const char *table;
  const char *parent_column;
  const char *seq_column;  /* NULL: the rowid keeps the order */
  const char *const *keys; /* every key of an element, in the order they are written */
  const Column *columns;
  guint n_columns;
  const char *nested_key; /* an object whose keys are more columns of the same row */
  const char *const *nested_keys;
  const Column *nested_columns;
  guint n_nested;
  const char *unique; /* a key whose value must differ between elements */
  RowCheck check;
  RowAfter after;
  RowExport export_after;
};

static gboolean track_check (Import *imp, const char *path, const List *list, Value *values,
                             GError **error);
static gboolean track_after (Import *imp, JsonObject *obj, const char *path, const List *list,
                             Value *values, gint64 row_id, GError **error);
static gboolean track_export (TzDb *db, gint64 row_id, JsonObject *obj, GError **error);
static gboolean requirement_check (Import *imp, const char *path, const List *list, Value *values,
                                   GError **error);
static gboolean division_after (Import *imp, JsonObject *obj, const char *path, const List *list,
                                Value *values, gint64 row_id, GError **error);
static gboolean division_export (TzDb *db, gint64 row_id, JsonObject *obj, GError **error);
static gboolean filter_check (Import *imp, const char *path, const List *list, Value *values,
                              GError **error);
static gboolean quota_check (Import *imp, const char *path, const List *list, Value *values,
                             GError **error);

/* The vocabularies of the schema's CHECK constraints; the default comes first. */
static const char *const status_values[] = { "active", "draft", "finished", "archived", NULL };
static const char *const role_values[] = { "participant", "issuer",  "organizer",
                                           "forwarder",   "context", NULL };
static const char *const entrant_values[] = { "person",       "team", "unit", "person_or_team",
                                              "unit_or_team", "any",  NULL };
static const char *const entry_kind_values[] = { "work", "nomination", "account", NULL };
static const char *const form_values[] = { "none", "personal", "list", NULL };
static const char *const method_values[] = { "expert", "metric", "composite", "manual", NULL };
static const char *const aggregate_values[] = { "mean", "trimmed_mean", NULL };
static const char *const recipient_values[] = { "entry", "person", "organization", "instructor",
                                                NULL };
static const char *const dimension_values[] = { "platform", "unit_kind",    "school_level",
                                                "region",   "entrant_kind", "unit",
                                                NULL };
static const char *const quota_kind_values[] = { "activity", "nominee", "work", NULL };

/* Requirement keys of tz-requirements.h whose value is a whole number. */
static const char *const integer_requirement_keys[] = { "max_duration_seconds",
                                                        "max_file_bytes",
                                                        "max_image_bytes",
                                                        "min_width",
                                                        "min_height",
                                                        "max_description_chars",
                                                        "max_summary_chars",
                                                        "material_chars",
                                                        "min_followers",
                                                        "original_within_days",
                                                        NULL };

static const char *const top_keys[] = { "format", "version", "campaign",  "organizers",
                                        "units",  "stages",  "deadlines", "contacts",
                                        "tracks", "quotas",  NULL };

static const Column campaign_columns[] = {
  { "uuid", NULL, COL_UUID },
  { "title", NULL, COL_TEXT_REQ },
  { "short_title", NULL, COL_TEXT },
  { "theme", NULL, COL_TEXT },
  { "issuer", NULL, COL_TEXT },
  { "issuer_unit", "issuer_unit_id", COL_UNIT },
  { "doc_number", NULL, COL_TEXT },
  { "issue_date", NULL, COL_DATE },
  { "print_date", NULL, COL_DATE },
  { "addressees", NULL, COL_TEXT },
  { "forwarded_by", NULL, COL_TEXT },
  { "forward_doc_number", NULL, COL_TEXT },
  { "forward_note", NULL, COL_TEXT },
  { "start_date", NULL, COL_DATE },
  { "end_date", NULL, COL_DATE },
  { "period_text", NULL, COL_TEXT },
  { "audience", NULL, COL_TEXT },
  { "platform", NULL, COL_TEXT },
  { "participation", NULL, COL_TEXT },
  { "mailbox", NULL, COL_TEXT },
  { "summary", NULL, COL_TEXT },
  { "requirements_text", NULL, COL_TEXT },
  { "status", NULL, COL_ENUM, status_values },
};
static const char *const campaign_keys[] = { "uuid",          "title",
                                             "short_title",   "theme",
                                             "issuer",        "issuer_unit",
                                             "doc_number",    "issue_date",
                                             "print_date",    "addressees",
                                             "forwarded_by",  "forward_doc_number",
                                             "forward_note",  "start_date",
                                             "end_date",      "period_text",
                                             "audience",      "platform",
                                             "participation", "mailbox",
                                             "summary",       "requirements_text",
                                             "status",        NULL };

static const char *const unit_keys[] = { "name",         "short_name", "kind",     "region",
                                         "school_level", "role",       "children", NULL };

static const Column organizer_columns[] = {
  { "role", NULL, COL_TEXT_REQ },
  { "name", NULL, COL_TEXT_REQ },
};
static const char *const organizer_keys[] = { "role", "name", NULL };
static const List organizer_list = {
  .key = "organizers",
  .table = "organizer",
  .parent_column = "campaign_id",
  .seq_column = "sort_order",
  .keys = organizer_keys,
  .columns = organizer_columns,
  .n_columns = G_N_ELEMENTS (organizer_columns),
};

static const Column stage_columns[] = {
  { "name", NULL, COL_TEXT_REQ },    { "start_date", NULL, COL_DATE },
  { "end_date", NULL, COL_DATE },    { "period_text", NULL, COL_TEXT },
  { "description", NULL, COL_TEXT },
};
static const char *const stage_keys[] = { "name",        "start_date",  "end_date",
                                          "period_text", "description", NULL };
static const List stage_list = {
  .key = "stages",
  .table = "stage",
  .parent_column = "campaign_id",
  .seq_column = "seq",
  .keys = stage_keys,
  .columns = stage_columns,
  .n_columns = G_N_ELEMENTS (stage_columns),
};

static const Column deadline_columns[] = {
  { "title", NULL, COL_TEXT_REQ },   { "due_date", NULL, COL_DATE_REQ },
  { "period_text", NULL, COL_TEXT }, { "track", "track_id", COL_TRACK },
  { "deliverable", NULL, COL_TEXT }, { "recipient", NULL, COL_TEXT },
  { "mailbox", NULL, COL_TEXT },     { "set_by", NULL, COL_TEXT },
  { "note", NULL, COL_TEXT },
};
static const char *const deadline_keys[] = { "title",       "due_date",  "period_text", "track",
                                             "deliverable", "recipient", "mailbox",     "set_by",
                                             "note",        NULL };
static const List deadline_list = {
  .key = "deadlines",
  .table = "deadline",
  .parent_column = "campaign_id",
  .seq_column = "seq",
  .keys = deadline_keys,
  .columns = deadline_columns,
  .n_columns = G_N_ELEMENTS (deadline_columns),
};

static const Column contact_columns[] = {
  { "organization", NULL, COL_TEXT }, { "department", NULL, COL_TEXT }, { "name", NULL, COL_TEXT },
  { "phone", NULL, COL_TEXT },        { "email", NULL, COL_TEXT },      { "note", NULL, COL_TEXT },
};
static const char *const contact_keys[] = { "organization", "department", "name", "phone",
                                            "email",        "note",       NULL };
static const List contact_list = {
  .key = "contacts",
  .table = "contact",
  .parent_column = "campaign_id",
  .seq_column = "seq",
  .keys = contact_keys,
  .columns = contact_columns,
  .n_columns = G_N_ELEMENTS (contact_columns),
};

static const Column requirement_columns[] = {
  { "key", NULL, COL_TEXT_REQ },
  { "value", NULL, COL_TEXT },
  { "note", NULL, COL_TEXT },
};
static const char *const requirement_keys[] = { "key", "value", "note", NULL };
static const List requirement_list = {
  .key = "requirements",
  .table = "requirement",
  .parent_column = "track_id",
  .seq_column = "seq",
  .keys = requirement_keys,
  .columns = requirement_columns,
  .n_columns = G_N_ELEMENTS (requirement_columns),
  .check = requirement_check,
};

static const Column opinion_level_columns[] = {
  { "name", NULL, COL_TEXT_REQ },
  { "unit_kind", NULL, COL_TEXT },
};
static const char *const opinion_level_keys[] = { "name", "unit_kind", NULL };
static const List opinion_level_list = {
  .key = "opinion_levels",
  .table = "opinion_level",
  .parent_column = "track_id",
  .seq_column = "seq",
  .keys = opinion_level_keys,
  .columns = opinion_level_columns,
  .n_columns = G_N_ELEMENTS (opinion_level_columns),
};

static const Column criterion_columns[] = {
  { "name", NULL, COL_TEXT_REQ },
  { "description", NULL, COL_TEXT },
  { "max", "max_score", COL_NUMBER_OPT },
  { "weight", NULL, COL_NUMBER, .def = 1 },
};
static const char *const criterion_keys[] = { "name", "description", "max", "weight", NULL };
static const List criterion_list = {
  .key = "criteria",
  .table = "criterion",
  .parent_column = "track_id",
  .seq_column = "seq",
  .keys = criterion_keys,
  .columns = criterion_columns,
  .n_columns = G_N_ELEMENTS (criterion_columns),
  .unique = "name",
};

static const Column filter_columns[] = {
  { "dimension", NULL, COL_ENUM_REQ, dimension_values },
  { "value", NULL, COL_TEXT_REQ },
};
static const char *const filter_keys[] = { "dimension", "value", NULL };
static const List filter_list = {
  .key = "filters",
  .table = "division_filter",
  .parent_column = "division_id",
  .keys = filter_keys,
  .columns = filter_columns,
  .n_columns = G_N_ELEMENTS (filter_columns),
  .check = filter_check,
};

static const Column division_columns[] = {
  { "name", NULL, COL_TEXT_REQ },
};
static const char *const division_keys[] = { "name", "filters", NULL };
static const List division_list = {
  .key = "divisions",
  .table = "division",
  .parent_column = "track_id",
  .seq_column = "seq",
  .keys = division_keys,
  .columns = division_columns,
  .n_columns = G_N_ELEMENTS (division_columns),
  .unique = "name",
  .after = division_after,
  .export_after = division_export,
};

static const Column award_tier_columns[] = {
  { "name", NULL, COL_TEXT_REQ },
  { "count", NULL, COL_INT_REQ, .min = 0 },
  { "prize", NULL, COL_TEXT },
  { "amount_yuan", NULL, COL_INT, .min = 0 },
  { "certificate", NULL, COL_BOOL },
  { "special", NULL, COL_BOOL },
  { "recipient", NULL, COL_ENUM_OPT, recipient_values },
  { "unit_kind", NULL, COL_TEXT },
  { "division", "division_id", COL_DIVISION },
  { "note", NULL, COL_TEXT },
};
static const char *const award_tier_keys[] = { "name",        "count",   "prize",     "amount_yuan",
                                               "certificate", "special", "recipient", "unit_kind",
                                               "division",    "note",    NULL };
static const List award_tier_list = {
  .key = "award_tiers",
  .table = "award_tier",
  .parent_column = "track_id",
  .seq_column = "seq",
  .keys = award_tier_keys,
  .columns = award_tier_columns,
  .n_columns = G_N_ELEMENTS (award_tier_columns),
};

static const Column round_columns[] = {
  { "name", NULL, COL_TEXT_REQ },
  { "held_by", NULL, COL_TEXT },
  { "advance_count", NULL, COL_INT, .min = 0 },
  { "start_date", NULL, COL_DATE },
  { "end_date", NULL, COL_DATE },
  { "period_text", NULL, COL_TEXT },
};
static const char *const round_keys[] = { "name",       "held_by",  "advance_count",
                                          "start_date", "end_date", "period_text",
                                          NULL };
static const List round_list = {
  .key = "rounds",
  .table = "round",
  .parent_column = "track_id",
  .seq_column = "seq",
  .keys = round_keys,
  .columns = round_columns,
  .n_columns = G_N_ELEMENTS (round_columns),
};

static const Column track_columns[] = {
  { "uuid", NULL, COL_UUID },
  { "name", NULL, COL_TEXT_REQ },
  { "short_name", NULL, COL_TEXT },
  { "theme", NULL, COL_TEXT },
  { "description", NULL, COL_TEXT },
  { "entrant", "entrant_kind", COL_ENUM, entrant_values },
  { "entry_kind", NULL, COL_ENUM, entry_kind_values },
  { "form", NULL, COL_ENUM, form_values },
  { "platform", NULL, COL_TEXT },
  { "submission", NULL, COL_TEXT },
  { "start_date", NULL, COL_DATE },
  { "end_date", NULL, COL_DATE },
  { "period_text", NULL, COL_TEXT },
  { "audience", NULL, COL_TEXT },
};
static const Column ranking_columns[] = {
  { "method", "ranking_method", COL_ENUM, method_values },
  { "metric", NULL, COL_TEXT },
  { "expert_weight", NULL, COL_NUMBER, .def = 0 },
  { "metric_weight", NULL, COL_NUMBER, .def = 0 },
  { "best_work_only", NULL, COL_BOOL },
  { "one_entry_per_entrant", NULL, COL_BOOL },
  { "max_per_voter_per_day", NULL, COL_INT, .min = 1 },
  { "score_aggregate", NULL, COL_ENUM_OPT, aggregate_values },
  { "normalize_judges", NULL, COL_BOOL },
  { "note", "ranking_note", COL_TEXT },
};
static const char *const track_keys[] = {
  "uuid",         "name",           "short_name",  "theme",
  "description",  "entrant",        "entry_kind",  "form",
  "ranking",      "platform",       "platforms",   "submission",
  "start_date",   "end_date",       "period_text", "audience",
  "requirements", "opinion_levels", "criteria",    "divisions",
  "award_tiers",  "rounds",         NULL
};
static const char *const ranking_keys[] = { "method",
                                            "metric",
                                            "expert_weight",
                                            "metric_weight",
                                            "best_work_only",
                                            "one_entry_per_entrant",
                                            "max_per_voter_per_day",
                                            "score_aggregate",
                                            "normalize_judges",
                                            "note",
                                            NULL };
static const List track_list = {
  .key = "tracks",
  .table = "track",
  .parent_column = "campaign_id",
  .seq_column = "seq",
  .keys = track_keys,
  .columns = track_columns,
  .n_columns = G_N_ELEMENTS (track_columns),
  .nested_key = "ranking",
  .nested_keys = ranking_keys,
  .nested_columns = ranking_columns,
  .n_nested = G_N_ELEMENTS (ranking_columns),
  .unique = "name",
  .check = track_check,
  .after = track_after,
  .export_after = track_export,
};

static const Column quota_columns[] = {
  { "kind", NULL, COL_ENUM_REQ, quota_kind_values },
  { "track", "track_id", COL_TRACK },
  { "unit", "unit_id", COL_UNIT },
  { "min", "min_count", COL_INT_REQ, .min = 0 },
  { "max", "max_count", COL_INT, .min = 0 },
  { "note", NULL, COL_TEXT },
};
static const char *const quota_keys[] = { "kind", "track", "unit", "min", "max", "note", NULL };
static const List quota_list = {
  .key = "quotas",
  .table = "quota",
  .parent_column = "campaign_id",
  .seq_column = "seq",
  .keys = quota_keys,
  .columns = quota_columns,
  .n_columns = G_N_ELEMENTS (quota_columns),
  .check = quota_check,
};

/* ---- paths and messages ---- */

static char *
member_path (const char *path, const char *key)
{
  return g_strdup_printf ("%s.%s", path, key);
}

static char *
element_path (const char *path, guint index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

static gboolean fail (GError **error, const char *path, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

/* Sets a TZ_ERROR_PARSE "path: message" and returns FALSE. */
static gboolean
fail (GError **error, const char *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, "%s: %s", path, message);
  return FALSE;
}

/* What was found instead, short enough for a message. */
static char *
describe_node (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("[…]");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("{…}");
  switch (json_node_get_value_type (node))
    {
      case G_TYPE_STRING:
        {
          const char *s = json_node_get_string (node);

          if (g_utf8_strlen (s, -1) > 40)
            {
              g_autofree char *head = g_utf8_substring (s, 0, 40);
              return g_strconcat (head, "…", NULL);
            }
          return g_strdup (s);
        }
      case G_TYPE_INT64:
        return g_strdup_printf ("%" PRId64, json_node_get_int (node));
      case G_TYPE_DOUBLE:
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
        }
      case G_TYPE_BOOLEAN:
        return g_strdup (json_node_get_boolean (node) ? "true" : "false");
      default:
        return g_strdup ("?");
    }
}

static gboolean
fail_found (GError **error, const char *path, const char *expected, JsonNode *node)
{
  g_autofree char *found = describe_node (node);

  /* TRANSLATORS: the first %s is what the key should hold, the second what the file has */
  return fail (error, path, _ ("expected %s, found “%s”."), expected, found);
}

static gboolean
fail_missing (GError **error, const char *path, const char *key)
{
  g_autofree char *p = member_path (path, key);

  return fail (error, p, _ ("missing; this key is required."));
}

/* ---- reading the document ---- */

/* A member's node; NULL when absent or JSON null, which both mean "not set". */
static JsonNode *
member (JsonObject *obj, const char *key)
{
  JsonNode *node;

  if (obj == NULL)
    return NULL;
  node = json_object_get_member (obj, key);
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_blank (const char *s)
{
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* Unknown keys are refused so that a misspelt key is not silently dropped. */
static gboolean
check_keys (JsonObject *obj, const char *path, const char *const *allowed, GError **error)
{
  g_autoptr (GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *p = member_path (path, l->data);
        return fail (error, p,
                     _ ("unknown key. Check its spelling against the campaign file format "
                        "(docs/campaign-format.md)."));
      }
  return TRUE;
}

static gboolean
read_text (JsonObject *obj, const char *path, const char *key, gboolean required, const char **out,
           GError **error)
{
  JsonNode *node = member (obj, key);
  g_autofree char *p = NULL;

  *out = NULL;
  if (node == NULL)
    return required ? fail_missing (error, path, key) : TRUE;
  p = member_path (path, key);
  if (!is_string (node))
    return fail_found (error, p, _ ("text in double quotes"), node);
  *out = json_node_get_string (node);
  if (is_blank (*out))
    {
      if (required)
        return fail (error, p, _ ("must not be empty."));
      *out = NULL; /* stored as NULL, like an absent key */
    }
  return TRUE;
}

static gboolean
is_date (const char *s)
{
  unsigned y, m, d;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  y = (unsigned) atoi (s);
  m = (unsigned) atoi (s + 5);
  d = (unsigned) atoi (s + 8);
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

static gboolean
read_date (JsonObject *obj, const char *path, const char *key, gboolean required, const char **out,
           GError **error)
{
  g_autofree char *p = member_path (path, key);

  if (!read_text (obj, path, key, required, out, error))
    return FALSE;
  if (*out != NULL && !is_date (*out))
    return fail (error, p,
                 _ ("“%s” is not a date. Write dates as YYYY-MM-DD, for example 2023-10-20."),
                 *out);
  return TRUE;
}

static gboolean
read_int (JsonObject *obj, const char *path, const char *key, gboolean required, gint64 min,
          gint64 *out, gboolean *is_set, GError **error)
{
  JsonNode *node = member (obj, key);
  g_autofree char *p = NULL;
  g_autofree char *expected = NULL;
  gboolean ok = FALSE;
  gint64 v = 0;

  *is_set = FALSE;
  *out = 0;
  if (node == NULL)
    return required ? fail_missing (error, path, key) : TRUE;
  p = member_path (path, key);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      v = json_node_get_int (node);
      ok = TRUE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      /* 10.0 is a whole number too; 10.5 is not */
      double d = json_node_get_double (node);
      if (d == floor (d) && fabs (d) < 9007199254740992.0)
        {
          v = (gint64) d;
          ok = TRUE;
        }
    }
  if (!ok || v < min)
    {
      if (min == 0)
        expected = g_strdup (_ ("a non-negative whole number"));
      else
        expected = g_strdup_printf (_ ("a whole number of at least %d"), (int) min);
      return fail_found (error, p, expected, node);
    }
  *out = v;
  *is_set = TRUE;
  return TRUE;
}

static gboolean
read_number (JsonObject *obj, const char *path, const char *key, gboolean positive, double *out,
             gboolean *is_set, GError **error)
{
  JsonNode *node = member (obj, key);
  g_autofree char *p = NULL;
  double d;

  *is_set = FALSE;
  *out = 0;
  if (node == NULL)
    return TRUE;
  p = member_path (path, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || (json_node_get_value_type (node) != G_TYPE_INT64 &&
                                        json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return fail_found (
        error, p, positive ? _ ("a number greater than 0") : _ ("a non-negative number"), node);
  d = json_node_get_double (node); /* converts an integer node too */
  if (positive ? !(d > 0) : !(d >= 0))
    return fail_found (
        error, p, positive ? _ ("a number greater than 0") : _ ("a non-negative number"), node);
  *out = d;
  *is_set = TRUE;
  return TRUE;
}

static gboolean
read_bool (JsonObject *obj, const char *path, const char *key, gboolean *out, GError **error)
{
  JsonNode *node = member (obj, key);
  g_autofree char *p = NULL;

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      p = member_path (path, key);
      return fail_found (error, p, _ ("true or false"), node);
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_enum (JsonObject *obj, const char *path, const char *key, const char *const *values,
           gboolean required, const char **out, GError **error)
{
  if (!read_text (obj, path, key, required, out, error))
    return FALSE;
  if (*out == NULL)
    *out = values[0];
  else if (!g_strv_contains (values, *out))
    {
      g_autofree char *p = member_path (path, key);
      g_autofree char *list = g_strjoinv (", ", (char **) values);
      return fail (error, p, _ ("“%s” is not one of: %s."), *out, list);
    }
  return TRUE;
}

static gboolean
read_array (JsonObject *obj, const char *path, const char *key, JsonArray **out, GError **error)
{
  JsonNode *node = member (obj, key);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *p = member_path (path, key);
      return fail_found (error, p, _ ("a list in square brackets"), node);
    }
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
read_object (JsonObject *obj, const char *path, const char *key, gboolean required,
             JsonObject **out, GError **error)
{
  JsonNode *node = member (obj, key);

  *out = NULL;
  if (node == NULL)
    return required ? fail_missing (error, path, key) : TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *p = member_path (path, key);
      return fail_found (error, p, _ ("an object in curly braces"), node);
    }
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
element_object (JsonArray *array, guint index, const char *element_path_, JsonObject **out,
                GError **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_found (error, element_path_, _ ("an object in curly braces"), node);
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
lookup_name (GHashTable *table, const char *name, gint64 *id)
{
  gint64 *found = g_hash_table_lookup (table, name);

  if (found == NULL)
    return FALSE;
  *id = *found;
  return TRUE;
}

static gboolean
read_reference (Import *imp, JsonObject *obj, const char *path, const Column *col, Value *v,
                GError **error)
{
  g_autofree char *p = member_path (path, col->key);
  const char *name;

  if (!read_text (obj, path, col->key, FALSE, &name, error))
    return FALSE;
  if (name == NULL)
    return TRUE;
  switch (col->type)
    {
      case COL_UNIT:
        if (!lookup_name (imp->units, name, &v->integer))
          return fail (error, p, _ ("no unit named “%s” in $.units."), name);
        break;
      case COL_TRACK:
        if (!lookup_name (imp->tracks, name, &v->integer))
          return fail (error, p, _ ("no track named “%s” in $.tracks."), name);
        break;
      case COL_DIVISION:
        if (imp->divisions == NULL || !lookup_name (imp->divisions, name, &v->integer))
          return fail (error, p, _ ("no division named “%s” in %s."), name,
                       imp->divisions_path ? imp->divisions_path : "divisions");
        break;
      default:
        g_assert_not_reached ();
    }
  v->set = TRUE;
  return TRUE;
}

/* Reads every column of @cols from @obj (NULL: all absent) into @values. */
static gboolean
read_columns (Import *imp, JsonObject *obj, const char *path, const Column *cols, guint n,
              Value *values, GError **error)
{
  const char *start = NULL;
  const char *end = NULL;

  for (guint i = 0; i < n; i++)
    {
      const Column *col = &cols[i];
      Value *v = &values[i];
      gboolean flag = FALSE;

      switch (col->type)
        {
          case COL_TEXT:
          case COL_TEXT_REQ:
            if (!read_text (obj, path, col->key, col->type == COL_TEXT_REQ, &v->text, error))
              return FALSE;
            break;
          case COL_DATE:
          case COL_DATE_REQ:
            if (!read_date (obj, path, col->key, col->type == COL_DATE_REQ, &v->text, error))
              return FALSE;
            break;
          case COL_UUID:
            if (!read_text (obj, path, col->key, FALSE, &v->text, error))
              return FALSE;
            if (v->text == NULL)
              {
                char *uuid = g_uuid_string_random ();
                g_ptr_array_add (imp->strings, uuid);
                v->text = uuid;
              }
            else if (!g_uuid_string_is_valid (v->text))
              {
                g_autofree char *p = member_path (path, col->key);
                return fail (error, p,
                             _ ("“%s” is not a UUID (like 3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b). "
                                "Remove the key to have one made."),
                             v->text);
              }
            break;
          case COL_ENUM:
          case COL_ENUM_REQ:
          case COL_ENUM_OPT:
            if (!read_enum (obj, path, col->key, col->values, col->type == COL_ENUM_REQ, &v->text,
                            error))
              return FALSE;
            break;
          case COL_INT:
          case COL_INT_REQ:
            if (!read_int (obj, path, col->key, col->type == COL_INT_REQ, col->min, &v->integer,
                           &v->set, error))
              return FALSE;
            break;
          case COL_NUMBER:
          case COL_NUMBER_OPT:
            if (!read_number (obj, path, col->key, col->type == COL_NUMBER_OPT, &v->number, &v->set,
                              error))
              return FALSE;
            if (!v->set && col->type == COL_NUMBER)
              {
                v->number = col->def;
                v->set = TRUE;
              }
            break;
          case COL_BOOL:
            if (!read_bool (obj, path, col->key, &flag, error))
              return FALSE;
            v->integer = flag ? 1 : 0;
            v->set = TRUE;
            break;
          case COL_UNIT:
          case COL_TRACK:
          case COL_DIVISION:
            if (!read_reference (imp, obj, path, col, v, error))
              return FALSE;
            break;
          default:
            g_assert_not_reached ();
        }
      if (v->text != NULL)
        v->set = TRUE;
      if (g_str_equal (col->key, "start_date"))
        start = v->text;
      else if (g_str_equal (col->key, "end_date"))
        end = v->text;
    }

  if (start != NULL && end != NULL && strcmp (start, end) > 0)
    {
      g_autofree char *p = member_path (path, "end_date");
      return fail (error, p, _ ("%s is before the start date %s."), end, start);
    }
  return TRUE;
}

static const Value *
value_for (const List *list, const Value *values, const char *key)
{
  for (guint i = 0; i < list->n_columns; i++)
    if (g_str_equal (list->columns[i].key, key))
      return &values[i];
  for (guint i = 0; i < list->n_nested; i++)
    if (g_str_equal (list->nested_columns[i].key, key))
      return &values[list->n_columns + i];
  g_return_val_if_reached (NULL);
}

/* ---- writing rows ---- */

static void
bind_columns (sqlite3_stmt *stmt, int first, const Column *cols, guint n, const Value *values)
{
  for (guint i = 0; i < n; i++)
    {
      int index = first + (int) i;
      const Value *v = &values[i];

      switch (cols[i].type)
        {
          case COL_INT:
          case COL_INT_REQ:
          case COL_BOOL:
          case COL_UNIT:
          case COL_TRACK:
          case COL_DIVISION:
            tz_db_bind_int_or_null (stmt, index, v->integer, v->set);
            break;
          case COL_NUMBER:
          case COL_NUMBER_OPT:
            if (v->set)
              sqlite3_bind_double (stmt, index, v->number);
            else
              sqlite3_bind_null (stmt, index);
            break;
          default:
            tz_db_bind_text (stmt, index, v->text);
            break;
        }
    }
}

static void
append_column_names (GString *sql, const Column *cols, guint n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, ", %s", cols[i].column ? cols[i].column : cols[i].key);
}

static char *
list_insert_sql (const List *list)
{
  GString *sql = g_string_new (NULL);
  guint n_params = 1 + (list->seq_column ? 1 : 0) + list->n_columns + list->n_nested;

  g_string_append_printf (sql, "INSERT INTO %s (%s", list->table, list->parent_column);
  if (list->seq_column != NULL)
    g_string_append_printf (sql, ", %s", list->seq_column);
  append_column_names (sql, list->columns, list->n_columns);
  append_column_names (sql, list->nested_columns, list->n_nested);
  g_string_append (sql, ") VALUES (?1");
  for (guint i = 2; i <= n_params; i++)
    g_string_append_printf (sql, ", ?%u", i);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

static gboolean
import_list (Import *imp, JsonObject *parent, const char *parent_path, const List *list,
             gint64 parent_id, GError **error)
{
  g_autofree char *path = member_path (parent_path, list->key);
  g_autofree char *sql = NULL;
  g_autoptr (GHashTable) seen = NULL;
  JsonArray *array;

  if (!read_array (parent, parent_path, list->key, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  sql = list_insert_sql (list);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *epath = element_path (path, i);
      g_autofree Value *values = g_new0 (Value, list->n_columns + list->n_nested + 1);
      g_autoptr (sqlite3_stmt) stmt = NULL;
      JsonObject *obj;
      int index = 1;

      if (!element_object (array, i, epath, &obj, error) ||
          !check_keys (obj, epath, list->keys, error) ||
          !read_columns (imp, obj, epath, list->columns, list->n_columns, values, error))
        return FALSE;

      if (list->nested_key != NULL)
        {
          g_autofree char *npath = member_path (epath, list->nested_key);
          JsonObject *nested;

          if (!read_object (obj, epath, list->nested_key, FALSE, &nested, error))
            return FALSE;
          if (nested != NULL && !check_keys (nested, npath, list->nested_keys, error))
            return FALSE;
          if (!read_columns (imp, nested, npath, list->nested_columns, list->n_nested,
                             values + list->n_columns, error))
            return FALSE;
        }

      if (list->unique != NULL)
        {
          const char *name = value_for (list, values, list->unique)->text;
          const char *first = g_hash_table_lookup (seen, name);

          if (first != NULL)
            {
              g_autofree char *p = member_path (epath, list->unique);
              return fail (error, p, _ ("“%s” is already used by %s; each must have its own %s."),
                           name, first, list->unique);
            }
          g_hash_table_insert (seen, (gpointer) name, g_strdup (epath));
        }

      if (list->check != NULL && !list->check (imp, epath, list, values, error))
        return FALSE;

      stmt = tz_db_prepare (imp->db, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, index++, parent_id);
      if (list->seq_column != NULL)
        sqlite3_bind_int64 (stmt, index++, i + 1);
      bind_columns (stmt, index, list->columns, list->n_columns, values);
      index += (int) list->n_columns;
      bind_columns (stmt, index, list->nested_columns, list->n_nested, values + list->n_columns);
      if (!tz_db_step_done (imp->db, stmt, error))
        return FALSE;

      if (list->after != NULL &&
          !list->after (imp, obj, epath, list, values, tz_db_last_insert_id (imp->db), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
track_check (Import *imp, const char *path, const List *list, Value *values, GError **error)
{
  const char *uuid = value_for (list, values, "uuid")->text;
  g_autofree char *p = member_path (path, "uuid");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *first = g_hash_table_lookup (imp->track_uuids, uuid);
  int rc;

  if (first != NULL)
    return fail (error, p, _ ("“%s” is already the uuid of %s; each track needs its own."), uuid,
                 first);
  g_hash_table_insert (imp->track_uuids, (gpointer) uuid, g_strdup (path));

  /* Track uuids are unique across the database, not only within a campaign. */
  stmt = tz_db_prepare (imp->db, "SELECT campaign_id FROM track WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  tz_db_bind_text (stmt, 1, uuid);
  rc = tz_db_step (imp->db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                   _ ("%s: a track with this uuid is already in the database, in campaign %d. "
                      "Remove the track’s uuid from the file to import it as a new track."),
                   p, sqlite3_column_int (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_platforms (Import *imp, JsonObject *obj, const char *path, gint64 track_id, GError **error)
{
  g_autofree char *apath = member_path (path, "platforms");
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!read_array (obj, path, "platforms", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *epath = element_path (apath, i);
      g_autoptr (sqlite3_stmt) stmt = NULL;
      JsonNode *node = json_array_get_element (array, i);
      const char *name;

      if (!is_string (node) || is_blank (json_node_get_string (node)))
        return fail_found (error, epath, _ ("the name of a platform in double quotes"), node);
      name = json_node_get_string (node);
      if (g_hash_table_contains (seen, name))
        return fail (error, epath, _ ("“%s” is listed twice."), name);
      g_hash_table_add (seen, (gpointer) name);

      stmt = tz_db_prepare (
          imp->db, "INSERT INTO track_platform (track_id, seq, name) VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, track_id);
      sqlite3_bind_int64 (stmt, 2, i + 1);
      tz_db_bind_text (stmt, 3, name);
      if (!tz_db_step_done (imp->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
track_after (Import *imp, JsonObject *obj, const char *path, const List *list, Value *values,
             gint64 row_id, GError **error)
{
  const char *name = value_for (list, values, "name")->text;

  g_hash_table_insert (imp->tracks, g_strdup (name), g_memdup2 (&row_id, sizeof row_id));

  /* Award tiers name divisions of their own track only. */
  g_clear_pointer (&imp->divisions, g_hash_table_unref);
  imp->divisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_free (imp->divisions_path);
  imp->divisions_path = member_path (path, "divisions");

  return import_platforms (imp, obj, path, row_id, error) &&
         import_list (imp, obj, path, &requirement_list, row_id, error) &&
         import_list (imp, obj, path, &opinion_level_list, row_id, error) &&
         import_list (imp, obj, path, &criterion_list, row_id, error) &&
         import_list (imp, obj, path, &division_list, row_id, error) &&
         import_list (imp, obj, path, &award_tier_list, row_id, error) &&
         import_list (imp, obj, path, &round_list, row_id, error);
}

/* The forms of tz-requirements.h that are plain to check here, so that a slip
 * in a hand-written file ("1 分钟" for 60) is caught at import. */
static gboolean
requirement_check (Import *imp, const char *path, const List *list, Value *values, GError **error)
{
  const char *key = value_for (list, values, "key")->text;
  const char *value = value_for (list, values, "value")->text;
  g_autofree char *p = member_path (path, "value");

  if (value == NULL)
    return TRUE;
  if (g_strv_contains (integer_requirement_keys, key))
    {
      for (const char *c = value; *c != '\0'; c++)
        if (!g_ascii_isdigit (*c))
          return fail (error, p,
                       _ ("%s takes a whole number written in quotes, such as \"60\"; found "
                          "“%s”."),
                       key, value);
    }
  else if (g_str_equal (key, "orientation") && !g_str_equal (value, "landscape") &&
           !g_str_equal (value, "portrait"))
    return fail (error, p, _ ("orientation is landscape or portrait, found “%s”."), value);
  return TRUE;
}

static gboolean
division_after (Import *imp, JsonObject *obj, const char *path, const List *list, Value *values,
                gint64 row_id, GError **error)
{
  const char *name = value_for (list, values, "name")->text;

  g_hash_table_insert (imp->divisions, g_strdup (name), g_memdup2 (&row_id, sizeof row_id));
  g_clear_pointer (&imp->filters, g_hash_table_unref);
  imp->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return import_list (imp, obj, path, &filter_list, row_id, error);
}

static gboolean
filter_check (Import *imp, const char *path, const List *list, Value *values, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s", value_for (list, values, "dimension")->text,
                                          value_for (list, values, "value")->text);
  const char *first = g_hash_table_lookup (imp->filters, key);

  if (first != NULL)
    return fail (error, path, _ ("the same filter as %s."), first);
  g_hash_table_insert (imp->filters, g_steal_pointer (&key), g_strdup (path));
  return TRUE;
}

static gboolean
quota_check (Import *imp, const char *path, const List *list, Value *values, GError **error)
{
  const Value *min = value_for (list, values, "min");
  const Value *max = value_for (list, values, "max");
  const Value *track = value_for (list, values, "track");
  const Value *unit = value_for (list, values, "unit");
  g_autofree char *key = NULL;
  const char *first;

  if (max->set && max->integer < min->integer)
    {
      g_autofree char *p = member_path (path, "max");
      return fail (error, p, _ ("the maximum %d is less than the minimum %d."), (int) max->integer,
                   (int) min->integer);
    }

  /* One rule per kind, track and unit (the quota_once index). */
  key = g_strdup_printf ("%s\n%" PRId64 "\n%" PRId64, value_for (list, values, "kind")->text,
                         track->set ? track->integer : 0, unit->set ? unit->integer : 0);
  first = g_hash_table_lookup (imp->quota_rules, key);
  if (first != NULL)
    return fail (error, path, _ ("the same kind, track and unit as %s; give each rule once."),
                 first);
  g_hash_table_insert (imp->quota_rules, g_steal_pointer (&key), g_strdup (path));
  return TRUE;
}

/* A unit of the file is the unit of that name under the same parent, made when absent.
 * An existing unit keeps its own fields: the tree is shared by every campaign. */
static gboolean
find_or_create_unit (Import *imp, gint64 parent_id, const char *name, const char *short_name,
                     const char *kind, const char *region, const char *school_level, gint64 *id,
                     GError **error)
{
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  int rc;

  find = tz_db_prepare (imp->db,
                        "SELECT id FROM unit WHERE ifnull(parent_id, 0) = ?1 AND name = ?2", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, parent_id);
  tz_db_bind_text (find, 2, name);
  rc = tz_db_step (imp->db, find, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (find, 0);
      return TRUE;
    }

  insert = tz_db_prepare (imp->db,
                          "INSERT INTO unit (parent_id, name, short_name, kind, region, "
                          "school_level) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          error);
  if (insert == NULL)
    return FALSE;
  tz_db_bind_int_or_null (insert, 1, parent_id, parent_id != 0);
  tz_db_bind_text (insert, 2, name);
  tz_db_bind_text (insert, 3, short_name);
  tz_db_bind_text (insert, 4, kind);
  tz_db_bind_text (insert, 5, region);
  tz_db_bind_text (insert, 6, school_level);
  if (!tz_db_step_done (imp->db, insert, error))
    return FALSE;
  *id = tz_db_last_insert_id (imp->db);
  return TRUE;
}

static gboolean
import_units (Import *imp, JsonArray *array, const char *path, gint64 parent_id, GError **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *upath = element_path (path, i);
      const char *name, *short_name, *kind, *region, *school_level, *role, *first;
      JsonArray *children;
      JsonObject *obj;
      gint64 id;
      Link link;

      if (!element_object (array, i, upath, &obj, error) ||
          !check_keys (obj, upath, unit_keys, error) ||
          !read_text (obj, upath, "name", TRUE, &name, error) ||
          !read_text (obj, upath, "short_name", FALSE, &short_name, error) ||
          !read_text (obj, upath, "kind", FALSE, &kind, error) ||
          !read_text (obj, upath, "region", FALSE, &region, error) ||
          !read_text (obj, upath, "school_level", FALSE, &school_level, error) ||
          !read_enum (obj, upath, "role", role_values, FALSE, &role, error) ||
          !read_array (obj, upath, "children", &children, error))
        return FALSE;

      /* Other rows name units, so a name must mean one unit. */
      first = g_hash_table_lookup (imp->unit_paths, name);
      if (first != NULL)
        {
          g_autofree char *p = member_path (upath, "name");
          return fail (error, p,
                       _ ("a unit named “%s” is already at %s; unit names must be unique within "
                          "a campaign file."),
                       name, first);
        }
      if (!find_or_create_unit (imp, parent_id, name, short_name, kind ? kind : "other", region,
                                school_level, &id, error))
        return FALSE;
      g_hash_table_insert (imp->unit_paths, g_strdup (name), g_strdup (upath));
      g_hash_table_insert (imp->units, g_strdup (name), g_memdup2 (&id, sizeof id));
      link.unit_id = id;
      link.role = role;
      link.seq = ++imp->unit_seq;
      g_array_append_val (imp->links, link);

      if (children != NULL)
        {
          g_autofree char *cpath = member_path (upath, "children");
          if (!import_units (imp, children, cpath, id, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_not_imported (Import *imp, JsonObject *campaign, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *uuid;
  int rc;

  if (!read_text (campaign, "$.campaign", "uuid", FALSE, &uuid, error))
    return FALSE;
  if (uuid == NULL)
    return TRUE;
  stmt = tz_db_prepare (imp->db, "SELECT id, title FROM campaign WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  tz_db_bind_text (stmt, 1, uuid);
  rc = tz_db_step (imp->db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                   _ ("This campaign is already in the database as campaign %d (“%s”). Nothing "
                      "was imported; delete that campaign first to import the file again."),
                   sqlite3_column_int (stmt, 0), (const char *) sqlite3_column_text (stmt, 1));
      return FALSE;
    }
  return TRUE;
}

static gint64
import_document (Import *imp, JsonObject *root, GError **error)
{
  g_autofree char *campaign_sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) sql = NULL;
  Value values[G_N_ELEMENTS (campaign_columns)] = { { 0 } };
  JsonObject *campaign;
  JsonArray *units;
  gint64 campaign_id;

  if (!read_object (root, "$", "campaign", TRUE, &campaign, error) ||
      !check_keys (campaign, "$.campaign", campaign_keys, error) ||
      !check_not_imported (imp, campaign, error))
    return 0;

  /* Units first: the campaign's issuer_unit names one. */
  if (!read_array (root, "$", "units", &units, error))
    return 0;
  if (units != NULL && !import_units (imp, units, "$.units", 0, error))
    return 0;

  if (!read_columns (imp, campaign, "$.campaign", campaign_columns, G_N_ELEMENTS (campaign_columns),
                     values, error))
    return 0;
  sql = g_string_new ("INSERT INTO campaign (id");
  append_column_names (sql, campaign_columns, G_N_ELEMENTS (campaign_columns));
  g_string_append (sql, ") VALUES (NULL");
  for (guint i = 0; i < G_N_ELEMENTS (campaign_columns); i++)
    g_string_append_printf (sql, ", ?%u", i + 1);
  g_string_append (sql, ")");
  stmt = tz_db_prepare (imp->db, sql->str, error);
  if (stmt == NULL)
    return 0;
  bind_columns (stmt, 1, campaign_columns, G_N_ELEMENTS (campaign_columns), values);
  if (!tz_db_step_done (imp->db, stmt, error))
    return 0;
  campaign_id = tz_db_last_insert_id (imp->db);

  for (guint i = 0; i < imp->links->len; i++)
    {
      Link *link = &g_array_index (imp->links, Link, i);
      g_autoptr (sqlite3_stmt) insert = NULL;

      insert = tz_db_prepare (imp->db,
                              "INSERT INTO campaign_unit (campaign_id, unit_id, role, sort_order) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
      if (insert == NULL)
        return 0;
      sqlite3_bind_int64 (insert, 1, campaign_id);
      sqlite3_bind_int64 (insert, 2, link->unit_id);
      tz_db_bind_text (insert, 3, link->role);
      sqlite3_bind_int (insert, 4, link->seq);
      if (!tz_db_step_done (imp->db, insert, error))
        return 0;
    }

  /* Tracks before deadlines and quotas, which name them. */
  if (!import_list (imp, root, "$", &organizer_list, campaign_id, error) ||
      !import_list (imp, root, "$", &stage_list, campaign_id, error) ||
      !import_list (imp, root, "$", &contact_list, campaign_id, error) ||
      !import_list (imp, root, "$", &track_list, campaign_id, error) ||
      !import_list (imp, root, "$", &deadline_list, campaign_id, error) ||
      !import_list (imp, root, "$", &quota_list, campaign_id, error))
    return 0;
  return campaign_id;
}

static gboolean
check_header (JsonObject *root, GError **error)
{
  const char *format;
  gint64 version;
  gboolean is_set;

  if (!read_text (root, "$", "format", TRUE, &format, error))
    return FALSE;
  if (!g_str_equal (format, TZ_CAMPAIGN_FORMAT_NAME))
    return fail (error, "$.format",
                 _ ("this is not a Taizhang campaign file (the format is “%s”, expected “%s”)."),
                 format, TZ_CAMPAIGN_FORMAT_NAME);
  if (!read_int (root, "$", "version", TRUE, 1, &version, &is_set, error))
    return FALSE;
  if (version > TZ_CAMPAIGN_FORMAT_VERSION)
    return fail (error, "$.version",
                 _ ("this file was written by a newer version of Taizhang (campaign format %d; "
                    "this version reads format %d). Update Taizhang to import it."),
                 (int) MIN (version, G_MAXINT), TZ_CAMPAIGN_FORMAT_VERSION);
  return check_keys (root, "$", top_keys, error);
}

static gint64 import_internal (TzDb *db, const char *data, gssize length, const char *path,
                               GError **error);

gint64
tz_campaign_import_data (TzDb *db, const char *data, gssize length, GError **error)
{
  return import_internal (db, data, length, NULL, error);
}

/* The import, with a backup first and a line of the import history in its
 * transaction; @path names the file there (NULL: a campaign from memory). */
static gint64
import_internal (TzDb *db, const char *data, gssize length, const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  Import imp = { 0 };
  JsonNode *root;
  gint64 id;

  g_return_val_if_fail (TZ_IS_DB (db), 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (length < 0)
    length = (gssize) strlen (data);
  /* A byte-order mark is harmless; some Windows editors add one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      fail (error, "$", _ ("the file is not UTF-8 text; save it as UTF-8 and try again."));
      return 0;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: what"; keep the where and the what */
      const char *msg = local_error->message;
      unsigned line = 0, column = 0;
      int n = 0;

      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      if (sscanf (msg, "%u:%u: %n", &line, &column, &n) == 2 && n > 0)
        {
          msg += n;
          if (g_str_has_prefix (msg, "Parse error: "))
            msg += strlen ("Parse error: ");
          fail (error, "$",
                _ ("the file is not valid JSON: line %u, column %u: %s. Check that the file is "
                   "complete and was not cut off."),
                line, column, msg);
        }
      else
        fail (error, "$",
              _ ("the file is not valid JSON (%s). Check that the file is complete and was not "
                 "cut off."),
              msg);
      return 0;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      fail (error, "$", _ ("the file is empty."));
      return 0;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail_found (error, "$", _ ("an object in curly braces"), root);
      return 0;
    }
  if (!check_header (json_node_get_object (root), error))
    return 0;

  imp.db = db;
  imp.units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.unit_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.tracks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.track_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  imp.quota_rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.strings = g_ptr_array_new_with_free_func (g_free);
  imp.links = g_array_new (FALSE, FALSE, sizeof (Link));

  id = 0;
  if (tz_backup_create (db, "before-import", NULL, error) && tz_db_begin (db, error))
    {
      g_autoptr (TzImportLogEntry) log = tz_import_log_entry_new ();

      id = import_document (&imp, json_node_get_object (root), error);
      log->kind = g_strdup ("campaign");
      log->campaign_id = id;
      log->rows_read = 1;
      log->rows_added = 1;
      if (path == NULL)
        log->file_name = g_strdup ("");
      if (id != 0 && !tz_import_log_add (db, log, path, error))
        id = 0;
      if (id == 0)
        tz_db_rollback (db);
      else if (!tz_db_commit (db, error))
        id = 0;
    }

  g_hash_table_unref (imp.units);
  g_hash_table_unref (imp.unit_paths);
  g_hash_table_unref (imp.tracks);
  g_hash_table_unref (imp.track_uuids);
  g_hash_table_unref (imp.quota_rules);
  g_clear_pointer (&imp.divisions, g_hash_table_unref);
  g_clear_pointer (&imp.filters, g_hash_table_unref);
  g_free (imp.divisions_path);
  g_ptr_array_unref (imp.strings);
  g_array_unref (imp.links);
  return id;
}

gint64
tz_campaign_import_file (TzDb *db, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, 0);

  if (!g_file_get_contents (path, &data, &length, error))
    return 0;
  return import_internal (db, data, (gssize) length, path, error);
}

/* ---- export ---- */

static void
set_number (JsonObject *obj, const char *key, double d)
{
  /* 60, not 60.0: weights and scores are usually whole */
  if (d == floor (d) && fabs (d) < 9007199254740992.0)
    json_object_set_int_member (obj, key, (gint64) d);
  else
    json_object_set_double_member (obj, key, d);
}

static void
append_select_list (GString *sql, const char *table, const Column *cols, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *column = cols[i].column ? cols[i].column : cols[i].key;
      const char *ref = cols[i].type == COL_UNIT       ? "unit"
                        : cols[i].type == COL_TRACK    ? "track"
                        : cols[i].type == COL_DIVISION ? "division"
                                                       : NULL;
      if (ref != NULL)
        g_string_append_printf (sql, ", (SELECT r.name FROM %s AS r WHERE r.id = %s.%s)", ref,
                                table, column);
      else
        g_string_append_printf (sql, ", %s.%s", table, column);
    }
}

/* Puts the columns read from @stmt (from @first on) into @obj, leaving out what
 * is empty or at its default. */
static void
put_columns (JsonObject *obj, sqlite3_stmt *stmt, int first, const Column *cols, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      const Column *col = &cols[i];
      int c = first + (int) i;
      gboolean is_null = sqlite3_column_type (stmt, c) == SQLITE_NULL;
      const char *text = (const char *) sqlite3_column_text (stmt, c);

      switch (col->type)
        {
          case COL_INT:
          case COL_INT_REQ:
            if (!is_null)
              json_object_set_int_member (obj, col->key, sqlite3_column_int64 (stmt, c));
            break;
          case COL_NUMBER:
            if (!is_null && sqlite3_column_double (stmt, c) != col->def)
              set_number (obj, col->key, sqlite3_column_double (stmt, c));
            break;
          case COL_NUMBER_OPT:
            if (!is_null)
              set_number (obj, col->key, sqlite3_column_double (stmt, c));
            break;
          case COL_BOOL:
            if (sqlite3_column_int (stmt, c) != 0)
              json_object_set_boolean_member (obj, col->key, TRUE);
            break;
          case COL_ENUM_OPT:
            if (text != NULL && !g_str_equal (text, col->values[0]))
              json_object_set_string_member (obj, col->key, text);
            break;
          default:
            if (text != NULL && *text != '\0')
              json_object_set_string_member (obj, col->key, text);
            break;
        }
    }
}

/* A copy of @obj with its members in the canonical order of @keys. */
static JsonObject *
reorder (JsonObject *obj, const char *const *keys)
{
  JsonObject *out = json_object_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    if (json_object_has_member (obj, keys[i]))
      json_object_set_member (out, keys[i], json_object_dup_member (obj, keys[i]));
  return out;
}

static void
set_array_unless_empty (JsonObject *obj, const char *key, JsonArray *array)
{
  if (json_array_get_length (array) > 0)
    json_object_set_array_member (obj, key, json_array_ref (array));
}

static gboolean
export_list (TzDb *db, const List *list, gint64 parent_id, JsonObject *parent, GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (JsonArray) array = json_array_new ();
  int rc;

  g_string_printf (sql, "SELECT %s.rowid", list->table);
  append_select_list (sql, list->table, list->columns, list->n_columns);
  append_select_list (sql, list->table, list->nested_columns, list->n_nested);
  g_string_append_printf (sql, " FROM %s WHERE %s = ?1 ORDER BY ", list->table,
                          list->parent_column);
  if (list->seq_column != NULL)
    g_string_append_printf (sql, "%s, ", list->seq_column);
  g_string_append (sql, "rowid");

  stmt = tz_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr (JsonObject) obj = json_object_new ();

      put_columns (obj, stmt, 1, list->columns, list->n_columns);
      if (list->nested_key != NULL)
        {
          g_autoptr (JsonObject) nested = json_object_new ();

          put_columns (nested, stmt, 1 + (int) list->n_columns, list->nested_columns,
                       list->n_nested);
          json_object_set_object_member (obj, list->nested_key,
                                         reorder (nested, list->nested_keys));
        }
      if (list->export_after != NULL &&
          !list->export_after (db, sqlite3_column_int64 (stmt, 0), obj, error))
        return FALSE;
      json_array_add_object_element (array, reorder (obj, list->keys));
    }
  if (rc < 0)
    return FALSE;
  set_array_unless_empty (parent, list->key, array);
  return TRUE;
}

static gboolean
track_export (TzDb *db, gint64 row_id, JsonObject *obj, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (JsonArray) platforms = json_array_new ();
  int rc;

  stmt =
      tz_db_prepare (db, "SELECT name FROM track_platform WHERE track_id = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    json_array_add_string_element (platforms, (const char *) sqlite3_column_text (stmt, 0));
  if (rc < 0)
    return FALSE;
  set_array_unless_empty (obj, "platforms", platforms);

  return export_list (db, &requirement_list, row_id, obj, error) &&
         export_list (db, &opinion_level_list, row_id, obj, error) &&
         export_list (db, &criterion_list, row_id, obj, error) &&
         export_list (db, &division_list, row_id, obj, error) &&
         export_list (db, &award_tier_list, row_id, obj, error) &&
         export_list (db, &round_list, row_id, obj, error);
}

static gboolean
division_export (TzDb *db, gint64 row_id, JsonObject *obj, GError **error)
{
  return export_list (db, &filter_list, row_id, obj, error);
}

/* The unit tree of a campaign, as written: its linked units, the units other
 * rows name, and their ancestors, so that import can rebuild the same tree. */
typedef struct
{
  gint64 id;
  gint64 parent_id;
  char *name;
  char *short_name;
  char *kind;
  char *region;
  char *school_level;
  char *role;
  gint64 order;
  gint64 min_order;
  GPtrArray *children; /* borrowed UnitNode* */
} UnitNode;

static void
unit_node_free (UnitNode *node)
{
  g_free (node->name);
  g_free (node->short_name);
  g_free (node->kind);
  g_free (node->region);
  g_free (node->school_level);
  g_free (node->role);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static UnitNode *
load_unit_node (TzDb *db, GHashTable *nodes, gint64 id, const char *role, gint64 order,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  UnitNode *node;

  stmt = tz_db_prepare (db,
                        "SELECT ifnull(parent_id, 0), name, short_name, kind, region, "
                        "school_level FROM unit WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no unit %d."), (int) id);
      return NULL;
    }
  node = g_new0 (UnitNode, 1);
  node->id = id;
  node->parent_id = sqlite3_column_int64 (stmt, 0);
  node->name = tz_db_column_dup (stmt, 1);
  node->short_name = tz_db_column_dup (stmt, 2);
  node->kind = tz_db_column_dup (stmt, 3);
  node->region = tz_db_column_dup (stmt, 4);
  node->school_level = tz_db_column_dup (stmt, 5);
  node->role = g_strdup (role);
  node->order = order;
  node->children = g_ptr_array_new ();
  g_hash_table_insert (nodes, &node->id, node);
  return node;
}

static gint64
compute_min_order (UnitNode *node)
{
  node->min_order = node->order;
  for (guint i = 0; i < node->children->len; i++)
    node->min_order = MIN (node->min_order, compute_min_order (node->children->pdata[i]));
  return node->min_order;
}

static int
compare_unit_nodes (gconstpointer a, gconstpointer b)
{
  const UnitNode *x = *(UnitNode *const *) a;
  const UnitNode *y = *(UnitNode *const *) b;

  if (x->min_order != y->min_order)
    return x->min_order < y->min_order ? -1 : 1;
  return strcmp (x->name, y->name);
}

static void
sort_unit_nodes (GPtrArray *nodes)
{
  g_ptr_array_sort (nodes, compare_unit_nodes);
  for (guint i = 0; i < nodes->len; i++)
    sort_unit_nodes (((UnitNode *) nodes->pdata[i])->children);
}

static JsonArray *
units_to_json (GPtrArray *nodes)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < nodes->len; i++)
    {
      UnitNode *node = nodes->pdata[i];
      JsonObject *obj = json_object_new ();

      json_object_set_string_member (obj, "name", node->name);
      if (node->short_name != NULL && *node->short_name != '\0')
        json_object_set_string_member (obj, "short_name", node->short_name);
      json_object_set_string_member (obj, "kind", node->kind);
      if (node->region != NULL && *node->region != '\0')
        json_object_set_string_member (obj, "region", node->region);
      if (node->school_level != NULL && *node->school_level != '\0')
        json_object_set_string_member (obj, "school_level", node->school_level);
      json_object_set_string_member (obj, "role", node->role);
      if (node->children->len > 0)
        json_object_set_array_member (obj, "children", units_to_json (node->children));
      json_array_add_object_element (array, obj);
    }
  return array;
}

/* @unit_id and the units under it, as a set of gint64 ids. */
static GHashTable *
subtree_ids (TzDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "WITH RECURSIVE sub(id) AS (SELECT id FROM unit WHERE id = ?1 "
                        "UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) "
                        "SELECT id FROM sub",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  if (rc < 0)
    return NULL;
  if (g_hash_table_size (ids) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no unit %d."), (int) unit_id);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
is_issuer (TzDb *db, gint64 campaign_id, gint64 unit_id)
{
  g_autoptr (sqlite3_stmt) stmt =
      tz_db_prepare (db, "SELECT 1 FROM campaign WHERE id = ?1 AND issuer_unit_id = ?2", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
export_units (TzDb *db, gint64 campaign_id, gint64 for_unit_id, JsonObject *root, GError **error)
{
  g_autoptr (GHashTable) nodes = NULL;
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (GPtrArray) roots = g_ptr_array_new ();
  GList *all = NULL;
  g_autoptr (sqlite3_stmt) linked = NULL;
  g_autoptr (sqlite3_stmt) named = NULL;
  g_autoptr (JsonArray) array = NULL;
  g_autoptr (GHashTable) keep = NULL;
  int rc;

  nodes =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) unit_node_free);
  names = g_hash_table_new (g_str_hash, g_str_equal);

  linked = tz_db_prepare (db,
                          "SELECT unit_id, role, sort_order FROM campaign_unit "
                          "WHERE campaign_id = ?1 ORDER BY sort_order, unit_id",
                          error);
  if (linked == NULL)
    return FALSE;
  sqlite3_bind_int64 (linked, 1, campaign_id);
  if (for_unit_id > 0)
    {
      keep = subtree_ids (db, for_unit_id, error);
      if (keep == NULL)
        return FALSE;
    }
  while ((rc = tz_db_step (db, linked, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (linked, 0);
      const char *role = (const char *) sqlite3_column_text (linked, 1);

      /* Passed down, the file keeps the unit's own branch, and the units that
       * issue or organise the campaign; the unit's peers stay behind. */
      if (keep != NULL && !g_hash_table_contains (keep, &id) &&
          (g_strcmp0 (role, "participant") == 0 || g_strcmp0 (role, "context") == 0))
        continue;
      if (load_unit_node (db, nodes, id, role, sqlite3_column_int64 (linked, 2), error) == NULL)
        return FALSE;
    }
  if (rc < 0)
    return FALSE;
  /* The unit's subordinates that the campaign does not link yet take part. */
  if (keep != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, keep);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (nodes, key) &&
            load_unit_node (db, nodes, *(gint64 *) key,
                            *(gint64 *) key == for_unit_id ? "context" : "participant",
                            G_MAXINT32 / 2 + *(gint64 *) key, error) == NULL)
          return FALSE;
    }

  /* Units that rows name without the campaign linking them: written as context,
   * after the linked ones, so that the file still resolves its names. */
  named = tz_db_prepare (db,
                         "SELECT issuer_unit_id FROM campaign WHERE id = ?1 "
                         "AND issuer_unit_id IS NOT NULL "
                         "UNION SELECT unit_id FROM quota WHERE campaign_id = ?1 "
                         "AND unit_id IS NOT NULL ORDER BY 1",
                         error);
  if (named == NULL)
    return FALSE;
  sqlite3_bind_int64 (named, 1, campaign_id);
  while ((rc = tz_db_step (db, named, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (named, 0);
      if (keep != NULL && !g_hash_table_contains (keep, &id) && !is_issuer (db, campaign_id, id))
        continue;
      if (!g_hash_table_contains (nodes, &id) &&
          load_unit_node (db, nodes, id, "context", G_MAXINT32 + id, error) == NULL)
        return FALSE;
    }
  if (rc < 0)
    return FALSE;

  /* Ancestors, so that a unit is matched under the same parent on import. */
  all = g_hash_table_get_values (nodes);
  for (GList *l = all; l != NULL; l = l->next)
    {
      UnitNode *node = l->data;
      gint64 parent_id = node->parent_id;

      while (parent_id != 0 && !g_hash_table_contains (nodes, &parent_id))
        {
          UnitNode *parent = load_unit_node (db, nodes, parent_id, "context", G_MAXINT64, error);
          if (parent == NULL)
            {
              g_list_free (all);
              return FALSE;
            }
          parent_id = parent->parent_id;
        }
    }
  g_list_free (all);

  all = g_hash_table_get_values (nodes);
  for (GList *l = all; l != NULL; l = l->next)
    {
      UnitNode *node = l->data;
      UnitNode *parent =
          node->parent_id != 0 ? g_hash_table_lookup (nodes, &node->parent_id) : NULL;

      if (g_hash_table_contains (names, node->name))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("Two units of this campaign are named “%s”. A campaign file names "
                          "units by name: rename one of them, then export again."),
                       node->name);
          g_list_free (all);
          return FALSE;
        }
      g_hash_table_add (names, node->name);
      g_ptr_array_add (parent != NULL ? parent->children : roots, node);
    }
  g_list_free (all);
  for (guint i = 0; i < roots->len; i++)
    compute_min_order (roots->pdata[i]);
  sort_unit_nodes (roots);

  array = units_to_json (roots);
  set_array_unless_empty (root, "units", array);
  return TRUE;
}

/* Removes the quotas of units that the file does not hold (a unit's peers,
 * when a campaign is passed down); rules for every unit stay. */
static void
filter_quotas (JsonObject *root)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  JsonArray *quotas, *kept;

  if (!json_object_has_member (root, "quotas"))
    return;
  if (json_object_has_member (root, "units"))
    g_ptr_array_add (stack, json_object_get_array_member (root, "units"));
  while (stack->len > 0)
    {
      JsonArray *units = g_ptr_array_steal_index (stack, stack->len - 1);

      for (guint i = 0; i < json_array_get_length (units); i++)
        {
          JsonObject *unit = json_array_get_object_element (units, i);

          g_hash_table_add (names, (gpointer) json_object_get_string_member (unit, "name"));
          if (json_object_has_member (unit, "children"))
            g_ptr_array_add (stack, json_object_get_array_member (unit, "children"));
        }
    }
  quotas = json_object_get_array_member (root, "quotas");
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (quotas); i++)
    {
      JsonObject *quota = json_array_get_object_element (quotas, i);

      if (!json_object_has_member (quota, "unit") ||
          g_hash_table_contains (names, json_object_get_string_member (quota, "unit")))
        json_array_add_object_element (kept, json_object_ref (quota));
    }
  if (json_array_get_length (kept) > 0)
    json_object_set_array_member (root, "quotas", kept);
  else
    {
      json_array_unref (kept);
      json_object_remove_member (root, "quotas");
    }
}

static JsonObject *
export_campaign_object (TzDb *db, gint64 campaign_id, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT campaign.id");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (JsonObject) obj = json_object_new ();
  int rc;

  append_select_list (sql, "campaign", campaign_columns, G_N_ELEMENTS (campaign_columns));
  g_string_append (sql, " FROM campaign WHERE id = ?1");
  stmt = tz_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no campaign %d."),
                   (int) campaign_id);
      return NULL;
    }
  put_columns (obj, stmt, 1, campaign_columns, G_N_ELEMENTS (campaign_columns));
  return reorder (obj, campaign_keys);
}

static void
append_indent (GString *out, guint depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Escapes only what JSON requires, so that Chinese stays readable. */
static void
append_json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    switch (*p)
      {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
          break;
      }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double. */
static void
append_double (GString *out, double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", d);
  if (g_ascii_strtod (buf, NULL) != d)
    g_ascii_formatd (buf, sizeof buf, "%.17g", d);
  g_string_append (out, buf);
}

static void
append_json_node (GString *out, JsonNode *node, guint depth)
{
  switch (JSON_NODE_TYPE (node))
    {
      case JSON_NODE_OBJECT:
        {
          JsonObject *obj = json_node_get_object (node);
          g_autoptr (GList) members = json_object_get_members (obj);

          if (members == NULL)
            {
              g_string_append (out, "{}");
              break;
            }
          g_string_append (out, "{\n");
          for (GList *l = members; l != NULL; l = l->next)
            {
              append_indent (out, depth + 1);
              append_json_string (out, l->data);
              g_string_append (out, ": ");
              append_json_node (out, json_object_get_member (obj, l->data), depth + 1);
              g_string_append (out, l->next != NULL ? ",\n" : "\n");
            }
          append_indent (out, depth);
          g_string_append_c (out, '}');
        }
        break;
      case JSON_NODE_ARRAY:
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);

          if (n == 0)
            {
              g_string_append (out, "[]");
              break;
            }
          g_string_append (out, "[\n");
          for (guint i = 0; i < n; i++)
            {
              append_indent (out, depth + 1);
              append_json_node (out, json_array_get_element (array, i), depth + 1);
              g_string_append (out, i + 1 < n ? ",\n" : "\n");
            }
          append_indent (out, depth);
          g_string_append_c (out, ']');
        }
        break;
      case JSON_NODE_VALUE:
        switch (json_node_get_value_type (node))
          {
            case G_TYPE_INT64:
              g_string_append_printf (out, "%" PRId64, json_node_get_int (node));
              break;
            case G_TYPE_DOUBLE:
              append_double (out, json_node_get_double (node));
              break;
            case G_TYPE_BOOLEAN:
              g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
              break;
            default:
              append_json_string (out, json_node_get_string (node));
              break;
          }
        break;
      case JSON_NODE_NULL:
      default:
        g_string_append (out, "null");
        break;
    }
}

char *
tz_campaign_export_data (TzDb *db, gint64 campaign_id, GError **error)
{
  return tz_campaign_export_for_unit_data (db, campaign_id, 0, error);
}

char *
tz_campaign_export_for_unit_data (TzDb *db, gint64 campaign_id, gint64 unit_id, GError **error)
{
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonNode) node = NULL;
  JsonObject *campaign;
  GString *out;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  campaign = export_campaign_object (db, campaign_id, error);
  if (campaign == NULL)
    return NULL;
  json_object_set_string_member (root, "format", TZ_CAMPAIGN_FORMAT_NAME);
  json_object_set_int_member (root, "version", TZ_CAMPAIGN_FORMAT_VERSION);
  json_object_set_object_member (root, "campaign", campaign);
  if (!export_list (db, &organizer_list, campaign_id, root, error) ||
      !export_units (db, campaign_id, unit_id, root, error) ||
      !export_list (db, &stage_list, campaign_id, root, error) ||
      !export_list (db, &deadline_list, campaign_id, root, error) ||
      !export_list (db, &contact_list, campaign_id, root, error) ||
      !export_list (db, &track_list, campaign_id, root, error) ||
      !export_list (db, &quota_list, campaign_id, root, error))
    return NULL;
  if (unit_id > 0)
    filter_quotas (root);

  node = json_node_init_object (json_node_alloc (), root);
  out = g_string_new (NULL);
  append_json_node (out, node, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

gboolean
tz_campaign_export_file (TzDb *db, gint64 campaign_id, const char *path, GError **error)
{
  return tz_campaign_export_for_unit_file (db, campaign_id, 0, path, error);
}

gboolean
tz_campaign_export_for_unit_file (TzDb *db, gint64 campaign_id, gint64 unit_id, const char *path,
                                  GError **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  data = tz_campaign_export_for_unit_data (db, campaign_id, unit_id, error);
  if (data == NULL)
    return FALSE;
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
